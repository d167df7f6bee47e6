package dev.invoicekit.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * A loopback front for an emulator: the provider under test talks to this proxy, which forwards
 * each request to the emulator or answers it from a script of faults, and records what it saw:
 * every request with the time it arrived, and the most requests it had in flight at once.
 *
 * <p>Thread-safe: MockWebServer dispatches each connection on its own thread.
 */
final class FaultProxy implements AutoCloseable {
  /** How one request is answered. */
  interface Answer {
    /** Returns the response to {@code request}; {@code forward} gives the emulator's answer. */
    MockResponse answer(Seen request, Function<Seen, MockResponse> forward);
  }

  /** A request as the proxy saw it. */
  record Seen(int index, String method, HttpUrl url, String target, Headers headers, byte[] body,
      long arrivedNanos) {
    /** True if any header value holds {@code secret}. */
    boolean carries(String secret) {
      for (int i = 0; i < headers.size(); i++) {
        if (headers.value(i).contains(secret)) return true;
      }
      return false;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final HttpUrl emulatorBase;
  private final OkHttpClient forwarder;
  private final Object lock = new Object();
  private final Deque<Answer> script = new ArrayDeque<>(); // guarded by lock
  private final List<Seen> seen = new ArrayList<>(); // guarded by lock
  private final List<Long> answeredNanos = new ArrayList<>(); // guarded by lock
  private Answer otherwise = (request, forward) -> forward.apply(request); // guarded by lock
  private int inFlight; // guarded by lock
  private int maxInFlight; // guarded by lock
  private int gateTarget; // guarded by lock; 0: no gate
  private long gateHoldNanos; // guarded by lock

  /** Starts a proxy on loopback in front of the emulator at {@code emulatorBaseUrl}. */
  FaultProxy(String emulatorBaseUrl) {
    this.emulatorBase = Objects.requireNonNull(HttpUrl.parse(emulatorBaseUrl), "emulator URL");
    this.forwarder = new OkHttpClient.Builder()
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .readTimeout(60, TimeUnit.SECONDS)
        .build();
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
        return FaultProxy.this.dispatch(recorded);
      }
    });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the conformance proxy", e);
    }
  }

  /** The emulator's base URL moved onto this proxy: same path, the proxy's host and port. */
  String baseUrl() {
    return emulatorBase.newBuilder().host(server.getHostName()).port(server.getPort()).build().toString();
  }

  /** Answers the next requests with {@code answers}, one each, in order; then as before. */
  void script(Answer... answers) {
    synchronized (lock) {
      for (Answer answer : answers) script.addLast(answer);
    }
  }

  /** Answers every request once the script is used up with {@code answer}. */
  void otherwise(Answer answer) {
    synchronized (lock) {
      otherwise = Objects.requireNonNull(answer, "answer == null");
    }
  }

  /**
   * Holds each request until {@code target} requests are in flight at once or {@code holdMillis}
   * has passed, so that a provider sending too many at once is seen doing so.
   */
  void gate(int target, long holdMillis) {
    synchronized (lock) {
      gateTarget = target;
      gateHoldNanos = TimeUnit.MILLISECONDS.toNanos(holdMillis);
    }
  }

  /** The requests seen so far, in arrival order. */
  List<Seen> seen() {
    synchronized (lock) {
      return List.copyOf(seen);
    }
  }

  int requestCount() {
    synchronized (lock) {
      return seen.size();
    }
  }

  /** The {@link System#nanoTime()} at which the answer to request {@code index} was handed to the server. */
  long answeredNanos(int index) {
    synchronized (lock) {
      return answeredNanos.get(index);
    }
  }

  /** The most requests that were in flight at once. */
  int maxInFlight() {
    synchronized (lock) {
      return maxInFlight;
    }
  }

  private MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
    long arrived = System.nanoTime();
    server.takeRequest(0, TimeUnit.NANOSECONDS); // the proxy keeps its own record
    Answer answer;
    Seen request;
    synchronized (lock) {
      request = new Seen(seen.size(), recorded.getMethod(), recorded.getUrl(), recorded.getTarget(),
          recorded.getHeaders(), recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray(),
          arrived);
      seen.add(request);
      answeredNanos.add(0L);
      answer = script.isEmpty() ? otherwise : script.removeFirst();
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      lock.notifyAll();
      if (gateTarget > 0) {
        long deadline = arrived + gateHoldNanos;
        for (long left = gateHoldNanos; inFlight < gateTarget && left > 0; left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      }
    }
    try {
      return answer.answer(request, this::forward);
    } finally {
      synchronized (lock) {
        inFlight--;
        answeredNanos.set(request.index(), System.nanoTime());
      }
    }
  }

  /** Sends {@code request} to the emulator and returns its answer as is. */
  MockResponse forward(Seen request) {
    HttpUrl target = emulatorBase.newBuilder()
        .encodedPath(request.url().encodedPath())
        .encodedQuery(request.url().encodedQuery())
        .build();
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i < request.headers().size(); i++) {
      String name = request.headers().name(i);
      if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length")
          || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Transfer-Encoding")
          || name.equalsIgnoreCase("Accept-Encoding")) {
        continue;
      }
      headers.add(name, request.headers().value(i));
    }
    RequestBody body = null;
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      String type = request.headers().get("Content-Type");
      body = RequestBody.create(request.body(), type == null ? null : MediaType.parse(type));
    }
    Request forwarded = new Request.Builder().url(target).headers(headers.build())
        .method(request.method(), body).build();
    try (Response response = forwarder.newCall(forwarded).execute()) {
      ResponseBody responseBody = response.body();
      Headers.Builder answerHeaders = new Headers.Builder();
      for (int i = 0; i < response.headers().size(); i++) {
        String name = response.headers().name(i);
        if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
            || name.equalsIgnoreCase("Connection")) {
          continue;
        }
        answerHeaders.add(name, response.headers().value(i));
      }
      return new MockResponse.Builder()
          .code(response.code())
          .headers(answerHeaders.build())
          .body(new Buffer().write(responseBody.bytes()))
          .build();
    } catch (IOException e) {
      return new MockResponse.Builder().code(502).body("conformance proxy: emulator unreachable: " + e).build();
    }
  }

  /** A response whose connection is closed before any byte of it is sent. */
  static MockResponse disconnect() {
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  @Override public void close() {
    synchronized (lock) {
      gateTarget = 0;
      lock.notifyAll();
    }
    server.close();
    forwarder.dispatcher().executorService().shutdown();
    forwarder.connectionPool().evictAll();
  }
}
