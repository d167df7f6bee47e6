package dev.invoicekit.reliability;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.reliability.VendorCase.Op;
import dev.invoicekit.reliability.VendorCase.Payload;
import dev.invoicekit.spi.ProviderConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets and hostile input: credentials never leak (messages, stack traces, {@code toString},
 * logs at the most verbose level, standard output) nor follow a redirect to another host; plain
 * {@code http} to a remote host is refused; hostile ids stay one path segment; an oversized body
 * fails clearly.
 */
@Timeout(value = 30, unit = SECONDS)
final class SecurityTest {
  /** Every header any provider sends a credential in. */
  private static final List<String> CREDENTIAL_HEADERS =
      List.of("Authorization", "X-Auth-Key", "X-Auth-Email", "Fastly-Key", "x-api-key");
  private static final Map<String, AtomicInteger> CHECKS = new ConcurrentHashMap<>();

  @StartStop public final MockWebServer server = new MockWebServer();
  @StartStop public final MockWebServer elsewhere = new MockWebServer();

  /** One way a provider authenticates: its settings, the secret values and the headers carrying them. */
  record Scheme(String name, VendorCase vendor, List<String> settings, List<String> secrets,
      List<String> headers) {
    ProviderConfig config(MockWebServer server, String... more) {
      List<String> all = new ArrayList<>(settings);
      all.addAll(Arrays.asList(more));
      return vendor.config(server, all.toArray(new String[0]));
    }

    @Override public String toString() {
      return name;
    }
  }

  static List<Scheme> schemes() {
    List<String> none = List.of();
    return List.of(
        new Scheme("cloudflare api-token", new CloudflareCase(), none,
            List.of(CloudflareCase.TOKEN), List.of("Authorization")),
        new Scheme("cloudflare api-email + api-key", new CloudflareCase(),
            Arrays.asList("api-token", null, "api-email", CloudflareCase.EMAIL, "api-key", CloudflareCase.KEY),
            List.of(CloudflareCase.EMAIL, CloudflareCase.KEY), List.of("X-Auth-Email", "X-Auth-Key")),
        new Scheme("fastly api-token", new FastlyCase(), none, List.of(FastlyCase.TOKEN), List.of("Fastly-Key")),
        new Scheme("flexprice api-key", new FlexpriceCase(), none, List.of(FlexpriceCase.API_KEY),
            List.of("x-api-key")));
  }

  static Stream<Arguments> schemesAndOps() {
    List<Arguments> result = new ArrayList<>();
    for (Scheme scheme : schemes()) {
      for (Op op : Op.values()) result.add(Arguments.of(scheme, op));
    }
    return result.stream();
  }

  @AfterAll static void printSummary() {
    StringBuilder line = new StringBuilder("reliability: security passed");
    String separator = " ";
    for (Map.Entry<String, AtomicInteger> check : new TreeMap<>(CHECKS).entrySet()) {
      line.append(separator).append(check.getValue().get()).append(' ').append(check.getKey());
      separator = ", ";
    }
    System.out.println(line.append("; 0 secrets seen"));
  }

  private static void count(String check) {
    CHECKS.computeIfAbsent(check, k -> new AtomicInteger()).incrementAndGet();
  }

  // Secrets.

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("schemesAndOps")
  void secretsAppearInNoMessageStackTraceToStringOrLog(Scheme scheme, Op op) throws Exception {
    VendorCase vendor = scheme.vendor();
    List<String> texts = new ArrayList<>();
    int logRecords;
    try (Capture capture = Capture.start()) {
      ProviderConfig config = scheme.config(server, "max-retries", "1", "retry-base-delay", "1ms",
          "timeout", "2s");
      texts.add(config.toString());
      try (InvoiceProvider provider = InvoiceProviders.create(vendor.id(), config)) {
        texts.add(provider.toString());
        texts.add(InvoiceQuery.builder().customerId("c").pageToken("t").vendorParameter("type", "all").build().toString());
        texts.add(PreviewRequest.builder().subscriptionId("s").build().toString());
        String secret = scheme.secrets().get(0);
        String echo = "credential " + String.join(" and ", scheme.secrets()) + " is not valid";

        server.enqueue(json(200, vendor.body(op, Payload.VALID)));
        texts.add(vendor.call(provider, op).toString());
        for (int status : new int[] {401, 403, 400, 404, 422, 429, 500, 503}) {
          int attempts = status == 429 || status >= 500 ? 2 : 1;
          for (int i = 0; i < attempts; i++) server.enqueue(echoError(vendor, status, echo, secret));
          texts.add(failure(vendor, provider, op));
        }
        server.enqueue(json(200, vendor.bodyWithText(op, vendor.numberMember(op), echo)));
        texts.add(failure(vendor, provider, op));
        server.enqueue(json(200, vendor.bodyWithText(op, vendor.checkedTextMember(op), echo)));
        texts.add(failure(vendor, provider, op));
        server.enqueue(json(200, "{\"unexpected\": \"" + echo + "\"")); // truncated
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
    count("secret scans (messages, stack traces, toString, logs at ALL, stdout/stderr)");
  }

  /** The vendor's error body and a request id header, both echoing the credential. */
  private static MockResponse echoError(VendorCase vendor, int status, String echo, String secret) {
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
  private static String failure(VendorCase vendor, InvoiceProvider provider, Op op) {
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

  // Redirects.

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("schemesAndOps")
  void redirectToAnotherHostCarriesNoCredential(Scheme scheme, Op op) throws Exception {
    VendorCase vendor = scheme.vendor();
    for (int code : new int[] {302, 307, 308}) {
      // The other host: 127.0.0.1 where the provider was configured with localhost, another port.
      String target = "http://127.0.0.1:" + elsewhere.getPort() + vendor.path(op);
      server.enqueue(new MockResponse.Builder().code(code).setHeader("Location", target).build());
      elsewhere.enqueue(json(200, vendor.body(op, Payload.VALID)));

      try (InvoiceProvider provider = InvoiceProviders.create(vendor.id(), scheme.config(server))) {
        Invoice invoice = vendor.call(provider, op);
        assertThat(invoice.id()).isEqualTo(vendor.invoiceId(op));
      }

      RecordedRequest origin = server.takeRequest(5, SECONDS);
      for (String header : scheme.headers()) {
        assertThat(origin.getHeaders().get(header)).as("%s to the configured host", header).isNotNull();
      }
      RecordedRequest redirected = elsewhere.takeRequest(5, SECONDS);
      assertThat(redirected).isNotNull();
      for (String header : CREDENTIAL_HEADERS) {
        assertThat(redirected.getHeaders().get(header)).as("%s after a %s to another host", header, code).isNull();
      }
      for (String secret : scheme.secrets()) {
        assertThat(redirected.getHeaders().toString()).doesNotContain(secret);
      }
      count("redirects to another host");
    }
  }

  // Plain http.

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.invoicekit.reliability.VendorCase#all")
  void plainHttpToAnotherHostIsRefusedAtCreate(VendorCase vendor) {
    for (String url : List.of("http://api.example.com/", "HTTP://API.EXAMPLE.COM/v1/", "http://10.0.0.7:8080/",
        "http://192.168.1.20/", "http://127.0.0.1.nip.io/", "http://localhost.example.com/",
        "http://[::ffff:7f00:1]/", "http://[2001:db8::1]/", "ftp://127.0.0.1/", "//api.example.com/",
        "api.example.com")) {
      assertThatThrownBy(() -> InvoiceProviders.create(vendor.id(), vendor.config(url))).as(url)
          .isInstanceOfSatisfying(ConfigurationException.class,
              e -> assertThat(e.key()).isEqualTo("invoicekit." + vendor.id() + ".base-url"));
      count("unsafe base URLs refused at create");
    }
    for (String url : List.of("https://api.example.com/", "http://localhost:8080/", "http://127.0.0.1/",
        "http://[::1]:9000/")) {
      InvoiceProviders.create(vendor.id(), vendor.config(url)).close(); // accepted; no request is made
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.invoicekit.reliability.VendorCase#all")
  void userInfoInTheBaseUrlIsRefusedWithoutShowingIt(VendorCase vendor) {
    assertThatThrownBy(() -> InvoiceProviders.create(vendor.id(),
        vendor.config("https://admin:pa55w0rd-in-url@api.example.com/")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining("pa55w0rd-in-url");
    count("unsafe base URLs refused at create");
  }

  @Test void flexpriceBaseUrlFromTheEnvironmentIsCheckedToo() {
    ProviderConfig config = ProviderConfig.builder("flexprice")
        .environment(Map.of("FLEXPRICE_API_KEY", FlexpriceCase.API_KEY,
            "FLEXPRICE_BASE_URL", "http://flexprice.internal.example/v1")::get)
        .build();

    assertThatThrownBy(() -> InvoiceProviders.create("flexprice", config))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
    count("unsafe base URLs refused at create");
  }

  // Hostile ids.

  static Stream<Arguments> hostileIds() {
    List<String> ids = List.of("../x", "..", ".", "a/../../b", "INV-1/../../../v1/invoices", "x?admin=1&limit=1",
        "y#fragment", "100%", "%2e%2e", "%2F..%2Fadmin", "..%2f..%2f", "a b", "ü€😀", "\\..\\..\\",
        "line\nbreak", "tab\there", ";jsessionid=1", "month-to-date/../x", "//evil.example.com/x", " ");
    List<Arguments> result = new ArrayList<>();
    for (VendorCase vendor : VendorCase.all()) {
      for (String id : ids) result.add(Arguments.of(vendor, id));
    }
    return result.stream();
  }

  @ParameterizedTest(name = "{0} get({1})")
  @MethodSource("hostileIds")
  void hostileIdCanNeverAddressAnotherEndpoint(VendorCase vendor, String id) throws Exception {
    String shape = vendor.errorShapes().get(0);
    try (InvoiceProvider provider = vendor.create(server)) {
      if (!vendor.hasGetEndpoint()) {
        server.enqueue(json(200, vendor.body(Op.GET, Payload.VALID)));
      } else {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", vendor.errorContentType(shape))
            .body(vendor.errorBody(shape, 404)).build());
      }
      Throwable thrown = catchThrowable(() -> assertThat(provider.get(id)).isEmpty());
      if (thrown != null) {
        // Refused before any request: ".", "..", blank ids.
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
        count("hostile ids refused before any request");
        return;
      }
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest(5, SECONDS);
    String getPath = vendor.path(Op.GET);
    List<String> expectedSegments = new ArrayList<>(List.of(getPath.substring(1).split("/")));
    if (!vendor.hasGetEndpoint()) {
      // No get endpoint: the history is scanned, and the id is never part of a request.
      assertThat(request.getUrl().encodedPath()).isEqualTo(getPath);
      assertThat(request.getUrl().pathSegments()).doesNotContain(id);
      assertThat(request.getUrl().queryParameterValues("page")).containsExactly("1");
    } else {
      expectedSegments.set(expectedSegments.size() - 1, id);
      assertThat(request.getUrl().pathSegments()).as("decoded path segments").isEqualTo(expectedSegments);
      assertThat(request.getUrl().query()).isNull();
      assertThat(request.getTarget()).doesNotContain("?", "#");
    }
    count("hostile ids confined (one path segment; on Cloudflare, no request path)");
  }

  @Test void hostileCursorStaysOneQueryParameter() throws Exception {
    VendorCase fastly = new FastlyCase();
    String cursor = "a&limit=1000&cursor=b#x/../../v1?y=z";
    server.enqueue(json(200, fastly.body(Op.LIST, Payload.VALID)));

    try (InvoiceProvider provider = fastly.create(server)) {
      provider.list(InvoiceQuery.builder().pageToken(cursor).build());
    }

    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/billing/v3/invoices");
    assertThat(request.getUrl().queryParameterValues("cursor")).containsExactly(cursor);
    assertThat(request.getUrl().queryParameterValues("limit")).containsExactly("200");
    count("hostile cursors confined to one query parameter");
  }

  // Oversized bodies.

  static Stream<Arguments> oversized() {
    List<Arguments> result = new ArrayList<>();
    for (VendorCase vendor : VendorCase.all()) {
      for (Op op : Op.values()) {
        result.add(Arguments.of(vendor, op, false));
        result.add(Arguments.of(vendor, op, true));
      }
    }
    return result.stream();
  }

  @ParameterizedTest(name = "{0} {1} chunked={2}")
  @MethodSource("oversized")
  void bodyOverTheCapFailsClearlyAndIsNotRetried(VendorCase vendor, Op op, boolean chunked) throws Exception {
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
    count("bodies over max-response-size refused");
  }

  @Test void bodyUnderTheCapIsRead() {
    VendorCase fastly = new FastlyCase();
    server.enqueue(json(200, fastly.body(Op.GET, Payload.VALID)));

    try (InvoiceProvider provider = fastly.create(server, "max-response-size", "4KiB")) {
      assertThat(fastly.call(provider, Op.GET).id()).isEqualTo(fastly.invoiceId(Op.GET));
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }
}
