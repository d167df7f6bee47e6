package dev.invoicekit.http;

import static dev.invoicekit.http.Harness.config;
import static dev.invoicekit.http.Harness.json;
import static dev.invoicekit.http.Harness.status;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.ProviderException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
final class LifecycleTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final Harness harness = new Harness(server);
  private HttpTransport transport;

  @AfterEach void close() {
    if (transport != null) transport.close();
  }

  /** Runs {@code body} on a thread of its own, recording what it threw and its interrupt flag. */
  private static final class Caller extends Thread {
    final AtomicReference<Throwable> thrown = new AtomicReference<>();
    final AtomicBoolean interruptFlag = new AtomicBoolean();
    private final Runnable body;

    Caller(Runnable body) {
      this.body = body;
      setDaemon(true);
    }

    @Override public void run() {
      try {
        body.run();
      } catch (Throwable t) {
        thrown.set(t);
      }
      interruptFlag.set(Thread.currentThread().isInterrupted());
    }
  }

  /** Starts a call that the server never answers, and returns once the server has it. */
  private Caller startUnansweredCall() throws InterruptedException {
    transport = harness.builder(config("timeout", "60s")).build();
    TestApi api = transport.create(TestApi.class);
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    Caller caller = new Caller(() -> transport.execute(api.item("in_1")));
    caller.start();
    assertThat(server.takeRequest(5, SECONDS)).isNotNull();
    return caller;
  }

  @Test void interruptDuringIoCancelsTheCallPromptly() throws Exception {
    Caller caller = startUnansweredCall();
    CountDownLatch idle = new CountDownLatch(1);
    transport.idleCallback(idle::countDown);

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(caller.thrown.get()).isInstanceOfSatisfying(ProviderException.class, e -> {
      assertThat(e.detail()).isEqualTo("interrupted");
      assertThat(e.httpStatus()).isZero();
      assertThat(e.retryable()).isFalse();
      assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
    });
    assertThat(caller.interruptFlag).isTrue();
    assertThat(idle.await(10, SECONDS)).as("the OkHttp call was released").isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void interruptDuringBackoffStopsTheWait() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    transport = harness.builder(config()).sleeper(duration -> {
      waiting.countDown();
      Sleeper.SYSTEM.sleep(duration);
    }).build();
    TestApi api = transport.create(TestApi.class);
    server.enqueue(new MockResponse.Builder(status(503)).addHeader("Retry-After", "25").build());
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));
    Caller caller = new Caller(() -> transport.execute(api.item("in_1")));
    caller.start();
    assertThat(waiting.await(5, SECONDS)).isTrue();

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).as("the backoff wait, on the caller's thread, was woken").isFalse();
    assertThat(caller.thrown.get()).isInstanceOf(ProviderException.class).hasMessage("acme: interrupted");
    assertThat(caller.interruptFlag).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void closeIsIdempotentAndLaterCallsThrow() {
    transport = harness.builder(config()).build();
    TestApi api = transport.create(TestApi.class);
    assertThat(transport.isClosed()).isFalse();

    transport.close();
    transport.close();

    assertThat(transport.isClosed()).isTrue();
    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acme provider is closed");
    assertThatThrownBy(() -> transport.create(TestApi.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acme provider is closed");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void closeFailsTheCallsInFlight() throws Exception {
    Caller caller = startUnansweredCall();

    transport.close();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(caller.thrown.get()).isInstanceOf(IllegalStateException.class)
        .hasMessage("acme provider is closed");
  }

  @Test void maxResponseSizeAcceptsBytesAndBinaryUnits() {
    assertThat(Settings.maxResponseSize(config())).isEqualTo(32L * 1024 * 1024);
    assertThat(Settings.maxResponseSize(config("max-response-size", "1048576"))).isEqualTo(1_048_576);
    assertThat(Settings.maxResponseSize(config("max-response-size", "512KiB"))).isEqualTo(512 * 1024);
    assertThat(Settings.maxResponseSize(config("max-response-size", "32MiB"))).isEqualTo(32L << 20);
    assertThat(Settings.maxResponseSize(config("max-response-size", "1 GiB"))).isEqualTo(1L << 30);
  }

  @Test void malformedMaxResponseSizeFailsAtBuilderNamingTheKey() {
    for (String bad : new String[] {"32MB", "lots", "0", "2GiB", "-5", "99999999999"}) {
      assertThatThrownBy(() -> HttpTransport.builder(config("max-response-size", bad)))
          .isInstanceOfSatisfying(ConfigurationException.class,
              e -> assertThat(e.key()).isEqualTo("invoicekit.acme.max-response-size"));
    }
  }

  @Test void retryBaseDelayIsADurationUpToThirtySeconds() {
    assertThat(Settings.retryBaseDelay(config())).isEqualTo(Duration.ofMillis(250));
    assertThat(Settings.retryBaseDelay(config("retry-base-delay", "1ms"))).isEqualTo(Duration.ofMillis(1));
    assertThat(Settings.retryBaseDelay(config("retry-base-delay", "PT30S"))).isEqualTo(Duration.ofSeconds(30));
    for (String bad : new String[] {"soon", "0ms", "-1s", "31s", "1h"}) {
      assertThatThrownBy(() -> HttpTransport.builder(config("retry-base-delay", bad))).as(bad)
          .isInstanceOfSatisfying(ConfigurationException.class,
              e -> assertThat(e.key()).isEqualTo("invoicekit.acme.retry-base-delay"));
    }
  }

  @Test void malformedTimeoutFailsAtBuilder() {
    assertThatThrownBy(() -> HttpTransport.builder(config("timeout", "soon")))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("invoicekit.acme.timeout"));
  }

  @Test void buildWithoutBaseUrlFails() {
    assertThatThrownBy(() -> HttpTransport.builder(config()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl == null");
  }

  @Test void baseUrlWithoutTrailingSlashGetsOne() throws Exception {
    transport = HttpTransport.builder(config())
        .baseUrl(URI.create(server.url("/v1").toString()))
        .build();
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    transport.execute(transport.create(TestApi.class).item("in_1"));

    assertThat(server.takeRequest(1, SECONDS).getTarget()).isEqualTo("/v1/items/in_1");
  }

  @Test void extraMoshiAdaptersAreUsed() {
    transport = harness.builder(config()).addMoshiAdapter(new Object() {
      @com.squareup.moshi.FromJson java.util.Currency fromJson(String code) {
        return Wire.currency("acme", code);
      }

      @com.squareup.moshi.ToJson String toJson(java.util.Currency currency) {
        return currency.getCurrencyCode();
      }
    }).build();

    assertThat(transport.moshi().adapter(java.util.Currency.class).toJson(java.util.Currency.getInstance("EUR")))
        .isEqualTo("\"EUR\"");
    assertThat(transport.providerId()).isEqualTo("acme");
  }
}
