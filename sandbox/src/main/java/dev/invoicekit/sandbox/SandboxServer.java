package dev.invoicekit.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.Buffer;
import okio.ByteString;

/**
 * The HTTP side of a {@link Sandbox}: a {@link MockWebServer} on loopback whose dispatcher counts
 * requests, injects the configured faults, adds the configured latency and otherwise sends the
 * sandbox's answer.
 *
 * <p>Fault decisions come from one {@link Random} seeded with {@link SandboxOptions#seed()}, drawn
 * under a lock: the sequence of decisions is the same in every run, whichever thread asks.
 */
final class SandboxServer {
  private final Sandbox sandbox;
  private final SandboxOptions options;
  private final String basePath;
  private final List<Fault> faultChoices;
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger requestCount = new AtomicInteger();
  private final AtomicInteger faultCount = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Random faultRandom; // guarded by this
  private volatile String baseUrl;
  private volatile LongSupplier nanoClock = System::nanoTime; // tests inject a fake

  SandboxServer(Sandbox sandbox, String basePath) {
    this.sandbox = sandbox;
    this.options = sandbox.options();
    this.basePath = basePath;
    this.faultChoices = List.copyOf(options.faults());
    this.faultRandom = new Random(options.seed());
  }

  /** Binds {@link SandboxOptions#port()} (a free port if 0) on the loopback interface and starts serving. */
  void start() {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
        long received = nanoClock.getAsLong();
        server.takeRequest(0, TimeUnit.NANOSECONDS); // nobody reads the record: keep memory flat
        ByteString body = recorded.getBody();
        return respond(new SandboxRequest(recorded.getMethod(), recorded.getUrl(),
            recorded.getHeaders(), body == null ? "" : body.utf8(), basePath), received);
      }
    });
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      server.start(loopback, options.port());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + sandbox.providerId() + " sandbox", e);
    }
    baseUrl = new HttpUrl.Builder()
        .scheme("http")
        .host(loopback.getHostAddress())
        .port(server.getPort())
        .encodedPath(basePath)
        .build()
        .toString();
  }

  /** The base URL, such as {@code http://127.0.0.1:41234/acme/v1/}. */
  String baseUrl() {
    String result = baseUrl;
    if (result == null) throw new IllegalStateException("the sandbox is not started");
    return result;
  }

  int requestCount() {
    return requestCount.get();
  }

  int faultCount() {
    return faultCount.get();
  }

  /** Answers {@code request} as if it had just been read. */
  MockResponse respond(SandboxRequest request) {
    return respond(request, nanoClock.getAsLong());
  }

  /** Tests: the clock the latency is measured with, {@link System#nanoTime()} by default. */
  void nanoClock(LongSupplier clock) {
    this.nanoClock = clock;
  }

  /**
   * Answers {@code request}, read at {@code receivedNanos} ({@link System#nanoTime()}): counts it,
   * then injects a fault or sends the sandbox's answer.
   */
  private MockResponse respond(SandboxRequest request, long receivedNanos) {
    requestCount.incrementAndGet();
    Injection injection = nextInjection();
    if (injection != Injection.NONE) faultCount.incrementAndGet();
    switch (injection) {
      case RATE_LIMIT:
        return send(sandbox.error(429, null, "Too Many Requests")
            .withHeader("Retry-After", Integer.toString(options.retryAfterSeconds())), receivedNanos);
      case UNAVAILABLE:
        return send(sandbox.error(503, null, "Service Unavailable"), receivedNanos);
      case DISCONNECT_AT_START:
        return disconnectAtStart();
      case DISCONNECT_MID_BODY: {
        SandboxResponse answer = sandbox.answer(request);
        if (answer.bodyBytes().size() < 2) return disconnectAtStart(); // no half to send
        return builder(answer, receivedNanos).onResponseBody(new SocketEffect.CloseSocket()).build();
      }
      default:
        return send(sandbox.answer(request), receivedNanos);
    }
  }

  private MockResponse send(SandboxResponse response, long receivedNanos) {
    return builder(response, receivedNanos).build();
  }

  /**
   * Returns the response, its headers due {@link SandboxOptions#latency()} after the request was
   * read: the time spent computing the answer is part of the latency, as a vendor's server time
   * is part of its response time, rather than added to it.
   */
  private MockResponse.Builder builder(SandboxResponse answer, long receivedNanos) {
    SandboxResponse response = sandbox.identified(answer); // every answer carries a request id
    long delay = Math.max(0, options.latency().toNanos() - (nanoClock.getAsLong() - receivedNanos));
    return new MockResponse.Builder()
        .code(response.status())
        .headers(response.okHeaders())
        .body(new Buffer().write(response.bodyBytes())) // after headers(): sets Content-Length
        .headersDelay(delay, TimeUnit.NANOSECONDS);
  }

  /** The request was read; the socket closes before any byte of the response. */
  private static MockResponse disconnectAtStart() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private synchronized Injection nextInjection() {
    int percent = options.faultPercent();
    if (percent == 0 || faultRandom.nextInt(100) >= percent) return Injection.NONE;
    switch (faultChoices.get(faultRandom.nextInt(faultChoices.size()))) {
      case RATE_LIMIT:
        return Injection.RATE_LIMIT;
      case UNAVAILABLE:
        return Injection.UNAVAILABLE;
      default:
        return faultRandom.nextBoolean() ? Injection.DISCONNECT_AT_START : Injection.DISCONNECT_MID_BODY;
    }
  }

  /** Stops serving, closes open connections and frees the port and threads. Idempotent. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
    }
  }

  private enum Injection { NONE, RATE_LIMIT, UNAVAILABLE, DISCONNECT_AT_START, DISCONNECT_MID_BODY }

  /**
   * Makes server sockets whose connections send at once. MockWebServer flushes the headers and
   * the body separately; with Nagle's algorithm the body then waits for the client's delayed ACK,
   * about 40 ms per response on Linux.
   */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override public ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }
}
