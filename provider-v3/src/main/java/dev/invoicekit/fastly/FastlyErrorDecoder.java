package dev.invoicekit.fastly;

import dev.invoicekit.http.ErrorDecoder;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Fastly's error bodies: the RFC 7807-like {@code {"title","detail","type","code","status"}}
 * (status a number or a string), the generic {@code {"msg":...}}, and non-JSON bodies (plain text,
 * or an HTML page whose title is taken). Stateless and thread-safe.
 */
final class FastlyErrorDecoder implements ErrorDecoder {
  private static final int MAX_TEXT = 200;
  private static final Pattern HTML_TITLE =
      Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

  @Override public VendorError decode(int httpStatus, String contentType, String body) {
    String text = body.strip();
    if (text.startsWith("{")) {
      Map<String, Object> json = Wire.jsonObject(text);
      if (json != null) return fromJson(json);
    }
    if (text.startsWith("<")) {
      Matcher title = HTML_TITLE.matcher(text);
      return title.find() && !title.group(1).isBlank()
          ? new VendorError(abbreviate(title.group(1)), null) : null;
    }
    return text.isEmpty() ? null : new VendorError(abbreviate(text), null);
  }

  /** Returns what a JSON error object says, or null if it says nothing we know. */
  private static VendorError fromJson(Map<String, Object> error) {
    String message = text(error, "title");
    String detail = text(error, "detail");
    if (message == null) {
      message = text(error, "msg") != null ? text(error, "msg") : detail;
    } else if (detail != null && !detail.equals(message)) {
      message = message + ": " + detail;
    }
    String code = text(error, "code") != null ? text(error, "code") : text(error, "type");
    return message == null && code == null ? null : new VendorError(message, code);
  }

  /** Returns the string or number under {@code key}, or null. */
  private static String text(Map<String, Object> object, String key) {
    Object value = object.get(key);
    if (value instanceof BigDecimal) return ((BigDecimal) value).toPlainString();
    return value instanceof String && !((String) value).isBlank() ? ((String) value).strip() : null;
  }

  private static String abbreviate(String text) {
    String line = text.strip().lines().findFirst().orElse("").strip();
    return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "...";
  }
}
