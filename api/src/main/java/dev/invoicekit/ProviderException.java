package dev.invoicekit;

/**
 * The vendor failed (HTTP 5xx), could not be reached (I/O error, timeout) after every retry
 * allowed, or answered in a way InvoiceKit cannot use. {@link #retryable()} tells whether trying
 * again later may help.
 */
public class ProviderException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider id, like {@code "acme"}
   * @param detail what went wrong, without the provider, status, code and request id
   * @param httpStatus the HTTP status of the vendor's answer, or 0 when there was none
   * @param vendorCode the vendor's error code; nullable
   * @param requestId the vendor's request id; nullable
   * @param retryable true if the same call may succeed if tried again later
   * @param cause the cause; nullable
   */
  public ProviderException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId, boolean retryable, Throwable cause) {
    super(provider, detail, httpStatus, vendorCode, requestId, retryable, cause);
  }
}
