package dev.invoicekit;

/**
 * The vendor failed (HTTP 5xx), could not be reached (I/O error, timeout) after every retry
 * allowed, or answered in a way InvoiceKit cannot use. {@link #retryable()} tells whether trying
 * again later may help.
 */
public class ProviderException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  public ProviderException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId, boolean retryable, Throwable cause) {
    super(provider, detail, httpStatus, vendorCode, requestId, retryable, cause);
  }
}
