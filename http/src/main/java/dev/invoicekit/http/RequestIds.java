package dev.invoicekit.http;

import java.util.List;
import okhttp3.Headers;

/** Finds the vendor's request id in response headers: the first configured header present wins. */
final class RequestIds {
  static final List<String> DEFAULT = List.of("X-Request-Id", "Request-Id", "CF-Ray", "X-Fastly-Request-Id");

  private final List<String> names;

  RequestIds(List<String> names) {
    this.names = List.copyOf(names);
  }

  /** Returns the request id in {@code headers}, or null. */
  String find(Headers headers) {
    for (String name : names) {
      String value = headers.get(name);
      if (value != null && !value.isBlank()) return value.trim();
    }
    return null;
  }
}
