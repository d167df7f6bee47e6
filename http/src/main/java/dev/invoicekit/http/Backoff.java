package dev.invoicekit.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongUnaryOperator;
import okhttp3.Headers;

/**
 * How long to wait before retry {@code n}: exponential backoff with full jitter, or the vendor's
 * {@code Retry-After}, every wait capped.
 */
final class Backoff {
  /** The default ceiling of the first wait; it doubles with every retry. */
  static final long BASE_MILLIS = 250;
  /** No wait is ever longer, whatever the backoff or the vendor asks. */
  static final long MAX_WAIT_MILLIS = 30_000;

  private final long baseMillis;
  private final LongUnaryOperator jitter;
  private final Clock clock;

  Backoff(LongUnaryOperator jitter, Clock clock) {
    this(BASE_MILLIS, jitter, clock);
  }

  /** @param baseMillis the ceiling of the first wait, from 0 to {@link #MAX_WAIT_MILLIS} */
  Backoff(long baseMillis, LongUnaryOperator jitter, Clock clock) {
    if (baseMillis < 0 || baseMillis > MAX_WAIT_MILLIS) {
      throw new IllegalArgumentException("baseMillis not in 0.." + MAX_WAIT_MILLIS + ": " + baseMillis);
    }
    this.baseMillis = baseMillis;
    this.jitter = jitter;
    this.clock = clock;
  }

  /**
   * Returns the wait before retry {@code retry} (1 for the first): the wait {@code headers} ask for when they hold a
   * readable {@code Retry-After} header, else a jittered exponential backoff; at most 30 seconds.
   */
  Duration delay(int retry, Headers headers) {
    Duration asked = retryAfter(headers);
    if (asked != null) return asked.compareTo(Duration.ofMillis(MAX_WAIT_MILLIS)) > 0
        ? Duration.ofMillis(MAX_WAIT_MILLIS) : asked;
    long ceiling = Math.min(baseMillis << Math.min(retry - 1, 20), MAX_WAIT_MILLIS);
    long wait = jitter.applyAsLong(ceiling);
    return Duration.ofMillis(Math.max(0, Math.min(wait, ceiling)));
  }

  /**
   * Reads the {@code Retry-After} header of {@code headers} (RFC 9110 section 10.2.3):
   * delta-seconds, or an HTTP-date (any of its three forms, parsed by OkHttp's
   * {@link Headers#getInstant}), a date in the past meaning zero.
   *
   * @return the wait, uncapped; null if {@code headers} is null or has no readable value
   */
  Duration retryAfter(Headers headers) {
    if (headers == null) return null;
    String text = headers.get("Retry-After");
    if (text == null) return null;
    text = text.trim();
    if (text.matches("\\d{1,18}")) return Duration.ofSeconds(Long.parseLong(text));
    Instant date = headers.getInstant("Retry-After");
    if (date == null) return null;
    Duration wait = Duration.between(clock.instant(), date);
    return wait.isNegative() ? Duration.ZERO : wait;
  }
}
