package dev.invoicekit.http;

/**
 * Turns a vendor's error body into its message and code.
 *
 * <p>Called with every non-successful answer before it becomes an exception. The body may be
 * JSON, HTML or plain text, and is cut to the first 64 KiB. {@link Wire#jsonObject(String)} reads
 * JSON without failing on anything else. Implementations must be stateless and thread-safe; an
 * exception thrown here is ignored, as if the decoder had returned null.
 */
@FunctionalInterface
public interface ErrorDecoder {
  /** Says nothing: every error gets the generic message, like {@code "HTTP 503 Service Unavailable"}. */
  ErrorDecoder NONE = (httpStatus, contentType, body) -> null;

  /**
   * Returns what {@code body} says, or null if it says nothing useful.
   *
   * @param httpStatus the HTTP status of the answer
   * @param contentType the {@code Content-Type} of the answer; nullable
   * @param body the body as text; never null, maybe empty
   */
  VendorError decode(int httpStatus, String contentType, String body);
}
