package dev.invoicekit.tck;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.tck.WireCase.Op;
import dev.invoicekit.tck.WireCase.Payload;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;

/**
 * The wire half of the conformance kit: a table of faults, each with its expected typed outcome,
 * run against one provider on MockWebServer through the public API, with the vendor's own bodies
 * from its {@link WireCase}; then secrets, redirects, unsafe base URLs, hostile ids and oversized
 * bodies. Where {@link InvoiceProviderVerification} drives the provider against its emulator, this
 * feeds it the answers no emulator gives: unknown fields and enum values, a missing required field,
 * numbers beyond {@code long}, truncated JSON, HTML, slow and dropped bodies, every error shape.
 *
 * <pre>{@code
 * class AcmeWireTest extends WireVerification {
 *   @Override protected WireCase wireCase() {
 *     return new AcmeWireCase();
 *   }
 * }
 * }</pre>
 *
 * <p>Every case runs with {@code max-retries=2} (3 attempts), a 5 second per-attempt timeout
 * (300 ms where the case is a body slower than the timeout) and {@code retry-base-delay=1ms}, so
 * that backoff waits cost nothing; {@code Retry-After} is {@code 0} or an HTTP date already
 * past. Transport and payload faults are run against each of list, get and preview; paging loops
 * against {@code stream}; error bodies in every shape the vendor uses against {@code list} (and
 * the 404s against {@code get}, which answers empty). Each case is bounded at 30 seconds.
 *
 * <p>It also inherits the {@linkplain HostileAnswerVerification hostile-answer properties}: the
 * vendor's valid bodies, mutated, run by the jqwik engine beside these Jupiter tests.
 */
public abstract class WireVerification extends HostileAnswerVerification {
  private static final int MAX_RETRIES = 2;
  private static final int ATTEMPTS = MAX_RETRIES + 1;
  private static final List<Integer> CLIENT_ERRORS = List.of(401, 403, 404, 400, 422);
  private static final Duration CASE_BOUND = Duration.ofSeconds(30);

  /** The provider's wire: its vendor's bodies and error shapes. */
  @Override protected abstract WireCase wireCase();

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

  @TestFactory final Stream<DynamicTest> faultEndsInItsExpectedOutcome() {
    WireCase vendor = wireCase();
    return cases(vendor).stream().map(fault -> DynamicTest.dynamicTest(fault.name(), () -> {
      try (MockWebServer server = new MockWebServer(); Run run = new Run(vendor, server)) {
        server.start();
        assertTimeoutPreemptively(CASE_BOUND, () -> fault.check().run(run), fault.name());
      }
    }));
  }

  /** Every case for {@code vendor}. */
  private static List<FaultCase> cases(WireCase vendor) {
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

  private static List<FaultCase> transportCases(WireCase vendor, Op op) {
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
      run.settings("timeout", "1s"); // the quick attempts must fit in it on a loaded machine too
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
          // The detail may name where the field is missing first, like "result.invoices[0]: ...".
          assertThat(e.detail()).endsWith("missing required field '" + run.vendor.missingField(op) + "'");
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

    final WireCase vendor;
    final MockWebServer server;
    private final List<String> settings = new ArrayList<>(List.of("max-retries", Integer.toString(MAX_RETRIES),
        "timeout", "5s", "retry-base-delay", "1ms"));
    private InvoiceProvider provider;

    Run(WireCase vendor, MockWebServer server) {
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

  // Secrets, redirects, base URLs, hostile ids and oversized bodies.

  private List<Object[]> schemesAndOps(WireCase vendor) {
    List<Object[]> result = new ArrayList<>();
    for (WireCase.AuthScheme scheme : vendor.authSchemes()) {
      for (Op op : Op.values()) result.add(new Object[] {scheme, op});
    }
    return result;
  }

  @TestFactory final Stream<DynamicTest> secretsAppearInNoMessageStackTraceToStringOrLog() {
    WireCase vendor = wireCase();
    return schemesAndOps(vendor).stream().map(pair -> DynamicTest.dynamicTest(pair[0] + " " + pair[1], () -> {
      try (MockWebServer server = new MockWebServer(); MockWebServer elsewhere = new MockWebServer()) {
        server.start();
        elsewhere.start();
        assertTimeoutPreemptively(CASE_BOUND, () -> secretsAppearNowhere(vendor, (WireCase.AuthScheme) pair[0],
            (Op) pair[1], server, elsewhere));
      }
    }));
  }

  private static void secretsAppearNowhere(WireCase vendor, WireCase.AuthScheme scheme, Op op,
      MockWebServer server, MockWebServer elsewhere) {
    List<String> texts = new ArrayList<>();
    int logRecords;
    try (Capture capture = Capture.start()) {
      ProviderConfig config = scheme.config(vendor, server, "max-retries", "1", "retry-base-delay", "1ms",
          "timeout", "2s");
      texts.add(config.toString());
      try (InvoiceProvider provider = InvoiceProviders.create(vendor.id(), config)) {
        texts.add(provider.toString());
        String secret = scheme.secrets().get(0);
        String echo = "credential " + String.join(" and ", scheme.secrets()) + " is not valid";

        server.enqueue(plainJson(200, vendor.body(op, Payload.VALID)));
        texts.add(vendor.call(provider, op).toString());
        for (int status : new int[] {401, 403, 400, 404, 422, 429, 500, 503}) {
          int attempts = status == 429 || status >= 500 ? 2 : 1;
          for (int i = 0; i < attempts; i++) server.enqueue(echoError(vendor, status, echo, secret));
          texts.add(failure(vendor, provider, op));
        }
        server.enqueue(plainJson(200, vendor.bodyWithText(op, vendor.numberMember(op), echo)));
        texts.add(failure(vendor, provider, op));
        server.enqueue(plainJson(200, vendor.bodyWithText(op, vendor.checkedTextMember(op), echo)));
        texts.add(failure(vendor, provider, op));
        server.enqueue(plainJson(200, "{\"unexpected\": \"" + echo + "\"")); // truncated
        texts.add(failure(vendor, provider, op));
        for (int i = 0; i < 2; i++) {
          server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        texts.add(failure(vendor, provider, op));
        server.enqueue(new MockResponse.Builder().code(307)
            .setHeader("Location", elsewhere.url("/" + secret + "/elsewhere?" + secret)).build());
        elsewhere.enqueue(echoError(vendor, 401, echo, secret));
        texts.add(failure(vendor, provider, op));
      }
      logRecords = capture.recordCount();
      texts.addAll(capture.texts());
    }

    assertThat(logRecords).as("log records at the most verbose level").isPositive();
    for (String text : texts) {
      for (String secret : scheme.secrets()) {
        assertThat(text).as("a message, toString or log line").doesNotContain(secret);
      }
    }
  }

  /** The vendor's error body and a request id header, both echoing the credential. */
  private static MockResponse echoError(WireCase vendor, int status, String echo, String secret) {
    String shape = vendor.errorShapes().get(0);
    return new MockResponse.Builder().code(status)
        .setHeader("Content-Type", vendor.errorContentType(shape))
        .setHeader("X-Request-Id", "req-" + secret)
        .setHeader("Retry-After", "0")
        .body(vendor.errorBody(shape, status).replace(vendor.errorMessage(shape, status), echo))
        .build();
  }

  /**
   * Makes {@code op} fail; returns the failure's full stack trace: messages and causes. A get
   * answered 404 is empty instead, with nothing to show.
   */
  private static String failure(WireCase vendor, InvoiceProvider provider, Op op) {
    Throwable thrown = catchThrowable(() -> {
      Object result = op == Op.GET ? provider.get(vendor.invoiceId(Op.GET)) : vendor.call(provider, op);
      if (!Optional.empty().equals(result)) throw new AssertionError(op + " did not fail: " + result);
    });
    if (thrown == null) return "";
    assertThat(thrown).isInstanceOf(InvoiceException.class);
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return thrown + "\n" + trace;
  }

  @TestFactory final Stream<DynamicTest> redirectToAnotherHostCarriesNoCredential() {
    WireCase vendor = wireCase();
    return schemesAndOps(vendor).stream().map(pair -> DynamicTest.dynamicTest(pair[0] + " " + pair[1], () -> {
      WireCase.AuthScheme scheme = (WireCase.AuthScheme) pair[0];
      Op op = (Op) pair[1];
      for (int code : new int[] {302, 307, 308}) {
        try (MockWebServer server = new MockWebServer(); MockWebServer elsewhere = new MockWebServer()) {
          server.start();
          elsewhere.start();
          // The other host: 127.0.0.1 where the provider was configured with localhost, another port.
          String target = "http://127.0.0.1:" + elsewhere.getPort() + vendor.path(op);
          server.enqueue(new MockResponse.Builder().code(code).setHeader("Location", target).build());
          elsewhere.enqueue(plainJson(200, vendor.body(op, Payload.VALID)));

          try (InvoiceProvider provider = InvoiceProviders.create(vendor.id(), scheme.config(vendor, server))) {
            Invoice invoice = vendor.call(provider, op);
            assertThat(invoice.id()).isEqualTo(vendor.invoiceId(op));
          }

          RecordedRequest origin = server.takeRequest(5, SECONDS);
          for (String header : scheme.headers()) {
            assertThat(origin.getHeaders().get(header)).as("%s to the configured host", header).isNotNull();
          }
          RecordedRequest redirected = elsewhere.takeRequest(5, SECONDS);
          assertThat(redirected).isNotNull();
          for (String header : vendor.credentialHeaders()) {
            assertThat(redirected.getHeaders().get(header)).as("%s after a %s to another host", header, code).isNull();
          }
          for (String secret : scheme.secrets()) {
            assertThat(redirected.getHeaders().toString()).doesNotContain(secret);
          }
        }
      }
    }));
  }

  @Test final void plainHttpToAnotherHostIsRefusedAtCreate() {
    WireCase vendor = wireCase();
    for (String url : List.of("http://api.example.com/", "HTTP://API.EXAMPLE.COM/v1/", "http://10.0.0.7:8080/",
        "http://192.168.1.20/", "http://127.0.0.1.nip.io/", "http://localhost.example.com/",
        "http://[::ffff:7f00:1]/", "http://[2001:db8::1]/", "ftp://127.0.0.1/", "//api.example.com/",
        "api.example.com")) {
      assertThatThrownBy(() -> InvoiceProviders.create(vendor.id(), vendor.config(url))).as(url)
          .isInstanceOfSatisfying(ConfigurationException.class,
              e -> assertThat(e.key()).isEqualTo("invoicekit." + vendor.id() + ".base-url"));
    }
    for (String url : List.of("https://api.example.com/", "http://localhost:8080/", "http://127.0.0.1/",
        "http://[::1]:9000/")) {
      InvoiceProviders.create(vendor.id(), vendor.config(url)).close(); // accepted; no request is made
    }
  }

  @Test final void userInfoInTheBaseUrlIsRefusedWithoutShowingIt() {
    WireCase vendor = wireCase();
    assertThatThrownBy(() -> InvoiceProviders.create(vendor.id(),
        vendor.config("https://admin:pa55w0rd-in-url@api.example.com/")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining("pa55w0rd-in-url");
  }

  /** Ids that try to reach another endpoint, or to break the URL. */
  private static final List<String> HOSTILE_IDS = List.of("../x", "..", ".", "a/../../b",
      "INV-1/../../../v1/invoices", "x?admin=1&limit=1", "y#fragment", "100%", "%2e%2e", "%2F..%2Fadmin",
      "..%2f..%2f", "a b", "ü€😀", "\\..\\..\\", "line\nbreak", "tab\there", ";jsessionid=1",
      "month-to-date/../x", "//evil.example.com/x", " ");

  @TestFactory final Stream<DynamicTest> hostileIdCanNeverAddressAnotherEndpoint() {
    WireCase vendor = wireCase();
    return HOSTILE_IDS.stream().map(id -> DynamicTest.dynamicTest("get(" + id + ")", () -> {
      try (MockWebServer server = new MockWebServer()) {
        server.start();
        hostileIdIsConfined(vendor, server, id);
      }
    }));
  }

  private static void hostileIdIsConfined(WireCase vendor, MockWebServer server, String id) throws Exception {
    String shape = vendor.errorShapes().get(0);
    try (InvoiceProvider provider = vendor.create(server)) {
      if (!vendor.hasGetEndpoint()) {
        server.enqueue(plainJson(200, vendor.body(Op.GET, Payload.VALID)));
      } else {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", vendor.errorContentType(shape))
            .body(vendor.errorBody(shape, 404)).build());
      }
      Throwable thrown = catchThrowable(() -> assertThat(provider.get(id)).isEmpty());
      if (thrown != null) {
        // Refused before any request: ".", "..", blank ids.
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
        return;
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest(5, SECONDS);
    String getPath = vendor.path(Op.GET);
    List<String> expectedSegments = new ArrayList<>(List.of(getPath.substring(1).split("/")));
    if (!vendor.hasGetEndpoint()) {
      // No get endpoint: the list is scanned, and the id is never part of a request.
      assertThat(request.getUrl().encodedPath()).isEqualTo(getPath);
      assertThat(request.getUrl().pathSegments()).doesNotContain(id);
    } else {
      expectedSegments.set(expectedSegments.size() - 1, id);
      assertThat(request.getUrl().pathSegments()).as("decoded path segments").isEqualTo(expectedSegments);
      assertThat(request.getUrl().query()).isNull();
      assertThat(request.getTarget()).doesNotContain("?", "#");
    }
  }

  @TestFactory final Stream<DynamicTest> bodyOverTheCapFailsClearlyAndIsNotRetried() {
    WireCase vendor = wireCase();
    List<DynamicTest> tests = new ArrayList<>();
    for (Op op : Op.values()) {
      for (boolean chunked : new boolean[] {false, true}) {
        tests.add(DynamicTest.dynamicTest(op + " chunked=" + chunked, () -> {
          try (MockWebServer server = new MockWebServer()) {
            server.start();
            String body = vendor.body(op, Payload.VALID);
            String padded = body.substring(0, body.lastIndexOf('}')) + ", \"padding\": \"" + "x".repeat(8 * 1024) + "\"}";
            MockResponse.Builder response = new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json");
            server.enqueue((chunked ? response.chunkedBody(padded, 1024) : response.body(padded)).build());

            try (InvoiceProvider provider = vendor.create(server, "max-response-size", "4KiB")) {
              assertThatThrownBy(() -> vendor.call(provider, op))
                  .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.detail()).isEqualTo("response body larger than 4096 bytes");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(200);
                  });
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test final void bodyUnderTheCapIsRead() throws IOException {
    WireCase vendor = wireCase();
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(plainJson(200, vendor.body(Op.GET, Payload.VALID)));
      try (InvoiceProvider provider = vendor.create(server, "max-response-size", "4KiB")) {
        assertThat(vendor.call(provider, Op.GET).id()).isEqualTo(vendor.invoiceId(Op.GET));
      }
    }
  }

  private static MockResponse plainJson(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }
}
