package dev.invoicekit.cloudflare;

import dev.invoicekit.cloudflare.internal.CloudflareMessage;
import dev.invoicekit.http.ErrorDecoder;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Reads the Cloudflare v4 error envelope, {@code {"success":false,"errors":[{"code":10000,
 * "message":"Authentication error"}],"result":null}}: the vendor code is the first error's code,
 * the message every error's message joined by {@code "; "}. Any other body (HTML from an edge
 * proxy, text, broken JSON) says nothing useful: null. Stateless and thread-safe.
 */
final class CloudflareErrorDecoder implements ErrorDecoder {
  @Override public VendorError decode(int httpStatus, String contentType, String body) {
    Map<String, Object> envelope = Wire.jsonObject(body);
    return envelope == null ? null : vendorError(errors(envelope.get("errors")));
  }

  /**
   * Returns the vendor error {@code errors} describe: the first code, the messages joined by
   * {@code "; "}; null when there is neither.
   */
  static VendorError vendorError(List<CloudflareMessage> errors) {
    if (errors == null || errors.isEmpty()) return null;
    String code = null;
    StringJoiner messages = new StringJoiner("; ");
    for (CloudflareMessage error : errors) {
      if (error == null) continue;
      if (code == null) code = error.code();
      if (error.message() != null && !error.message().isBlank()) messages.add(error.message());
    }
    String message = messages.length() == 0 ? null : messages.toString();
    return code == null && message == null ? null : new VendorError(message, code);
  }

  private static List<CloudflareMessage> errors(Object errors) {
    if (!(errors instanceof List)) return List.of();
    List<CloudflareMessage> result = new ArrayList<>();
    for (Object error : (List<?>) errors) {
      if (error instanceof Map) {
        Map<?, ?> fields = (Map<?, ?>) error;
        result.add(new CloudflareMessage(text(fields.get("code")), text(fields.get("message"))));
      }
    }
    return result;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal) return ((BigDecimal) value).toPlainString();
    return value instanceof String ? (String) value : null;
  }
}
