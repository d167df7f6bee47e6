package dev.invoicekit.http;

import dev.invoicekit.spi.ProviderConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Builds transports against a MockWebServer with recognisable secrets and recorded waits. */
final class Harness {
  static final String TOKEN = "tok_SECRET_3f9a2b7c41";
  static final String API_KEY = "key_SECRET_88d1e6a0f2";

  /** Every wait the transport asked for, in order. */
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  /** The thread of every wait. */
  final List<Thread> waitingThreads = new CopyOnWriteArrayList<>();

  private final MockWebServer server;

  Harness(MockWebServer server) {
    this.server = server;
  }

  /** Settings of provider {@code acme}, as alternating keys and values. */
  static ProviderConfig config(String... settings) {
    ProviderConfig.Builder builder = ProviderConfig.builder("acme").environment(name -> null);
    for (int i = 0; i < settings.length; i += 2) builder.set(settings[i], settings[i + 1]);
    return builder.build();
  }

  /** A builder with credentials, recorded waits and no jitter (the longest wait every time). */
  HttpTransport.Builder builder(ProviderConfig config) {
    return HttpTransport.builder(config)
        .baseUrl(server.url("/v1/").uri())
        .header("Authorization", "Bearer " + TOKEN)
        .header("x-api-key", API_KEY)
        .sleeper(duration -> {
          waitingThreads.add(Thread.currentThread());
          waits.add(duration);
        })
        .jitter(max -> max);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-" + code)
        .body(body)
        .build();
  }

  static MockResponse status(int code) {
    return json(code, "");
  }
}
