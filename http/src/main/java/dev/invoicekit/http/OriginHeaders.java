package dev.invoicekit.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Also holds the secret texts, so that they can be cut out of any message or cause chain.
 */
final class OriginHeaders implements Interceptor {
  private static final int MIN_SECRET_LENGTH = 6;
  /** Cause chains are followed this deep, no deeper (a chain can loop). */
  private static final int MAX_CAUSES = 32;

  private final HttpUrl origin;
  private final Map<String, String> headers;
  private final List<String> secrets;

  OriginHeaders(HttpUrl origin, Map<String, String> headers) {
    this.origin = origin;
    this.headers = Map.copyOf(headers);
    List<String> secrets = new ArrayList<>();
    for (String value : headers.values()) {
      secrets.add(value);
      for (String part : value.split("[\\s,;:=]+")) {
        if (part.length() >= MIN_SECRET_LENGTH) secrets.add(part);
      }
    }
    secrets.sort((a, b) -> b.length() - a.length()); // Longest first: "Bearer x" before "x".
    this.secrets = List.copyOf(secrets);
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

  /** Returns {@code text} with every header value (and every long part of one) replaced by {@code ****}. */
  String redact(String text) {
    if (text == null) return null;
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) result = result.replace(secret, "****");
    }
    return result;
  }

  /** True if {@code text} holds a header value or a long part of one. */
  boolean holdsSecret(String text) {
    if (text == null) return false;
    for (String secret : secrets) {
      if (text.contains(secret)) return true;
    }
    return false;
  }

  /**
   * Returns {@code t} itself if no message in its cause chain holds a secret; else a copy of the
   * chain in which each exception whose message holds one is replaced by a
   * {@link RedactedException} with the secret cut out.
   */
  Throwable redact(Throwable t) {
    if (t == null || !chainHoldsSecret(t)) return t;
    return redactChain(t, 0);
  }

  private boolean chainHoldsSecret(Throwable t) {
    int depth = 0;
    for (Throwable cause = t; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
      if (holdsSecret(cause.getMessage()) || holdsSecret(cause.toString())) return true;
    }
    return false;
  }

  private Throwable redactChain(Throwable t, int depth) {
    if (t == null || depth >= MAX_CAUSES) return null;
    Throwable cause = t.getCause() == t ? null : redactChain(t.getCause(), depth + 1);
    if (!holdsSecret(t.getMessage()) && !holdsSecret(t.toString()) && cause == t.getCause()) return t;
    String className = t instanceof RedactedException ? ((RedactedException) t).originalClass() : t.getClass().getName();
    return new RedactedException(className, redact(t.getMessage()), cause, t.getStackTrace());
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
