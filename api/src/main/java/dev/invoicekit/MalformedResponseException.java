package dev.invoicekit;

/**
 * The vendor's answer could not be used: an unparseable body, a missing required field, a
 * paging loop (a repeated cursor, an empty page claiming more), or an envelope in which the
 * vendor reports failure (like {@code success:false}). Not retryable.
 */
public final class MalformedResponseException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider id, like {@code "acme"}
   * @param detail what went wrong, without the provider, status, code and request id
   * @param httpStatus the HTTP status of the vendor's answer, or 0 when there was none
   * @param vendorCode the vendor's error code; nullable
   * @param requestId the vendor's request id; nullable
   * @param cause the cause; nullable
   */
  public MalformedResponseException(String provider, String detail, int httpStatus,
      String vendorCode, String requestId, Throwable cause) {
    super(provider, detail, httpStatus, vendorCode, requestId, false, cause);
  }

  /**
   * A malformed answer with no HTTP detail, such as a paging loop.
   *
   * @param detail what went wrong, without the provider, status, code and request id
   * @param provider the provider id, like {@code "acme"}
   */
  public MalformedResponseException(String provider, String detail) {
    this(provider, detail, 0, null, null, null);
  }
}
