package dev.invoicekit;

/** The vendor refused the credentials (HTTP 401) or their permissions (HTTP 403). Not retryable. */
public final class AuthenticationException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider id, like {@code "acme"}
   * @param detail what went wrong, without the provider, status, code and request id
   * @param httpStatus the HTTP status of the vendor's answer, or 0 when there was none
   * @param vendorCode the vendor's error code; nullable
   * @param requestId the vendor's request id; nullable
   */
  public AuthenticationException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId) {
    super(provider, detail, httpStatus, vendorCode, requestId, false, null);
  }
}
