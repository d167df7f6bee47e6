package dev.invoicekit.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * How long to wait before retry {@code n}: exponential backoff with full jitter, or the vendor's
 * {@code Retry-After}, every wait capped.
 */
final class Backoff {
  /** The default ceiling of the first wait; it doubles with every retry. */
  static final long BASE_MILLIS = 250;
  /** No wait is ever longer, whatever the backoff or the vendor asks. */
  static final long MAX_WAIT_MILLIS = 30_000;

  /** RFC 9110 HTTP-date: IMF-fixdate, then the obsolete RFC 850 and asctime forms. */
  private static final List<DateTimeFormatter> HTTP_DATES = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      new DateTimeFormatterBuilder() // Two-digit years: 70-99 are 19xx, 00-69 are 20xx.
          .appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss zzz")
          .toFormatter(Locale.US),
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

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
   * Returns the wait before retry {@code retry} (1 for the first): {@code retryAfter} when it is a
   * valid {@code Retry-After} value, else a jittered exponential backoff; at most 30 seconds.
   */
  Duration delay(int retry, String retryAfter) {
    Duration asked = retryAfter(retryAfter);
    if (asked != null) return asked.compareTo(Duration.ofMillis(MAX_WAIT_MILLIS)) > 0
        ? Duration.ofMillis(MAX_WAIT_MILLIS) : asked;
    long ceiling = Math.min(baseMillis << Math.min(retry - 1, 20), MAX_WAIT_MILLIS);
    long wait = jitter.applyAsLong(ceiling);
    return Duration.ofMillis(Math.max(0, Math.min(wait, ceiling)));
  }

  /**
   * Parses a {@code Retry-After} header (RFC 9110 section 10.2.3): delta-seconds or an HTTP-date,
   * a date in the past meaning zero.
   *
   * @return the wait, uncapped; null if {@code header} is null or neither form
   */
  Duration retryAfter(String header) {
    if (header == null) return null;
    String text = header.trim().replaceAll("\\s+", " ");
    if (text.matches("\\d{1,18}")) return Duration.ofSeconds(Long.parseLong(text));
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(text, format).toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeException ignored) {
        // Try the next form.
      }
    }
    return null;
  }
}
