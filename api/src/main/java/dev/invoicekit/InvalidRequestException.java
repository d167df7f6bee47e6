package dev.invoicekit;

/** The vendor rejected the request as invalid (HTTP 400, 422 or another 4xx). Not retryable. */
public final class InvalidRequestException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId) {
    super(provider, detail, httpStatus, vendorCode, requestId, false, null);
  }
}
