package dev.invoicekit.sandbox;

import java.util.Objects;
import okhttp3.Headers;
import okio.ByteString;

/**
 * An HTTP response from a vendor handler: a status, headers and a body. Immutable.
 *
 * <p>Most are JSON: {@code SandboxResponse.ok(Json.object("data", items, "meta", meta))}. The
 * sandbox adds the configured latency and any injected fault when it sends it.
 */
final class SandboxResponse {
  private final int status;
  private final Headers headers;
  private final ByteString body; // UTF-8: written once, sent as is

  private SandboxResponse(int status, Headers headers, ByteString body) {
    if (status < 100 || status > 599) throw new IllegalArgumentException("status: " + status);
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** Returns a 200 whose body is {@code tree} written by {@link Json#write}. */
  static SandboxResponse ok(Object tree) {
    return json(200, tree);
  }

  /** Returns a {@code status} response whose body is {@code tree} written by {@link Json#write}. */
  static SandboxResponse json(int status, Object tree) {
    return new SandboxResponse(status, Headers.of("Content-Type", "application/json; charset=utf-8"),
        Json.writeUtf8(tree));
  }

  /** Returns a {@code status} response with {@code body} of {@code contentType}, for non-JSON answers. */
  static SandboxResponse text(int status, String contentType, String body) {
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(body, "body == null");
    return new SandboxResponse(status, Headers.of("Content-Type", contentType), ByteString.encodeUtf8(body));
  }

  /** Returns a copy of this response with header {@code name: value} added. */
  SandboxResponse withHeader(String name, String value) {
    return new SandboxResponse(status, headers.newBuilder().add(name, value).build(), body);
  }

  int status() {
    return status;
  }

  Headers headers() {
    return headers;
  }

  /** The body, UTF-8 encoded. */
  ByteString body() {
    return body;
  }

  @Override public String toString() {
    return "SandboxResponse{status=" + status + ", " + body.size() + " bytes}";
  }
}
