package dev.invoicekit.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * An HTTP request as a vendor emulator sees it: method, decoded path segments below the sandbox's
 * base path, decoded query parameters, case-insensitive headers and the body as UTF-8 text.
 *
 * <p>Routing reads best with {@link #matches}: <pre>{@code
 * if (request.matches("GET", "invoices", "*")) return get(request.segment(1));
 * }</pre>
 */
public final class SandboxRequest {
  private final String method;
  private final HttpUrl url;
  private final Headers headers;
  private final String body;
  private final List<String> segments;
  private final boolean underBase;

  /**
   * @param basePath the sandbox's base path, such as {@code "/acme/v1/"}: {@link #segments()}
   *     are relative to it
   */
  SandboxRequest(String method, HttpUrl url, Headers headers, String body, String basePath) {
    this.method = Objects.requireNonNull(method, "method == null");
    this.url = Objects.requireNonNull(url, "url == null");
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.body = Objects.requireNonNull(body, "body == null");
    List<String> base = segments(HttpUrl.get("http://sandbox" + basePath).pathSegments());
    List<String> path = segments(url.pathSegments());
    this.underBase = path.size() >= base.size() && path.subList(0, base.size()).equals(base);
    this.segments = underBase
        ? List.copyOf(path.subList(base.size(), path.size()))
        : List.of();
  }

  /** Drops the empty last segment of a path ending in "/". */
  private static List<String> segments(List<String> pathSegments) {
    int size = pathSegments.size();
    return size > 0 && pathSegments.get(size - 1).isEmpty()
        ? pathSegments.subList(0, size - 1)
        : pathSegments;
  }

  /** The HTTP method, upper case: {@code "GET"}, {@code "POST"}. */
  public String method() {
    return method;
  }

  /** The full path as sent, still percent-encoded, without the query. */
  public String path() {
    return url.encodedPath();
  }

  /** True if the path lies below the sandbox's base path; the sandbox answers 404 otherwise. */
  public boolean underBase() {
    return underBase;
  }

  /**
   * The decoded path segments below the base path: {@code ["invoices", "INV-1/2"]} for
   * {@code /acme/v1/invoices/INV-1%2F2} below {@code /acme/v1/}. A trailing slash adds no
   * segment.
   */
  public List<String> segments() {
    return segments;
  }

  /** Returns segment {@code index} of {@link #segments()}. */
  public String segment(int index) {
    return segments.get(index);
  }

  /**
   * True if the method is {@code method} and the segments match {@code pattern} one by one, where
   * {@code "*"} matches any single segment.
   */
  public boolean matches(String method, String... pattern) {
    if (!this.method.equals(method) || pattern.length != segments.size()) return false;
    for (int i = 0; i < pattern.length; i++) {
      if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) return false;
    }
    return true;
  }

  /** Returns the first value of query parameter {@code name}, decoded, or null if absent. */
  public String query(String name) {
    List<String> values = queryValues(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Returns every value of query parameter {@code name}, decoded, in order; empty if absent. */
  public List<String> queryValues(String name) {
    List<String> result = new ArrayList<>();
    for (String value : url.queryParameterValues(name)) {
      result.add(value == null ? "" : value); // "?flag" has no value
    }
    return Collections.unmodifiableList(result);
  }

  /** Every query parameter, decoded, in order of first appearance. */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      result.computeIfAbsent(url.queryParameterName(i), name -> new ArrayList<>())
          .add(value == null ? "" : value);
    }
    result.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(result);
  }

  /**
   * Fails unless every query parameter is one of {@code implemented}: an emulator answers a
   * parameter it does not implement with a 400 naming it, never by silently ignoring it, so a
   * client relying on a filter the emulator lacks finds out.
   *
   * <pre>{@code
   * request.requireOnlyQuery(Set.of("limit", "cursor"));   // ?limit=5&sort=x -> 400 naming 'sort'
   * }</pre>
   *
   * @throws SandboxException with status 400 naming the first parameter not in {@code implemented}
   */
  public void requireOnlyQuery(Set<String> implemented) {
    Objects.requireNonNull(implemented, "implemented == null");
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      if (!implemented.contains(name)) {
        throw unsupported("query parameter", name, implemented);
      }
    }
  }

  /**
   * Returns query parameter {@code name} as an int, or {@code defaultValue} if it is absent or
   * empty.
   *
   * @throws SandboxException with status 400 if it is not an integer
   */
  public int intQuery(String name, int defaultValue) {
    String value = query(name);
    if (value == null || value.isEmpty()) return defaultValue;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new SandboxException(400, "query parameter '" + name + "' is not an integer: '"
          + value + "'");
    }
  }

  /** Returns the first value of header {@code name}, any case, or null if absent. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Returns every value of header {@code name}, any case; empty if absent. */
  public List<String> headers(String name) {
    return headers.values(name);
  }

  /**
   * True if header {@code name} is present and equals {@code expected} exactly. Compares in
   * constant time, as a server checking a credential should.
   */
  public boolean headerEquals(String name, String expected) {
    Objects.requireNonNull(expected, "expected == null");
    String actual = headers.get(name);
    return actual != null && MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** True if {@code Authorization} is {@code Bearer <token>} (the scheme in any case). */
  public boolean bearerEquals(String token) {
    Objects.requireNonNull(token, "token == null");
    String authorization = headers.get("Authorization");
    if (authorization == null || authorization.length() < 7
        || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  /** The body as UTF-8 text; empty if there is none. */
  public String body() {
    return body;
  }

  /**
   * Returns the body parsed as a JSON object, numbers as exact {@link java.math.BigDecimal}s; an
   * empty body is an empty object.
   *
   * @throws SandboxException with status 400 if the body is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> jsonObject() {
    if (body.isBlank()) return Map.of();
    Object tree = Json.read(body);
    if (!(tree instanceof Map)) throw new SandboxException(400, "request body is not a JSON object");
    return (Map<String, Object>) tree;
  }

  /**
   * Returns the body parsed as a JSON object, as {@link #jsonObject()} does, after checking that
   * each of its fields is one of {@code implemented}: a field the emulator does not implement is a
   * 400 naming it, never silently ignored.
   *
   * @throws SandboxException with status 400 if the body is not a JSON object or has a field not
   *     in {@code implemented}
   */
  public Map<String, Object> jsonObject(Set<String> implemented) {
    Objects.requireNonNull(implemented, "implemented == null");
    Map<String, Object> json = jsonObject();
    for (String name : json.keySet()) {
      if (!implemented.contains(name)) throw unsupported("body field", name, implemented);
    }
    return json;
  }

  private static SandboxException unsupported(String what, String name, Set<String> implemented) {
    String message = implemented.isEmpty()
        ? what + " '" + name + "' is not implemented by this sandbox, which takes none here"
        : what + " '" + name + "' is not implemented by this sandbox; it implements "
            + String.join(", ", new TreeSet<>(implemented));
    return new SandboxException(400, null, message, Map.of("field", name));
  }

  /** Shows the method and path only: headers may hold credentials. */
  @Override public String toString() {
    return method + " " + url.encodedPath();
  }
}
