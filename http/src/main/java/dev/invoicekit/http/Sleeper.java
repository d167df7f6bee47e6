package dev.invoicekit.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between retries. Injectable so that tests record the waits instead of waiting.
 *
 * <p>Implementations must be thread-safe and must answer an interrupt with
 * {@link InterruptedException}: that is how a cancelled call stops waiting.
 */
@FunctionalInterface
public interface Sleeper {
  /** Waits on the current thread, with {@link TimeUnit#sleep}. */
  Sleeper SYSTEM = duration -> {
    if (duration.isNegative() || duration.isZero()) return;
    TimeUnit.MILLISECONDS.sleep(duration.toMillis());
  };

  /**
   * Waits for {@code duration}; returns at once if it is zero or negative.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
