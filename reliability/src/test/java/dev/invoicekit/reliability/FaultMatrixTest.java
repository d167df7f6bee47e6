package dev.invoicekit.reliability;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.reliability.VendorCase.Op;
import dev.invoicekit.reliability.VendorCase.Payload;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: one table of faults, each with its expected typed outcome, run against every
 * provider on MockWebServer, through the public API.
 *
 * <p>Every provider runs with {@code max-retries=2} (3 attempts), a 5 second per-attempt timeout
 * (300 ms where the case is a body slower than the timeout) and {@code retry-base-delay=1ms}, so
 * that backoff waits cost nothing; {@code Retry-After} is {@code 0} or an HTTP date already
 * past. Transport and payload faults are run against each of list, get and preview; paging loops
 * against {@code stream}; error bodies in every shape the vendor uses against {@code list} (and
 * the 404s against {@code get}, which answers empty). Each case is bounded by the class
 * {@link Timeout}. A summary line gives the cases passed per provider.
 */
@Timeout(value = 20, unit = SECONDS)
final class FaultMatrixTest {
  private static final int MAX_RETRIES = 2;
  private static final int ATTEMPTS = MAX_RETRIES + 1;
  private static final List<Integer> CLIENT_ERRORS = List.of(401, 403, 404, 400, 422);
  private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();

  @StartStop public final MockWebServer server = new MockWebServer();

  /** One row of the matrix: what goes wrong, and what the caller must see. */
  record FaultCase(String name, Check check) {
    @Override public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Check {
    void run(Run run) throws Exception;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> result = new ArrayList<>();
    for (VendorCase vendor : VendorCase.all()) {
      for (FaultCase fault : cases(vendor)) result.add(Arguments.of(vendor, fault));
    }
    return result.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("matrix")
  void faultEndsInItsExpectedOutcome(VendorCase vendor, FaultCase fault) throws Exception {
    try (Run run = new Run(vendor, server)) {
      fault.check().run(run);
    }
    PASSED.computeIfAbsent(vendor.id(), id -> new AtomicInteger()).incrementAndGet();
  }

  @AfterAll static void printSummary() {
    Map<String, Long> planned = matrix()
        .collect(Collectors.groupingBy(arguments -> arguments.get()[0].toString(), TreeMap::new,
            Collectors.counting()));
    StringBuilder line = new StringBuilder("reliability: fault matrix passed");
    long total = 0;
    for (Map.Entry<String, Long> entry : planned.entrySet()) {
      AtomicInteger passed = PASSED.getOrDefault(entry.getKey(), new AtomicInteger());
      line.append(' ').append(entry.getKey()).append(' ').append(passed.get()).append('/').append(entry.getValue());
      total += passed.get();
    }
    System.out.println(line.append("; ").append(total).append(" cases in all"));
  }

  /** Every case for {@code vendor}. */
  static List<FaultCase> cases(VendorCase vendor) {
    List<FaultCase> cases = new ArrayList<>();
    for (Op op : Op.values()) {
      String call = op.name().toLowerCase(Locale.ROOT) + ": ";
      transportCases(vendor, op).forEach(c -> cases.add(new FaultCase(call + c.name(), c.check())));
      payloadCases(op).forEach(c -> cases.add(new FaultCase(call + c.name(), c.check())));
    }
    cases.add(new FaultCase("stream: a repeated cursor is malformed, not a loop", run -> {
      run.serveForever(vendor.repeatingPage());
      run.streamFailsMalformed();
    }));
    cases.add(new FaultCase("stream: an empty page claiming more is malformed, not a loop", run -> {
      run.serveForever(vendor.emptyPageClaimingMore());
      run.streamFailsMalformed();
    }));
    for (String shape : vendor.errorShapes()) {
      for (int status : CLIENT_ERRORS) {
        cases.add(new FaultCase("list: HTTP " + status + " as " + shape, run -> run.clientError(shape, status)));
      }
      if (vendor.hasGetEndpoint()) {
        cases.add(new FaultCase("get: HTTP 404 as " + shape + " is empty", run -> run.getUnknownIsEmpty(shape)));
      }
    }
    if (!vendor.hasGetEndpoint()) {
      cases.add(new FaultCase("get: an id the history does not hold is empty", Run::getScanFindsNothing));
    }
    return cases;
  }

  private static List<FaultCase> transportCases(VendorCase vendor, Op op) {
    List<FaultCase> cases = new ArrayList<>();
    cases.add(new FaultCase("429 with Retry-After in seconds, then success", run -> {
      run.enqueue(run.error(429).setHeader("Retry-After", "0").build());
      run.enqueue(run.ok(op, Payload.VALID));
      run.succeeds(op, 2);
    }));
    cases.add(new FaultCase("429 with Retry-After as an HTTP date, then success", run -> {
      run.enqueue(run.error(429).setHeader("Retry-After", httpDate(-5)).build());
      run.enqueue(run.ok(op, Payload.VALID));
      run.succeeds(op, 2);
    }));
    cases.add(new FaultCase("429 with Retry-After in seconds forever: RateLimitException", run -> {
      for (int i = 0; i < ATTEMPTS; i++) run.enqueue(run.error(429).setHeader("Retry-After", "0").build());
      RateLimitException e = run.fails(op, RateLimitException.class, 429, true, ATTEMPTS);
      assertThat(e.retryAfter()).contains(Duration.ZERO);
    }));
    cases.add(new FaultCase("429 with Retry-After as an HTTP date forever: RateLimitException", run -> {
      for (int i = 0; i < ATTEMPTS; i++) run.enqueue(run.error(429).setHeader("Retry-After", httpDate(0)).build());
      RateLimitException e = run.fails(op, RateLimitException.class, 429, true, ATTEMPTS);
      assertThat(e.retryAfter()).contains(Duration.ZERO);
    }));
    cases.add(new FaultCase("503 burst, then success", run -> {
      for (int i = 0; i < MAX_RETRIES; i++) run.enqueue(run.error(503).build());
      run.enqueue(run.ok(op, Payload.VALID));
      run.succeeds(op, ATTEMPTS);
    }));
    cases.add(new FaultCase("503 with Retry-After: 0 forever: max-retries + 1 attempts, retryable", run -> {
      for (int i = 0; i < ATTEMPTS + 2; i++) run.enqueue(run.error(503).setHeader("Retry-After", "0").build());
      run.fails(op, ProviderException.class, 503, true, ATTEMPTS);
    }));
    cases.add(new FaultCase("500 forever: max-retries + 1 attempts, retryable", run -> {
      for (int i = 0; i < ATTEMPTS + 2; i++) run.enqueue(run.error(500).build());
      ProviderException e = run.fails(op, ProviderException.class, 500, true, ATTEMPTS);
      assertThat(e).isNotInstanceOf(MalformedResponseException.class);
      String message = vendor.errorMessage(vendor.errorShapes().get(0), 500);
      if (message != null) assertThat(e.detail()).isEqualTo(message);
    }));
    cases.add(new FaultCase("connection dropped before the response, then success", run -> {
      run.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
      run.enqueue(run.ok(op, Payload.VALID));
      run.succeeds(op, 2);
    }));
    cases.add(new FaultCase("connection dropped in the middle of the body, then success", run -> {
      run.enqueue(run.okBuilder(op, Payload.VALID).onResponseBody(new SocketEffect.CloseSocket()).build());
      run.enqueue(run.ok(op, Payload.VALID));
      run.succeeds(op, 2);
    }));
    cases.add(new FaultCase("connection dropped forever: retryable, no HTTP status", run -> {
      for (int i = 0; i < ATTEMPTS; i++) {
        run.enqueue(run.okBuilder(op, Payload.VALID).onResponseBody(new SocketEffect.CloseSocket()).build());
      }
      ProviderException e = run.fails(op, ProviderException.class, 0, true, ATTEMPTS);
      assertThat(e.detail()).startsWith("I/O error");
    }));
    // A slow body is timed on the client: under load the server may not have read the last
    // attempt's request when that attempt times out, so the attempts are counted by the client.
    cases.add(new FaultCase("body slower than the timeout, then success", run -> {
      run.settings("timeout", "300ms");
      run.serve(request -> request == 1
          ? run.okBuilder(op, Payload.VALID).throttleBody(16, 100, MILLISECONDS).build()
          : run.ok(op, Payload.VALID));
      Invoice invoice = vendor.call(run.provider(), op);
      assertThat(invoice.id()).isEqualTo(vendor.invoiceId(op));
      assertThat(run.server.getRequestCount()).as("requests").isGreaterThanOrEqualTo(2);
    }));
    cases.add(new FaultCase("body slower than the timeout forever: timed out, retryable", run -> {
      run.settings("timeout", "300ms");
      run.serve(request -> run.okBuilder(op, Payload.VALID).throttleBody(16, 100, MILLISECONDS).build());
      ProviderException e = catchThrowableOfType(ProviderException.class, () -> vendor.call(run.provider(), op));
      assertThat(e).isNotNull();
      assertThat(e.detail()).isEqualTo("timed out (after " + ATTEMPTS + " attempts)");
      assertThat(e.httpStatus()).isZero();
      assertThat(e.retryable()).isTrue();
      assertThat(run.server.getRequestCount()).as("requests").isBetween(1, ATTEMPTS);
    }));
    cases.add(new FaultCase("truncated JSON: malformed, not retried", run -> {
      String body = vendor.body(op, Payload.VALID);
      run.enqueue(Run.json(200, body.substring(0, body.length() * 2 / 3)));
      run.failsMalformed(op);
    }));
    cases.add(new FaultCase("HTML page with 200: malformed, not retried", run -> {
      run.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
          .setHeader("X-Request-Id", Run.REQUEST_ID)
          .body("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Captive portal</body></html>")
          .build());
      run.failsMalformed(op);
    }));
    cases.add(new FaultCase("HTML error page 502 forever: retryable, without the markup", run -> {
      for (int i = 0; i < ATTEMPTS; i++) {
        run.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
            .body("<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway"
                + "</h1></center><hr><center>nginx</center></body>\n</html>\n").build());
      }
      ProviderException e = run.fails(op, ProviderException.class, 502, true, ATTEMPTS);
      assertThat(e.getMessage()).contains("502").doesNotContain("<", "nginx");
    }));
    cases.add(new FaultCase("empty body: malformed, not retried", run -> {
      run.enqueue(Run.json(200, ""));
      run.failsMalformed(op);
    }));
    cases.add(new FaultCase("wrong content type on a JSON body: read anyway", run -> {
      run.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain; charset=iso-8859-1")
          .body(vendor.body(op, Payload.VALID)).build());
      run.succeeds(op, 1);
    }));
    return cases;
  }

  private static List<FaultCase> payloadCases(Op op) {
    return List.of(
        new FaultCase("unknown fields and unknown enum values: succeeds", run -> {
          run.enqueue(run.ok(op, Payload.UNKNOWN_FIELDS_AND_ENUMS));
          Invoice invoice = run.succeeds(op, 1);
          assertThat(invoice.status()).isEqualTo(run.vendor.unknownStatus(op));
        }),
        new FaultCase("a missing required field: malformed, naming it", run -> {
          run.enqueue(run.ok(op, Payload.MISSING_REQUIRED_FIELD));
          MalformedResponseException e = run.failsMalformed(op);
          assertThat(e.detail()).isEqualTo("missing required field '" + run.vendor.missingField(op) + "'");
        }),
        new FaultCase("numbers beyond long with 20+ decimals: exact", run -> {
          run.enqueue(run.ok(op, Payload.HUGE_NUMBERS));
          Invoice invoice = run.succeeds(op, 1);
          List<java.math.BigDecimal> expected = run.vendor.hugeNumbers(op);
          List<java.math.BigDecimal> actual = run.vendor.readHugeNumbers(invoice, op);
          assertThat(actual).hasSameSizeAs(expected);
          for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("number %s", i).isEqualByComparingTo(expected.get(i));
            assertThat(actual.get(i).toPlainString()).as("number %s", i)
                .startsWith(expected.get(i).stripTrailingZeros().toPlainString());
          }
        }));
  }

  /** An HTTP-date {@code offsetSeconds} from now: RFC 9110's IMF-fixdate. */
  static String httpDate(long offsetSeconds) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(offsetSeconds));
  }

  /** One case's provider and server. */
  static final class Run implements AutoCloseable {
    /** The request id of every successful answer. */
    static final String REQUEST_ID = "req-answer-200";

    final VendorCase vendor;
    final MockWebServer server;
    private final List<String> settings = new ArrayList<>(List.of("max-retries", Integer.toString(MAX_RETRIES),
        "timeout", "5s", "retry-base-delay", "1ms"));
    private InvoiceProvider provider;

    Run(VendorCase vendor, MockWebServer server) {
      this.vendor = vendor;
      this.server = server;
    }

    /** Adds settings (key, value, ...) for the provider, which is created at the first call. */
    void settings(String... keyValues) {
      settings.addAll(List.of(keyValues));
    }

    InvoiceProvider provider() {
      if (provider == null) provider = vendor.create(server, settings.toArray(new String[0]));
      return provider;
    }

    void enqueue(MockResponse response) {
      server.enqueue(response);
    }

    /** Answers the {@code n}-th request (from 1) with {@code responses.apply(n)}. */
    void serve(IntFunction<MockResponse> responses) {
      AtomicInteger count = new AtomicInteger();
      server.setDispatcher(new Dispatcher() {
        @Override public MockResponse dispatch(RecordedRequest request) {
          return responses.apply(count.incrementAndGet());
        }
      });
    }

    /** Answers every request with {@code body}. */
    void serveForever(String body) {
      server.setDispatcher(new Dispatcher() {
        @Override public MockResponse dispatch(RecordedRequest request) {
          return json(200, body);
        }
      });
    }

    /** A JSON answer with the request id {@link #REQUEST_ID}. */
    static MockResponse json(int code, String body) {
      return new MockResponse.Builder().code(code)
          .setHeader("Content-Type", "application/json; charset=utf-8")
          .setHeader("X-Request-Id", REQUEST_ID)
          .body(body).build();
    }

    /** The vendor's answer to {@code op} holding an invoice written as {@code payload}. */
    MockResponse.Builder okBuilder(Op op, Payload payload) {
      return new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "application/json; charset=utf-8")
          .setHeader("X-Request-Id", REQUEST_ID)
          .body(vendor.body(op, payload));
    }

    MockResponse ok(Op op, Payload payload) {
      return okBuilder(op, payload).build();
    }

    /** The vendor's error in its first shape, with a request id. */
    MockResponse.Builder error(int status) {
      String shape = vendor.errorShapes().get(0);
      return new MockResponse.Builder().code(status)
          .setHeader("Content-Type", vendor.errorContentType(shape))
          .setHeader("X-Request-Id", "req-" + status)
          .body(vendor.errorBody(shape, status));
    }

    /** Makes {@code op} succeed with the valid invoice after exactly {@code requests} requests, all alike. */
    Invoice succeeds(Op op, int requests) throws InterruptedException {
      Invoice invoice = vendor.call(provider(), op);
      assertThat(invoice.id()).isEqualTo(vendor.invoiceId(op));
      assertThat(invoice.provider()).isEqualTo(vendor.id());
      assertThat(invoice.total()).isNotNull();
      checkRequests(op, requests);
      return invoice;
    }

    /** Makes {@code op} fail with {@code type} and HTTP {@code status} after exactly {@code requests} requests, all alike. */
    <E extends InvoiceException> E fails(Op op, Class<E> type, int status, boolean retryable,
        int requests) throws InterruptedException {
      E e = catchThrowableOfType(type, () -> vendor.call(provider(), op));
      assertThat(e).as("%s %s throws %s", vendor, op, type.getSimpleName()).isNotNull();
      assertThat(e.provider()).isEqualTo(vendor.id());
      assertThat(e.getMessage()).startsWith(vendor.id() + ": ");
      assertThat(e.httpStatus()).isEqualTo(status);
      assertThat(e.retryable()).isEqualTo(retryable);
      checkRequests(op, requests);
      return e;
    }

    /**
     * Makes {@code op} fail on its first answer, an HTTP 200 that cannot be used: malformed, not
     * retried, with the status and request id the vendor's support needs.
     */
    MalformedResponseException failsMalformed(Op op) throws InterruptedException {
      MalformedResponseException e = fails(op, MalformedResponseException.class, 200, false, 1);
      assertThat(e.requestId()).as("request id").isEqualTo(REQUEST_ID);
      return e;
    }

    /** Checks that exactly {@code count} requests arrived, each the same call: nothing changed or lost on a retry. */
    private void checkRequests(Op op, int count) throws InterruptedException {
      assertThat(server.getRequestCount()).as("requests").isEqualTo(count);
      RecordedRequest first = null;
      for (int i = 0; i < count; i++) {
        RecordedRequest request = server.takeRequest(5, SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getMethod()).isEqualTo(vendor.method(op));
        assertThat(request.getUrl().encodedPath()).isEqualTo(vendor.path(op));
        if (first == null) {
          first = request;
        } else {
          assertThat(request.getTarget()).isEqualTo(first.getTarget());
          assertThat(request.getBody()).isEqualTo(first.getBody());
        }
      }
    }

    /** Makes {@code stream} fail malformed within a few requests, where following the vendor would loop or lose invoices. */
    void streamFailsMalformed() {
      try (Stream<Invoice> invoices = provider().stream(InvoiceQuery.all())) {
        assertThatThrownBy(() -> invoices.forEach(invoice -> { }))
            .isInstanceOf(MalformedResponseException.class)
            .hasMessageStartingWith(vendor.id() + ": ");
      }
      assertThat(server.getRequestCount()).as("requests").isBetween(1, 4);
    }

    /**
     * Answers {@code list} with the vendor's {@code status} error in {@code shape}: the typed
     * exception with the vendor's message, code and request id (and no server detail), not retried.
     */
    void clientError(String shape, int status) throws InterruptedException {
      server.enqueue(new MockResponse.Builder().code(status)
          .setHeader("Content-Type", vendor.errorContentType(shape))
          .setHeader("X-Request-Id", "req-" + shape + "-" + status)
          .body(vendor.errorBody(shape, status)).build());
      Class<? extends InvoiceException> type = status == 401 || status == 403 ? AuthenticationException.class
          : status == 404 ? NotFoundException.class : InvalidRequestException.class;
      InvoiceException e = fails(Op.LIST, type, status, false, 1);
      assertThat(e.vendorCode()).isEqualTo(vendor.errorCode(shape, status));
      String message = vendor.errorMessage(shape, status);
      if (message != null) {
        assertThat(e.detail()).isEqualTo(message);
      } else {
        assertThat(e.detail()).startsWith("HTTP " + status).doesNotContain("<");
      }
      assertThat(e.requestId()).as("request id").isEqualTo("req-" + shape + "-" + status);
      String internal = vendor.errorInternalDetail(shape);
      if (internal != null) assertThat(e.getMessage()).doesNotContain(internal);
    }

    /** Answers {@code get} with the vendor's 404 in {@code shape}: empty, not an exception. */
    void getUnknownIsEmpty(String shape) throws InterruptedException {
      server.enqueue(new MockResponse.Builder().code(404)
          .setHeader("Content-Type", vendor.errorContentType(shape))
          .body(vendor.errorBody(shape, 404)).build());
      assertThat(provider().get(vendor.invoiceId(Op.GET))).isEmpty();
      checkRequests(Op.GET, 1);
    }

    /** A {@code get} whose scan of the list does not find the id: empty. */
    void getScanFindsNothing() throws InterruptedException {
      enqueue(ok(Op.GET, Payload.VALID));
      Optional<Invoice> invoice = provider().get("in_not_in_the_history");
      assertThat(invoice).isEmpty();
      checkRequests(Op.GET, 1);
    }

    @Override public void close() {
      if (provider != null) provider.close();
    }
  }
}
