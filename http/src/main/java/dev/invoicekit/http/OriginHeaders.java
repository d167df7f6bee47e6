package dev.invoicekit.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the configured headers (credentials among them) to a request only when its scheme, host
 * and port are the base URL's. As a network interceptor it sees every redirect hop, so a redirect
 * to another host never carries them; OkHttp on its own strips only {@code Authorization}.
 *
 * <p>Also holds the secret texts ({@link Redaction}), so that they can be cut out of any message
 * or cause chain.
 */
final class OriginHeaders implements Interceptor {
  private final HttpUrl origin;
  private final Map<String, String> headers;
  private final Redaction redaction;

  OriginHeaders(HttpUrl origin, Map<String, String> headers) {
    this.origin = origin;
    this.headers = Map.copyOf(headers);
    this.redaction = new Redaction(this.headers);
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (headers.isEmpty() || !sameOrigin(request.url())) return chain.proceed(request);
    Request.Builder builder = request.newBuilder();
    headers.forEach(builder::header);
    return chain.proceed(builder.build());
  }

  boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme())
        && url.host().equals(origin.host())
        && url.port() == origin.port();
  }

  /** Returns {@code text} with every secret cut out; see {@link Redaction}. */
  String redact(String text) {
    return redaction.redact(text);
  }

  /** True if {@code text} holds a secret; see {@link Redaction}. */
  boolean holdsSecret(String text) {
    return redaction.holdsSecret(text);
  }

  /** Returns {@code t}, or a copy of its cause chain with every secret cut out. */
  Throwable redact(Throwable t) {
    return redaction.redact(t);
  }

  /**
   * Checks that {@code name} and {@code value} can be sent as a header, without repeating the
   * value in the error (OkHttp's own check would, for most names).
   */
  static void checkHeader(String name, String value) {
    if (name.isEmpty()) throw new IllegalArgumentException("header name is empty");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
        throw new IllegalArgumentException("header name is not a token: '" + name + "'");
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < ' ' || c >= 0x7f)) {
        throw new IllegalArgumentException("value of header " + name
            + " has an illegal character at index " + i + " (value not shown)");
      }
    }
    if (name.toLowerCase(Locale.ROOT).equals("host")) {
      throw new IllegalArgumentException("header Host is set by OkHttp");
    }
  }
}
