package dev.invoicekit;

/** The vendor refused the credentials (HTTP 401) or their permissions (HTTP 403). Not retryable. */
public final class AuthenticationException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId) {
    super(provider, detail, httpStatus, vendorCode, requestId, false, null);
  }
}
