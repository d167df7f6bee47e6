package dev.invoicekit;

/**
 * The vendor answered HTTP 404 outside {@link InvoiceProvider#get} (which answers
 * {@link java.util.Optional#empty()} instead): a wrong account id or base URL, typically.
 */
public final class NotFoundException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param provider the provider id, like {@code "acme"}
   * @param detail what went wrong, without the provider, status, code and request id
   * @param vendorCode the vendor's error code; nullable
   * @param requestId the vendor's request id; nullable
   */
  public NotFoundException(String provider, String detail, String vendorCode, String requestId) {
    super(provider, detail, 404, vendorCode, requestId, false, null);
  }
}
