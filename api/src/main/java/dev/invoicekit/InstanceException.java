package dev.invoicekit;

import java.util.Objects;

/**
 * Reading one of several instances failed; {@link #instance()} names it and {@link #getCause()}
 * is the original failure, whose type tells what went wrong (an {@link AuthenticationException},
 * a {@link RateLimitException}, ...). {@link #provider()}, {@link #httpStatus()},
 * {@link #vendorCode()}, {@link #requestId()} and {@link #retryable()} are the original's when it
 * is an {@link InvoiceException}. The message starts with the provider and the instance:
 * {@code "acme: instance acme-eu: invalid token (HTTP 401)"}.
 */
public final class InstanceException extends InvoiceException {
  private static final long serialVersionUID = 1L;

  /** The name of the instance that failed, like {@code acme-eu}. */
  private final String instance;

  /**
   * @param instance the instance that failed
   * @param providerId its provider's id, used when {@code cause} is not an {@link InvoiceException}
   * @param cause the original failure
   */
  public InstanceException(String instance, String providerId, RuntimeException cause) {
    this(instance, Objects.requireNonNull(cause, "cause == null"),
        cause instanceof InvoiceException ? (InvoiceException) cause : null, providerId);
  }

  private InstanceException(String instance, RuntimeException cause, InvoiceException typed,
      String providerId) {
    super(typed != null ? typed.provider() : Objects.requireNonNull(providerId, "providerId == null"),
        "instance " + Objects.requireNonNull(instance, "instance == null") + ": "
            + (typed != null ? typed.detail() : String.valueOf(cause)),
        typed != null ? typed.httpStatus() : 0,
        typed != null ? typed.vendorCode() : null,
        typed != null ? typed.requestId() : null,
        typed != null && typed.retryable(),
        cause);
    this.instance = instance;
  }

  /** {@return the name of the instance that failed, like {@code acme-eu}} */
  public String instance() {
    return instance;
  }
}
