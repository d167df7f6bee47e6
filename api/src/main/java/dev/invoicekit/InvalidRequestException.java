package dev.invoicekit;

/** The vendor rejected the request as invalid (HTTP 400, 422 or another 4xx). Not retryable. */
public final class InvalidRequestException extends InvoiceException {
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
  public InvalidRequestException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId) {
    super(provider, detail, httpStatus, vendorCode, requestId, false, null);
  }
}
