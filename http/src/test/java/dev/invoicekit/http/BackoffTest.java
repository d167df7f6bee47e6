package dev.invoicekit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

final class BackoffTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:30Z"), ZoneOffset.UTC);
  private final Backoff ceiling = new Backoff(max -> max, CLOCK);

  @Test void backoffDoublesFrom250MillisAndIsCappedAt30Seconds() {
    assertThat(ceiling.delay(1, null)).isEqualTo(Duration.ofMillis(250));
    assertThat(ceiling.delay(2, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(ceiling.delay(3, null)).isEqualTo(Duration.ofMillis(1000));
    assertThat(ceiling.delay(7, null)).isEqualTo(Duration.ofMillis(16_000));
    assertThat(ceiling.delay(8, null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(ceiling.delay(64, null)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test void baseSetsTheFirstCeilingAndTheCapStillHolds() {
    Backoff fast = new Backoff(1, max -> max, CLOCK);
    assertThat(fast.delay(1, null)).isEqualTo(Duration.ofMillis(1));
    assertThat(fast.delay(4, null)).isEqualTo(Duration.ofMillis(8));
    assertThat(fast.delay(15, null)).isEqualTo(Duration.ofMillis(16_384));
    assertThat(fast.delay(64, null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(new Backoff(30_000, max -> max, CLOCK).delay(64, null)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test void jitterIsGivenTheCeilingAndClampedToIt() {
    assertThat(new Backoff(max -> 0, CLOCK).delay(3, null)).isEqualTo(Duration.ZERO);
    assertThat(new Backoff(max -> max + 99, CLOCK).delay(2, null)).isEqualTo(Duration.ofMillis(500));
    assertThat(new Backoff(max -> -1, CLOCK).delay(2, null)).isEqualTo(Duration.ZERO);
  }

  @Test void retryAfterSecondsOverridesTheBackoff() {
    assertThat(ceiling.delay(1, retryAfter("7"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(ceiling.delay(3, retryAfter("0"))).isEqualTo(Duration.ZERO);
    assertThat(ceiling.delay(1, retryAfter("86400"))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test void retryAfterReadsEveryHttpDateForm() {
    assertThat(ceiling.retryAfter(retryAfter("Sun, 06 Nov 1994 08:49:37 GMT"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(ceiling.retryAfter(retryAfter("Sunday, 06-Nov-94 08:49:37 GMT"))).isEqualTo(Duration.ofSeconds(7));
    assertThat(ceiling.retryAfter(retryAfter("Sun Nov  6 08:49:37 1994"))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test void retryAfterInThePastIsZero() {
    assertThat(ceiling.retryAfter(retryAfter("Sun, 06 Nov 1994 08:00:00 GMT"))).isEqualTo(Duration.ZERO);
  }

  @Test void unreadableRetryAfterFallsBackToTheBackoff() {
    assertThat(ceiling.retryAfter(retryAfter("soon"))).isNull();
    assertThat(ceiling.retryAfter(retryAfter("-5"))).isNull();
    assertThat(ceiling.retryAfter(retryAfter("1.5"))).isNull();
    assertThat(ceiling.retryAfter(null)).isNull();
    assertThat(ceiling.delay(2, retryAfter("soon"))).isEqualTo(Duration.ofMillis(500));
  }

  @Test void retryAfterIsUncappedForTheRateLimitReport() {
    assertThat(ceiling.retryAfter(retryAfter("3600"))).isEqualTo(Duration.ofHours(1));
  }

  private static Headers retryAfter(String value) {
    return Headers.of("Retry-After", value);
  }
}
