package dev.invoicekit.http;

import java.util.List;
import okhttp3.Headers;

/**
 * Finds the vendor's request id in response headers: the first configured header present wins.
 * A credential the vendor (or a proxy) echoes in it is cut out, as from any text it sends.
 */
final class RequestIds {
  /** The vendor-neutral default; a provider whose vendor uses another header declares it. */
  static final List<String> DEFAULT = List.of("X-Request-Id", "Request-Id");

  private final List<String> names;
  private final OriginHeaders origin;

  RequestIds(List<String> names, OriginHeaders origin) {
    this.names = List.copyOf(names);
    this.origin = origin;
  }

  /** Returns the request id in {@code headers}, redacted, or null. */
  String find(Headers headers) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) return origin.redact(value.trim());
    }
    return null;
  }
}
