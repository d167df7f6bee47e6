package dev.invoicekit.flexprice;

import dev.invoicekit.http.ErrorDecoder;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads the vendor's message and code from every error body Flexprice has used:
 *
 * <ul>
 *   <li>the current flat shape {@code {"code":"not_found","message":"…","http_status_code":404,"details":{…}}};
 *   <li>the legacy envelope {@code {"success":false,"error":{"message":"…","internal_error":"…"}}};
 *   <li>the older {@code {"status":"error","message":"…","code":…}};
 *   <li>the auth middleware's {@code {"error":"Unauthorized"}}.
 * </ul>
 *
 * <p>A body that is not a JSON object, or carries none of these, decodes to null so the transport
 * reports the HTTP status alone. The legacy {@code internal_error} is left out: it is server
 * detail, not a message for the caller. Stateless and thread-safe.
 */
final class FlexpriceErrorDecoder implements ErrorDecoder {
  @Override public VendorError decode(int httpStatus, String contentType, String body) {
    Map<String, Object> json = Wire.jsonObject(body);
    if (json == null) return null;
    String message = text(json.get("message"));
    String code = text(json.get("code"));
    Object error = json.get("error");
    if (error instanceof Map) {
      Map<?, ?> nested = (Map<?, ?>) error;
      if (message == null) message = text(nested.get("message"));
      if (code == null) code = text(nested.get("code"));
    } else if (message == null) {
      message = text(error);
    }
    return message == null && code == null ? null : new VendorError(message, code);
  }

  /** Returns a string, number or boolean as text; anything else, or blank text, as null. */
  private static String text(Object value) {
    String text;
    if (value instanceof String) {
      text = (String) value;
    } else if (value instanceof BigDecimal) {
      text = ((BigDecimal) value).toPlainString();
    } else if (value instanceof Boolean) {
      text = value.toString();
    } else {
      return null;
    }
    return text.isBlank() ? null : text;
  }
}
