package dev.invoicekit;

import java.util.Objects;

/**
 * The root of every error InvoiceKit reports. Unchecked.
 *
 * <p>The message names the provider and carries the HTTP status, the vendor's error code and the
 * request id where known, like {@code "acme: invoice not found (HTTP 404, vendor code not_found,
 * request id 5f2c)"}. It never carries a credential.
 */
public class InvoiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The provider id. */
  private final String provider;
  /** What went wrong, alone. */
  private final String detail;
  /** The HTTP status, or 0. */
  private final int httpStatus;
  /** The vendor's error code, or null. */
  private final String vendorCode;
  /** The vendor's request id, or null. */
  private final String requestId;
  /** Whether a later retry may succeed. */
  private final boolean retryable;

  /**
   * @param provider the provider id
   * @param detail what went wrong, in the vendor's words where it gave some
   * @param httpStatus the HTTP status, or 0 when there was no HTTP answer
   * @param vendorCode the vendor's error code; nullable
   * @param requestId the vendor's request id; nullable
   * @param retryable whether the same call may succeed later
   * @param cause the underlying failure; nullable
   */
  protected InvoiceException(String provider, String detail, int httpStatus, String vendorCode,
      String requestId, boolean retryable, Throwable cause) {
    super(format(provider, detail, httpStatus, vendorCode, requestId), cause);
    this.provider = provider;
    this.detail = detail;
    this.httpStatus = httpStatus;
    this.vendorCode = vendorCode;
    this.requestId = requestId;
    this.retryable = retryable;
  }

  /** {@return the id of the provider that failed, like {@code "acme"}} */
  public final String provider() { return provider; }

  /** {@return what went wrong, without the provider, status, code and request id of {@link #getMessage()}} */
  public final String detail() { return detail; }

  /** {@return the HTTP status of the vendor's answer, or 0 when there was none (I/O error, timeout)} */
  public final int httpStatus() { return httpStatus; }

  /** {@return the vendor's error code, or null} */
  public final String vendorCode() { return vendorCode; }

  /** {@return the vendor's request id (from a response header), or null} */
  public final String requestId() { return requestId; }

  /** {@return true if the same call may succeed if tried again later} */
  public final boolean retryable() { return retryable; }

  private static String format(String provider, String detail, int httpStatus, String vendorCode,
      String requestId) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(detail, "detail == null");
    StringBuilder result = new StringBuilder(provider).append(": ").append(detail);
    String separator = " (";
    if (httpStatus != 0) {
      result.append(separator).append("HTTP ").append(httpStatus);
      separator = ", ";
    }
    if (vendorCode != null) {
      result.append(separator).append("vendor code ").append(vendorCode);
      separator = ", ";
    }
    if (requestId != null) {
      result.append(separator).append("request id ").append(requestId);
      separator = ", ";
    }
    if (!separator.equals(" (")) result.append(')');
    return result.toString();
  }
}
