package dev.invoicekit.http;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Extra HTTP statuses that mean "not ready yet, retry" for one Retrofit method, like
 * {@code @RetryOnStatus(202)} for an estimate the vendor is still computing.
 *
 * <p>These statuses are retried within the same {@code max-retries} budget and with the same
 * backoff as any other retry; the annotation itself says that repeating the call is safe for
 * them. When the budget is spent the call fails with a retryable
 * {@link dev.invoicekit.ProviderException} whose detail names the status, like
 * {@code "HTTP 202: still not ready after 4 attempts"}.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface RetryOnStatus {
  /** The statuses to retry. */
  int[] value();
}
