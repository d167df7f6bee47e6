package dev.invoicekit;

import java.time.Duration;
import java.util.Optional;

/** The vendor still answered HTTP 429 after every retry allowed. Retryable. */
public final class RateLimitException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  /** What {@code Retry-After} said, or null. */
  private final Duration retryAfter;

  /**
   * @param detail what went wrong, without the provider, status, code and request id
   * @param provider the provider id, like {@code "acme"}
   * @param requestId the vendor's request id; nullable
   * @param vendorCode the vendor's error code; nullable
   * @param retryAfter how long the vendor asked to wait ({@code Retry-After}); nullable
   */
  public RateLimitException(String provider, String detail, String vendorCode, String requestId,
      Duration retryAfter) {
    super(provider, detail, 429, vendorCode, requestId, true, null);
    this.retryAfter = retryAfter;
  }

  /** {@return how long the vendor asked to wait before the next call, if it said} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
