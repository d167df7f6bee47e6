package dev.invoicekit.http;

import static dev.invoicekit.http.Harness.config;
import static dev.invoicekit.http.Harness.json;
import static dev.invoicekit.http.Harness.status;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class RetryTest {
  private static final String ITEM = "{\"id\":\"in_1\",\"amount\":12.5}";

  @StartStop public final MockWebServer server = new MockWebServer();
  private final Harness harness = new Harness(server);
  private HttpTransport transport;
  private TestApi api;

  @BeforeEach void open() {
    transport = harness.builder(config()).build();
    api = transport.create(TestApi.class);
  }

  @AfterEach void close() {
    transport.close();
  }

  private void rebuild(HttpTransport.Builder builder) {
    transport.close();
    transport = builder.build();
    api = transport.create(TestApi.class);
  }

  @Test void rateLimitHonoursRetryAfterSeconds() {
    server.enqueue(new MockResponse.Builder(status(429)).addHeader("Retry-After", "7").build());
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_1");
    assertThat(harness.waits).containsExactly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void rateLimitHonoursRetryAfterHttpDate() {
    Instant now = Instant.parse("2026-08-01T12:00:00Z");
    rebuild(harness.builder(config()).clock(Clock.fixed(now, ZoneOffset.UTC)));
    String inNineSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(9).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder(status(429)).addHeader("Retry-After", inNineSeconds).build());
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_1");
    assertThat(inNineSeconds).isEqualTo("Sat, 1 Aug 2026 12:00:09 GMT");
    assertThat(harness.waits).containsExactly(Duration.ofSeconds(9));
  }

  @Test void retryAfterIsCappedAtThirtySeconds() {
    server.enqueue(new MockResponse.Builder(status(503)).addHeader("Retry-After", "3600").build());
    server.enqueue(json(200, ITEM));

    transport.execute(api.item("in_1"));
    assertThat(harness.waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test void rateLimitAfterEveryRetryThrowsWithLastRetryAfter() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder(status(429)).addHeader("Retry-After", "2").build());
    }
    server.enqueue(new MockResponse.Builder(status(429)).addHeader("Retry-After", "120").build());

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
          assertThat(e.retryable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.requestId()).isEqualTo("req-429");
          assertThat(e.detail()).isEqualTo("HTTP 429 Too Many Requests");
        });
    assertThat(harness.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test void serviceUnavailableBurstThenSuccess() {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(status(504));
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.item("in_1")).amount()).isEqualByComparingTo("12.5");
    assertThat(server.getRequestCount()).isEqualTo(4);
    // Full jitter up to 250 ms * 2^(n-1); this jitter picks the maximum.
    assertThat(harness.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test void jitterPicksTheWaitBelowTheBackoffCeiling() {
    rebuild(harness.builder(config()).jitter(max -> max / 5));
    server.enqueue(status(500));
    server.enqueue(status(500));
    server.enqueue(json(200, ITEM));

    transport.execute(api.item("in_1"));
    assertThat(harness.waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test void serverErrorForeverMakesMaxRetriesPlusOneAttempts() {
    for (int i = 0; i < 10; i++) server.enqueue(status(500));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e).isExactlyInstanceOf(ProviderException.class);
          assertThat(e.retryable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(500);
          assertThat(e.detail()).isEqualTo("HTTP 500 Internal Server Error");
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(harness.waits).hasSize(3);
  }

  @Test void retryBaseDelaySettingSetsTheFirstCeilingWhichDoubles() {
    rebuild(harness.builder(config("retry-base-delay", "10ms")));
    server.enqueue(status(503));
    server.enqueue(status(500));
    server.enqueue(status(502));
    server.enqueue(json(200, ITEM));

    transport.execute(api.item("in_1"));
    assertThat(harness.waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
  }

  @Test void retryBaseDelayDoesNotOverrideRetryAfter() {
    rebuild(harness.builder(config("retry-base-delay", "1ms")));
    server.enqueue(new MockResponse.Builder(status(429)).addHeader("Retry-After", "3").build());
    server.enqueue(json(200, ITEM));

    transport.execute(api.item("in_1"));
    assertThat(harness.waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test void maxRetriesSettingBoundsAttempts() {
    rebuild(harness.builder(config("max-retries", "1")));
    for (int i = 0; i < 5; i++) server.enqueue(status(503));

    assertThatThrownBy(() -> transport.execute(api.item("in_1"))).isInstanceOf(ProviderException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void zeroMaxRetriesMeansOneAttempt() {
    rebuild(harness.builder(config("max-retries", "0")));
    server.enqueue(status(503));
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.item("in_1"))).isInstanceOf(ProviderException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(harness.waits).isEmpty();
  }

  @Test void nonIdempotentPostIsNotRetried() throws Exception {
    server.enqueue(status(503));
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.create(new TestApi.Item("new", BigDecimal.ONE))))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(server.takeRequest(1, SECONDS).getMethod()).isEqualTo("POST");
  }

  @Test void nonIdempotentPostAnswered503WithRetryAfterZeroIsSentOnce() throws Exception {
    // OkHttp on its own repeats any request answered 503 with Retry-After: 0, POSTs included.
    server.enqueue(new MockResponse.Builder(status(503)).addHeader("Retry-After", "0").build());
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.create(new TestApi.Item("new", BigDecimal.ONE))))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void serviceUnavailableWithRetryAfterZeroMakesExactlyMaxRetriesPlusOneAttempts() {
    rebuild(harness.builder(config("max-retries", "1")));
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder(status(503)).addHeader("Retry-After", "0").build());
    }

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(harness.waits).containsExactly(Duration.ZERO); // the Retry-After, honoured by our retry
  }

  @Test void nonIdempotentPostIsNotRetriedAfterIoError() {
    server.enqueue(dropMidBody());
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.create(new TestApi.Item("new", BigDecimal.ONE))))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isZero());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void idempotentPostIsRetried() throws Exception {
    server.enqueue(status(503));
    server.enqueue(json(200, ITEM));

    TestApi.Item found = transport.execute(api.search(new TestApi.Item("in_1", null)));

    assertThat(found.id()).isEqualTo("in_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest(1, SECONDS).getBody().utf8()).isEqualTo("{\"id\":\"in_1\"}");
    assertThat(server.takeRequest(1, SECONDS).getBody().utf8()).isEqualTo("{\"id\":\"in_1\"}");
  }

  @Test void clientErrorsAreNotRetried() {
    server.enqueue(status(400));
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.item("in_1"))).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void retryOnStatusRetriesNotReadyThenSucceeds() {
    server.enqueue(json(202, "{\"title\":\"estimate in progress\",\"status\":\"accepted\"}"));
    server.enqueue(json(202, "{\"title\":\"estimate in progress\",\"status\":\"accepted\"}"));
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.monthToDate()).id()).isEqualTo("in_1");
    assertThat(harness.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test void retryOnStatusForeverThrowsRetryableProviderException() {
    for (int i = 0; i < 6; i++) server.enqueue(json(202, "{\"status\":\"accepted\"}"));

    assertThatThrownBy(() -> transport.execute(api.monthToDate()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e).isExactlyInstanceOf(ProviderException.class);
          assertThat(e.retryable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(202);
          assertThat(e.requestId()).isEqualTo("req-202");
          assertThat(e.detail()).isEqualTo("HTTP 202: still not ready after 4 attempts");
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test void plainAcceptedIsASuccessWithoutRetryOnStatus() {
    server.enqueue(json(202, ITEM));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void connectionDroppedMidBodyIsRetried() {
    server.enqueue(dropMidBody());
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.item("in_1")).amount()).isEqualByComparingTo("12.5");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(harness.waits).containsExactly(Duration.ofMillis(250));
  }

  @Test void ioErrorAfterEveryRetryThrowsRetryableWithCause() {
    for (int i = 0; i < 4; i++) server.enqueue(dropMidBody());

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e).isExactlyInstanceOf(ProviderException.class);
          assertThat(e.httpStatus()).isZero();
          assertThat(e.retryable()).isTrue();
          assertThat(e.getCause()).isInstanceOf(IOException.class);
          assertThat(e.detail()).startsWith("I/O error: ").endsWith("(after 4 attempts)");
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test void bodySlowerThanTheTimeoutFailsTheAttemptAndIsRetried() {
    // 1 s, not less: the second, quick attempt must fit in it on a loaded machine too.
    rebuild(harness.builder(config("timeout", "1s")));
    // Each byte comes in time for the read timeout, but the whole body takes 4 s.
    server.enqueue(new MockResponse.Builder(json(200, ITEM + " ".repeat(20)))
        .throttleBody(1, 100, MILLISECONDS).build());
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void timeoutAfterEveryRetryThrowsTimedOut() {
    rebuild(harness.builder(config("timeout", "200ms", "max-retries", "1")));
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder(json(200, ITEM)).headersDelay(2, SECONDS).build());
    }

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.detail()).isEqualTo("timed out (after 2 attempts)");
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test void bodyOverTheCapIsMalformedAndNotRetried() {
    rebuild(harness.builder(config("max-response-size", "1KiB")));
    server.enqueue(json(200, "{\"id\":\"" + "x".repeat(2000) + "\"}"));
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).isEqualTo("response body larger than 1024 bytes");
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.requestId()).isEqualTo("req-200");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void chunkedBodyOverTheCapIsMalformed() {
    rebuild(harness.builder(config("max-response-size", "1024")));
    server.enqueue(new MockResponse.Builder(json(200, ""))
        .chunkedBody("{\"id\":\"" + "x".repeat(2000) + "\"}", 100).build());

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("response body larger than 1024 bytes");
  }

  @Test void bodyAtTheCapIsRead() {
    String body = "{\"id\":\"" + "x".repeat(1024 - 9) + "\"}";
    assertThat(body).hasSize(1024);
    rebuild(harness.builder(config("max-response-size", "1KiB")));
    server.enqueue(json(200, body));

    assertThat(transport.execute(api.item("in_1")).id()).hasSize(1015);
  }

  @Test void waitsRunOnTheCallingThreadNotOnTheSharedOnes() {
    server.enqueue(status(503));
    server.enqueue(json(200, ITEM));

    transport.execute(api.item("in_1"));

    // The retry loop is the caller's: a backoff wait holds none of the threads the JVM's transports share.
    assertThat(harness.waitingThreads).singleElement().isSameAs(Thread.currentThread());
  }

  /** Announces a whole body but drops the connection halfway through it. */
  static MockResponse dropMidBody() {
    return new MockResponse.Builder(json(200, ITEM + " ".repeat(200)))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  @Test void retryHintTrueRetriesAStatusNotRetriedOtherwise() throws Exception {
    rebuild(harness.builder(config()).retryHintHeader("Acme-Should-Retry"));
    server.enqueue(new MockResponse.Builder(status(409)).addHeader("Acme-Should-Retry", "true").build());
    server.enqueue(json(200, ITEM));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(harness.waits).hasSize(1);
  }

  @Test void retryHintFalseEndsARetryableStatusAtOnce() {
    rebuild(harness.builder(config()).retryHintHeader("Acme-Should-Retry"));
    server.enqueue(new MockResponse.Builder(status(503)).addHeader("Acme-Should-Retry", "false").build());
    server.enqueue(json(200, ITEM));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(harness.waits).isEmpty();
  }

  @Test void retryHintTrueStillBoundsAttemptsAndNeverRepeatsANonIdempotentCall() {
    rebuild(harness.builder(config("max-retries", "1")).retryHintHeader("Acme-Should-Retry"));
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder(status(409)).addHeader("Acme-Should-Retry", "true").build());
    }

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThatThrownBy(() -> transport.execute(api.create(new TestApi.Item("new", BigDecimal.ONE))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test void retryHintIsIgnoredWithoutTheHeaderConfiguredOrWithAnOddValue() {
    server.enqueue(new MockResponse.Builder(status(409)).addHeader("Acme-Should-Retry", "true").build());
    assertThatThrownBy(() -> transport.execute(api.item("in_1"))).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);

    rebuild(harness.builder(config()).retryHintHeader("Acme-Should-Retry"));
    server.enqueue(new MockResponse.Builder(status(503)).addHeader("Acme-Should-Retry", "maybe").build());
    server.enqueue(json(200, ITEM));
    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_1");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
