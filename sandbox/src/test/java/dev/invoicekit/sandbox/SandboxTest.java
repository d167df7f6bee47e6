package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class SandboxTest {
  /** Retries would hide injected disconnects: every call here is one request. */
  private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private final List<Sandbox> sandboxes = new ArrayList<>();

  @AfterEach void closeAll() {
    sandboxes.forEach(Sandbox::close);
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private TestVendorSandbox start(SandboxOptions options) {
    TestVendorSandbox sandbox = TestVendorSandbox.start(options);
    sandboxes.add(sandbox);
    return sandbox;
  }

  private TestVendorSandbox start() {
    return start(SandboxOptions.defaults());
  }

  private static Request.Builder request(Sandbox sandbox, String path) {
    return new Request.Builder()
        .url(sandbox.baseUrl() + path)
        .header(TestVendorSandbox.KEY_HEADER, sandbox.options().credential());
  }

  /** Sends {@code request} and returns the status and the body parsed as JSON. */
  private Answer call(Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      String body = response.body().string();
      return new Answer(response.code(), response.headers(), body.isEmpty() ? null : Json.read(body));
    }
  }

  private Answer get(Sandbox sandbox, String path) throws IOException {
    return call(request(sandbox, path).build());
  }

  private record Answer(int code, Headers headers, Object json) {
    Map<?, ?> object() {
      return (Map<?, ?>) json;
    }

    Map<?, ?> failure() {
      return (Map<?, ?>) object().get("failure");
    }
  }

  @Test void baseUrlIsOnLoopbackAndEndsWithTheVendorBasePath() {
    TestVendorSandbox sandbox = start();
    HttpUrl url = HttpUrl.get(sandbox.baseUrl());
    assertThat(url.host()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
    assertThat(url.port()).isPositive();
    assertThat(sandbox.baseUrl()).endsWith("/test/v1/");
    assertThat(sandbox.providerSettings())
        .containsEntry("base-url", sandbox.baseUrl())
        .containsEntry("api-key", "sandbox-token");
    assertThat(sandbox.dataset().size()).isEqualTo(120);
  }

  @Test void routesRequestsToTheVendorHandler() throws IOException {
    TestVendorSandbox sandbox = start();
    Answer page = get(sandbox, "invoices?offset=2&limit=3");
    assertThat(page.code()).isEqualTo(200);
    assertThat(page.headers().get("Content-Type")).startsWith("application/json");
    List<Object> ids = ((List<?>) page.object().get("items")).stream()
        .<Object>map(item -> ((Map<?, ?>) item).get("id"))
        .toList();
    assertThat(ids).containsExactly("inv-2", "inv-3", "inv-4");
    assertThat(page.object().get("total")).isEqualTo(new BigDecimal("120"));
    assertThat(page.object().get("has_more")).isEqualTo(true);

    Answer one = get(sandbox, "invoices/inv-5");
    assertThat(one.code()).isEqualTo(200);
    assertThat(one.object().get("total")).isEqualTo(sandbox.dataset().invoice(5).total());
    assertThat(sandbox.requestCount()).isEqualTo(2);
  }

  @Test void vendorSeesDecodedSegmentsQueryAndExactJsonBody() throws IOException {
    TestVendorSandbox sandbox = start();
    Request post = request(sandbox, "echo/a%2Fb%20c?x=1&x=2&y=%2B")
        .post(RequestBody.create("{\"amount\":0.000125,\"big\":12345678901234567.89}",
            MediaType.get("application/json")))
        .build();
    Answer echo = call(post);
    assertThat(echo.code()).isEqualTo(200);
    assertThat(echo.object().get("segment")).isEqualTo("a/b c");
    assertThat(echo.object().get("query")).isEqualTo(Map.of("x", List.of("1", "2"), "y", List.of("+")));
    assertThat(echo.object().get("body")).isEqualTo(Map.of(
        "amount", new BigDecimal("0.000125"), "big", new BigDecimal("12345678901234567.89")));
  }

  @Test void missingOrWrongCredentialGetsTheVendorShaped401() throws IOException {
    TestVendorSandbox sandbox = start();
    Answer missing = call(new Request.Builder().url(sandbox.baseUrl() + "invoices").build());
    assertThat(missing.code()).isEqualTo(401);
    assertThat(missing.failure().get("status")).isEqualTo(new BigDecimal("401"));

    Answer wrong = call(request(sandbox, "invoices").header(TestVendorSandbox.KEY_HEADER, "nope").build());
    assertThat(wrong.code()).isEqualTo(401);
    assertThat(wrong.failure().get("message")).isEqualTo("Authentication error");
  }

  @Test void rejectCredentialsRefusesEvenTheRightOne() throws IOException {
    TestVendorSandbox sandbox = start(SandboxOptions.builder().rejectCredentials(true).build());
    assertThat(get(sandbox, "invoices").code()).isEqualTo(401);
  }

  @Test void customCredentialIsTheOneAccepted() throws IOException {
    TestVendorSandbox sandbox = start(SandboxOptions.builder().credential("tok-1").build());
    assertThat(get(sandbox, "invoices").code()).isEqualTo(200);
    assertThat(sandbox.providerSettings()).containsEntry("api-key", "tok-1");
    assertThat(call(request(sandbox, "invoices").header(TestVendorSandbox.KEY_HEADER, "sandbox-token")
        .build()).code()).isEqualTo(401);
  }

  @Test void unknownRoutesGetTheVendorShaped404() throws IOException {
    TestVendorSandbox sandbox = start();
    Answer unknown = get(sandbox, "nothing/here");
    assertThat(unknown.code()).isEqualTo(404);
    assertThat((String) unknown.failure().get("message")).contains("GET /test/v1/nothing/here");

    Request outside = new Request.Builder()
        .url(HttpUrl.get(sandbox.baseUrl()).resolve("/other/v1/invoices"))
        .header(TestVendorSandbox.KEY_HEADER, "sandbox-token")
        .build();
    assertThat(call(outside).code()).isEqualTo(404);
  }

  @Test void handlerErrorsBecomeVendorShapedResponses() throws IOException {
    TestVendorSandbox sandbox = start();
    Answer notFound = get(sandbox, "invoices/inv-999");
    assertThat(notFound.code()).isEqualTo(404);
    assertThat(notFound.failure().get("message")).isEqualTo("no invoice inv-999");

    Answer badQuery = get(sandbox, "invoices?limit=ten");
    assertThat(badQuery.code()).isEqualTo(400);
    assertThat((String) badQuery.failure().get("message")).contains("'limit'");

    Answer bug = get(sandbox, "boom");
    assertThat(bug.code()).isEqualTo(500);
    assertThat((String) bug.failure().get("message")).contains("handler bug");
  }

  @Test void latencyDelaysEveryResponseHeaders() {
    TestVendorSandbox sandbox = start(SandboxOptions.builder().latency(Duration.ofMillis(250)).build());
    sandbox.nanoClock(workTakes(Duration.ofMillis(30)));
    MockResponse answer = sandbox.respond(sandboxRequest(sandbox, "invoices"));
    assertThat(answer.getCode()).isEqualTo(200);
    // The emulator's work counts toward the latency: 30 ms of work leaves 220 ms of delay.
    assertThat(answer.getHeadersDelayNanos()).isEqualTo(Duration.ofMillis(220).toNanos());

    TestVendorSandbox faulty = start(SandboxOptions.builder()
        .latency(Duration.ofMillis(40)).faultPercent(100).faults(Fault.UNAVAILABLE).build());
    faulty.nanoClock(workTakes(Duration.ofMillis(30)));
    MockResponse fault = faulty.respond(sandboxRequest(faulty, "invoices"));
    assertThat(fault.getCode()).isEqualTo(503);
    assertThat(fault.getHeadersDelayNanos()).isEqualTo(Duration.ofMillis(10).toNanos());
  }

  @Test void workLongerThanTheLatencyAddsNoDelay() {
    TestVendorSandbox sandbox = start(SandboxOptions.builder().latency(Duration.ofMillis(20)).build());
    sandbox.nanoClock(workTakes(Duration.ofMillis(30)));

    assertThat(sandbox.respond(sandboxRequest(sandbox, "invoices")).getHeadersDelayNanos()).isZero();
  }

  /** A clock that reads 0 when the request arrives and {@code work} at every later reading. */
  private static java.util.function.LongSupplier workTakes(Duration work) {
    java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();
    return () -> readings.getAndIncrement() == 0 ? 0L : work.toNanos();
  }

  @Test void noLatencyByDefault() {
    TestVendorSandbox sandbox = start();
    assertThat(sandbox.respond(sandboxRequest(sandbox, "invoices")).getHeadersDelayNanos()).isZero();
  }

  private static SandboxRequest sandboxRequest(Sandbox sandbox, String path) {
    return new SandboxRequest("GET", HttpUrl.get(sandbox.baseUrl() + path),
        Headers.of(TestVendorSandbox.KEY_HEADER, sandbox.options().credential()), "", "/test/v1/");
  }

  @Test void faultsAreInjectedAtTheSeededRate() throws IOException {
    SandboxOptions options = SandboxOptions.builder()
        .faultPercent(50).faults(Fault.RATE_LIMIT, Fault.UNAVAILABLE).build();
    List<Integer> codes = codes(start(options), 200);
    long faults = codes.stream().filter(code -> code != 200).count();
    assertThat(faults).isBetween(70L, 130L);
    assertThat(codes).contains(429, 503).containsOnly(200, 429, 503);
    assertThat(sandboxes.get(0).faultCount()).isEqualTo((int) faults);
    assertThat(sandboxes.get(0).requestCount()).isEqualTo(200);

    assertThat(codes(start(options), 200)).isEqualTo(codes);
    assertThat(codes(start(options.newBuilder().seed(43).build()), 200)).isNotEqualTo(codes);
  }

  private List<Integer> codes(Sandbox sandbox, int count) throws IOException {
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      codes.add(get(sandbox, "invoices/inv-" + i % 100).code());
    }
    return codes;
  }

  @Test void everyAnswerCarriesAUniqueRequestId() throws IOException {
    TestVendorSandbox faulty = start(SandboxOptions.builder()
        .faultPercent(50).faults(Fault.RATE_LIMIT, Fault.UNAVAILABLE).build());
    List<String> ids = new ArrayList<>();
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Answer answer = get(faulty, i % 2 == 0 ? "invoices" : "invoices/nope-" + i);
      codes.add(answer.code());
      ids.add(answer.headers().get(TestVendorSandbox.REQUEST_ID_HEADER));
    }
    Answer unauthorized = call(new Request.Builder().url(faulty.baseUrl() + "invoices").build());
    codes.add(unauthorized.code());
    ids.add(unauthorized.headers().get(TestVendorSandbox.REQUEST_ID_HEADER));

    assertThat(codes).contains(200, 404, 429, 503);
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(ids.get(0)).matches("[0-9a-f]{16}");
  }

  @Test void errorResponseIsTheVendorErrorWithCodeAndRequestId() {
    TestVendorSandbox sandbox = start();
    SandboxResponse coded = sandbox.errorResponse(404, "gone", "no invoice x");
    SandboxResponse usual = sandbox.errorResponse(500, null, "boom");

    assertThat(coded.status()).isEqualTo(404);
    assertThat(coded.contentType()).startsWith("application/json");
    assertThat(Json.read(coded.bodyUtf8())).isEqualTo(Map.of("failure",
        Json.object("status", new BigDecimal("404"), "code", "gone", "message", "no invoice x")));
    assertThat(new String(coded.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(coded.bodyUtf8());
    assertThat(coded.headers()).containsKey(TestVendorSandbox.REQUEST_ID_HEADER)
        .containsEntry("Content-Type", coded.contentType());
    assertThat(((Map<?, ?>) ((Map<?, ?>) Json.read(usual.bodyUtf8())).get("failure")).get("code")).isNull();
    assertThat(usual.header(TestVendorSandbox.REQUEST_ID_HEADER))
        .isNotEqualTo(coded.header(TestVendorSandbox.REQUEST_ID_HEADER));
    assertThat(usual.header("Retry-After")).isNull();
    assertThatThrownBy(() -> sandbox.errorResponse(200, null, "fine"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test void sandboxExceptionCarriesItsVendorCodeIntoTheBody() throws IOException {
    TestVendorSandbox sandbox = start();
    assertThat(new SandboxException(409, "exists").vendorCode()).isNull();
    Answer answer = get(sandbox, "invoices/nope");
    assertThat(answer.code()).isEqualTo(404);
    assertThat(answer.failure().get("code")).isEqualTo("no_such_invoice");
    assertThat(get(sandbox, "nowhere").failure().get("code")).isNull();
  }

  @Test void unimplementedQueryParameterIsA400InTheVendorShapeWithItsDetails() throws IOException {
    TestVendorSandbox sandbox = start();
    Answer answer = get(sandbox, "invoices?limit=2&status=paid");
    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.failure().get("message")).isEqualTo(
        "query parameter 'status' is not implemented by this sandbox; it implements limit, offset");
    assertThat(answer.failure().get("details")).isEqualTo(Map.of("field", "status"));
    assertThat(get(sandbox, "invoices?limit=2&offset=1").code()).isEqualTo(200);
  }

  @Test void invoiceIdsAreWhatTheVendorServesAndPreviewNeedsNoSubscriptionByDefault() throws IOException {
    TestVendorSandbox sandbox = start(SandboxOptions.builder().invoices(5).build());
    assertThat(get(sandbox, "invoices/" + sandbox.invoiceId(4)).object().get("id")).isEqualTo("inv-4");
    assertThat(sandbox.previewSubscriptionId()).isNull();
  }

  @Test void noFaultsByDefault() throws IOException {
    TestVendorSandbox sandbox = start();
    assertThat(codes(sandbox, 50)).containsOnly(200);
    assertThat(sandbox.faultCount()).isZero();
  }

  @Test void rateLimitFaultCarriesRetryAfterAndTheVendorBody() throws IOException {
    TestVendorSandbox sandbox = start(SandboxOptions.builder()
        .faultPercent(100).faults(Fault.RATE_LIMIT).retryAfterSeconds(7).build());
    Answer answer = get(sandbox, "invoices");
    assertThat(answer.code()).isEqualTo(429);
    assertThat(answer.headers().get("Retry-After")).isEqualTo("7");
    assertThat(answer.failure().get("status")).isEqualTo(new BigDecimal("429"));
  }

  @Test void retryAfterZeroIsSent() throws IOException {
    TestVendorSandbox sandbox = start(SandboxOptions.builder()
        .faultPercent(100).faults(Fault.RATE_LIMIT).retryAfterSeconds(0).build());
    assertThat(get(sandbox, "invoices").headers().get("Retry-After")).isEqualTo("0");
  }

  @Test void unavailableFaultIsA503WithTheVendorBody() throws IOException {
    TestVendorSandbox sandbox = start(SandboxOptions.builder()
        .faultPercent(100).faults(Fault.UNAVAILABLE).build());
    Answer answer = get(sandbox, "invoices");
    assertThat(answer.code()).isEqualTo(503);
    assertThat(answer.headers().get("Retry-After")).isNull();
    assertThat(answer.failure().get("status")).isEqualTo(new BigDecimal("503"));
  }

  @Test void disconnectFaultsSurfaceAsIOExceptionsAtStartAndMidBody() {
    TestVendorSandbox sandbox = start(SandboxOptions.builder()
        .faultPercent(100).faults(Fault.DISCONNECT).build());
    int atStart = 0;
    int midBody = 0;
    for (int i = 0; i < 20; i++) {
      Response response;
      try {
        response = client.newCall(request(sandbox, "invoices?limit=50").build()).execute();
      } catch (IOException expected) {
        atStart++;
        continue;
      }
      try (response) {
        assertThat(response.code()).isEqualTo(200);
        assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
        midBody++;
      }
    }
    assertThat(atStart).isPositive();
    assertThat(midBody).isPositive();
    assertThat(sandbox.requestCount()).isEqualTo(20);
    assertThat(sandbox.faultCount()).isEqualTo(20);
  }

  @Test void servesManyConcurrentClients() throws Exception {
    TestVendorSandbox sandbox = start();
    int threads = 32;
    int requestsEach = 20;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<List<Integer>> task = () -> {
          go.await();
          List<Integer> codes = new ArrayList<>();
          for (int i = 0; i < requestsEach; i++) {
            Answer answer = get(sandbox, "invoices/inv-" + (thread * requestsEach + i) % 120);
            codes.add(answer.code());
          }
          return codes;
        };
        results.add(executor.submit(task));
      }
      go.countDown();
      for (Future<List<Integer>> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).hasSize(requestsEach).containsOnly(200);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(sandbox.requestCount()).isEqualTo(threads * requestsEach);
  }

  @Test void closeIsIdempotentAndFreesThePort() throws IOException {
    TestVendorSandbox sandbox = start();
    assertThat(get(sandbox, "invoices").code()).isEqualTo(200);
    int port = HttpUrl.get(sandbox.baseUrl()).port();

    sandbox.close();
    sandbox.close();

    assertThatThrownBy(() -> get(sandbox, "invoices")).isInstanceOf(IOException.class);
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test void toStringShowsNoCredential() {
    TestVendorSandbox sandbox = start(SandboxOptions.builder().credential("tok-secret-1").build());
    assertThat(sandbox.toString())
        .contains("test-vendor", sandbox.baseUrl())
        .doesNotContain("tok-secret-1");
  }
}
