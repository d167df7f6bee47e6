package dev.invoicekit.http;

import static dev.invoicekit.http.Harness.config;
import static dev.invoicekit.http.Harness.json;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transports share one pool, dispatcher and set of threads; closing one leaves the others be,
 * closing the last ends everything. Each test has resources of its own, so no other test's
 * transports count.
 */
@Timeout(30)
final class SharedResourcesTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final Harness harness = new Harness(server);
  private final SharedResources resources = new SharedResources("invoicekit-test-http");
  private final List<HttpTransport> transports = new ArrayList<>();

  @AfterEach void closeAll() {
    transports.forEach(HttpTransport::close);
  }

  private HttpTransport open() {
    HttpTransport transport = harness.builder(config()).shared(resources).build();
    transports.add(transport);
    return transport;
  }

  @Test void manyTransportsShareOnePoolAndAFewThreads() {
    for (int i = 0; i < 100; i++) server.enqueue(json(200, "{\"id\":\"in_" + i + "\"}"));

    for (int i = 0; i < 100; i++) {
      HttpTransport transport = open();
      assertThat(transport.execute(transport.create(TestApi.class).item("in_" + i)).id()).isEqualTo("in_" + i);
    }

    // One connection serves them all, one after another: the pool is one.
    for (HttpTransport transport : transports) assertThat(transport.connectionCount()).isEqualTo(1);
    List<Thread> threads = resources.current().threads();
    assertThat(threads).as("threads for 100 transports used one after another").hasSizeLessThan(50);
    assertThat(threads).allSatisfy(thread -> {
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getThreadGroup().getName()).isEqualTo("invoicekit-test-http");
      assertThat(thread.getThreadGroup().getParent().getParent()).as("a group under the root group").isNull();
    });
  }

  @Test void closingOneTransportLeavesAnotherCallInFlightAlone() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        received.countDown();
        answer.await();
        return json(200, "{\"id\":\"in_1\"}");
      }
    });
    HttpTransport closing = open();
    HttpTransport working = open();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<TestApi.Item> result = caller.submit(() -> working.execute(working.create(TestApi.class).item("in_1")));
      assertThat(received.await(10, SECONDS)).isTrue();

      closing.close();
      answer.countDown();

      assertThat(result.get(10, SECONDS).id()).isEqualTo("in_1");
      assertThat(resources.current()).as("the generation lives while a transport holds it").isNotNull();
    } finally {
      answer.countDown();
      caller.shutdownNow();
    }
  }

  @Test void closingTheLastTransportEndsTheThreadsAndEvictsTheConnections() throws Exception {
    HttpTransport first = open();
    HttpTransport second = open();
    for (int i = 0; i < 2; i++) server.enqueue(json(200, "{\"id\":\"in_1\"}"));
    first.execute(first.create(TestApi.class).item("in_1"));
    second.execute(second.create(TestApi.class).item("in_1"));
    SharedResources.Generation generation = resources.current();
    List<Thread> threads = generation.threads();
    assertThat(threads).isNotEmpty();

    first.close();
    assertThat(generation.executor.isShutdown()).isFalse();
    assertThat(second.connectionCount()).isEqualTo(1);
    second.close();

    assertThat(resources.current()).isNull();
    assertThat(generation.executor.awaitTermination(10, SECONDS)).isTrue();
    for (Thread thread : threads) {
      thread.join(10_000);
      assertThat(thread.isAlive()).as(thread.getName()).isFalse();
    }
    assertThat(second.connectionCount()).isZero();

    // The next transport starts afresh.
    HttpTransport third = open();
    server.enqueue(json(200, "{\"id\":\"in_2\"}"));
    assertThat(third.execute(third.create(TestApi.class).item("in_2")).id()).isEqualTo("in_2");
    assertThat(resources.current()).isNotNull().isNotSameAs(generation);
  }

  @Test void aHostsClientIsUsedAndLeftRunningByClose() throws Exception {
    OkHttpClient host = new OkHttpClient();
    try {
      HttpTransport transport = harness.builder(config()).client(host).build();
      transports.add(transport);
      server.enqueue(json(200, "{\"id\":\"in_1\"}"));
      transport.execute(transport.create(TestApi.class).item("in_1"));
      assertThat(host.connectionPool().connectionCount()).as("the host's pool holds the connection").isEqualTo(1);

      transport.close();

      assertThat(host.dispatcher().executorService().isShutdown()).isFalse();
      server.enqueue(json(200, "{}"));
      try (Response response = host.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
      assertThat(resources.current()).as("no share of the JVM's resources was taken").isNull();
    } finally {
      host.dispatcher().executorService().shutdownNow();
      host.connectionPool().evictAll();
    }
  }

  @Test void anErrorInsideOkHttpEndsTheCallAtOnce() {
    OkHttpClient host = new OkHttpClient.Builder().addInterceptor(chain -> {
      throw new OutOfMemoryError("simulated");
    }).build();
    try {
      HttpTransport transport = harness.builder(config("timeout", "60s")).client(host).build();
      transports.add(transport);

      assertThatThrownBy(() -> transport.execute(transport.create(TestApi.class).item("in_1")))
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getCause()).isInstanceOf(OutOfMemoryError.class);
          })
          .hasMessage("acme: internal error on the transport's thread: java.lang.OutOfMemoryError");
      assertThat(harness.waits).as("not retried").isEmpty();
    } finally {
      host.dispatcher().executorService().shutdownNow();
    }
  }

  @Test void anErrorWhileTheBodyIsReadEndsTheCallAtOnce() {
    OkHttpClient host = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      Response response = chain.proceed(chain.request());
      response.close();
      return response.newBuilder().body(new ResponseBody() {
        @Override public MediaType contentType() {
          return null;
        }

        @Override public long contentLength() {
          return -1;
        }

        @Override public BufferedSource source() {
          throw new StackOverflowError();
        }
      }).build();
    }).build();
    try {
      HttpTransport transport = harness.builder(config("timeout", "60s")).client(host).build();
      transports.add(transport);
      server.enqueue(json(200, "{\"id\":\"in_1\"}"));

      assertThatThrownBy(() -> transport.execute(transport.create(TestApi.class).item("in_1")))
          .isInstanceOf(ProviderException.class)
          .hasMessage("acme: internal error on the transport's thread: java.lang.StackOverflowError");
      assertThat(harness.waits).as("not retried").isEmpty();
    } finally {
      host.dispatcher().executorService().shutdownNow();
      host.connectionPool().evictAll();
    }
  }
}
