package dev.invoicekit.stripe;

import dev.invoicekit.http.ErrorDecoder;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import java.util.Map;

/**
 * Reads Stripe's error body, {@code {"error":{"type","code","message","param",...}}}: the message
 * (with the parameter it names, when it names one), and the code, else the type (an
 * authentication failure has no code). Anything else says nothing, so the status line is used.
 * Stateless and thread-safe.
 */
final class StripeErrorDecoder implements ErrorDecoder {
  @Override public VendorError decode(int httpStatus, String contentType, String body) {
    Map<String, Object> json = Wire.jsonObject(body);
    Object error = json == null ? null : json.get("error");
    if (!(error instanceof Map)) return null;
    Map<?, ?> fields = (Map<?, ?>) error;
    String message = text(fields.get("message"));
    String param = text(fields.get("param"));
    if (message != null && param != null) message = message + " (param " + param + ")";
    String code = text(fields.get("code"));
    if (code == null) code = text(fields.get("type"));
    return message == null && code == null ? null : new VendorError(message, code);
  }

  private static String text(Object value) {
    return value instanceof String && !((String) value).isBlank() ? ((String) value).strip() : null;
  }
}
