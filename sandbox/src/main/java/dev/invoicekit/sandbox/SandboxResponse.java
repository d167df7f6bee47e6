package dev.invoicekit.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okio.ByteString;

/**
 * An HTTP response from a vendor emulator: a status, headers and a body. Immutable.
 *
 * <p>Most are JSON: {@code SandboxResponse.ok(Json.object("data", items, "meta", meta))}. The
 * sandbox adds the configured latency, the request-id header and any injected fault when it
 * sends it.
 */
public final class SandboxResponse {
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
  public static SandboxResponse ok(Object tree) {
    return json(200, tree);
  }

  /**
   * Returns a {@code status} response whose body is {@code tree} written by {@link Json#write}.
   *
   * @throws IllegalArgumentException if {@code status} is not 100 to 599, or the tree cannot be
   *     written as JSON
   */
  public static SandboxResponse json(int status, Object tree) {
    return new SandboxResponse(status, Headers.of("Content-Type", "application/json; charset=utf-8"),
        Json.writeUtf8(tree));
  }

  /** Returns a {@code status} response with {@code body} of {@code contentType}, for non-JSON answers. */
  public static SandboxResponse text(int status, String contentType, String body) {
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(body, "body == null");
    return new SandboxResponse(status, Headers.of("Content-Type", contentType), ByteString.encodeUtf8(body));
  }

  /**
   * Returns a copy of this response with header {@code name: value} added.
   *
   * @throws IllegalArgumentException if {@code name} or {@code value} cannot be an HTTP header
   */
  public SandboxResponse withHeader(String name, String value) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    return new SandboxResponse(status, headers.newBuilder().add(name, value).build(), body);
  }

  /** The HTTP status code, 100 to 599. */
  public int status() {
    return status;
  }

  /**
   * The headers, by name as set, in order; a header set twice has its values joined by
   * {@code ", "}. Unmodifiable.
   */
  public Map<String, String> headers() {
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      result.merge(headers.name(i), headers.value(i), (first, next) -> first + ", " + next);
    }
    return Collections.unmodifiableMap(result);
  }

  /** Returns the value of header {@code name}, any case, or null if it is absent. */
  public String header(String name) {
    return headers.get(name);
  }

  /** The {@code Content-Type}, such as {@code "application/json; charset=utf-8"}. */
  public String contentType() {
    return headers.get("Content-Type");
  }

  /** The body, UTF-8 encoded; a new array each call. */
  public byte[] body() {
    return body.toByteArray();
  }

  /** The body as text. */
  public String bodyUtf8() {
    return body.utf8();
  }

  Headers okHeaders() {
    return headers;
  }

  ByteString bodyBytes() {
    return body;
  }

  @Override public String toString() {
    return "SandboxResponse{status=" + status + ", " + body.size() + " bytes}";
  }
}
