package dev.invoicekit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.sandbox.Dataset;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance kit: the behaviour every InvoiceKit provider owes (SPEC §6), as JUnit 5 tests
 * that a provider runs against its own emulator.
 *
 * <p>A provider module adds {@code invoicekit-tck} as a test dependency and one class:
 * <pre>{@code
 * class AcmeConformanceTest extends InvoiceProviderVerification {
 *   AcmeConformanceTest() {
 *     super("acme");
 *   }
 * }
 * }</pre>
 *
 * <p>Every test starts the provider's emulator (found by {@link Sandboxes}, or {@link
 * #startEmulator}) with {@link #invoices()} invoices, puts a fault-injecting proxy on loopback in
 * front of it, and creates the provider (through {@link InvoiceProviders}, or {@link
 * #createProvider}) with the emulator's settings pointed at the proxy, a page size of {@link
 * #pageSize()}, {@code max-retries} 2 and {@code retry-base-delay} 1 ms. Each test's name carries
 * the rule it checks ({@code rule_6_1_...} for SPEC §6, first bullet), and each failure says what
 * was expected and what happened.
 *
 * <p>Not checked here, because no vendor-neutral proxy can produce them: a page that is empty but
 * claims more (that needs the vendor's own body), and the vendor-specific mapping of fields to the
 * model. Test those with MockWebServer in the provider's own module.
 */
public abstract class InvoiceProviderVerification {
  /** The retries every test configures: three attempts in all. */
  protected static final int MAX_RETRIES = 2;

  private static final Duration CALL_BOUND = Duration.ofSeconds(60);

  private final String providerId;
  private final String secret = "tck-secret-" + UUID.randomUUID().toString().replace("-", "");
  private final List<AutoCloseable> resources = new ArrayList<>();
  private Sandbox emulator;
  private FaultProxy proxy;

  /** @param providerId the id of the provider under test, as its factory declares it */
  protected InvoiceProviderVerification(String providerId) {
    this.providerId = providerId;
  }

  // Hooks for the implementer.

  /** Starts the provider's emulator. By default the one {@link Sandboxes} finds for the provider id. */
  protected Sandbox startEmulator(SandboxOptions options) {
    return Sandboxes.start(providerId, options);
  }

  /** Creates the provider under test. By default through {@link InvoiceProviders#create}. */
  protected InvoiceProvider createProvider(ProviderConfig config) {
    return InvoiceProviders.create(providerId, config);
  }

  /**
   * A preview request {@code emulator} can answer. By default the subscription of {@link
   * Sandbox#previewSubscriptionId()} where the emulator names one, else {@link PreviewRequest#upcoming()}.
   */
  protected PreviewRequest previewRequest(Sandbox emulator) {
    String subscription = emulator.previewSubscriptionId();
    return subscription == null ? PreviewRequest.upcoming()
        : PreviewRequest.builder().subscriptionId(subscription).build();
  }

  /** The invoices in the emulator's data set. Default 23, which is six pages of {@link #pageSize()}. */
  protected int invoices() {
    return 23;
  }

  /** The page size every test asks for. Default 4. */
  protected int pageSize() {
    return 4;
  }

  // The rig.

  @BeforeEach final void startRig() {
    emulator = startEmulator(SandboxOptions.builder().invoices(invoices()).credential(secret).build());
    resources.add(emulator);
    proxy = new FaultProxy(emulator.baseUrl());
    resources.add(proxy);
  }

  @AfterEach final void stopRig() throws Exception {
    Exception first = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (first == null) first = e;
      }
    }
    resources.clear();
    if (first != null) throw first;
  }

  /** The settings that point the provider at the proxy, plus {@code extra} (key, value, ...). */
  private ProviderConfig config(String... extra) {
    Map<String, String> settings = new LinkedHashMap<>(emulator.providerSettings());
    settings.put(ProviderConfig.BASE_URL, proxy.baseUrl());
    settings.put(ProviderConfig.PAGE_SIZE, Integer.toString(pageSize()));
    settings.put(ProviderConfig.MAX_RETRIES, Integer.toString(MAX_RETRIES));
    settings.put("retry-base-delay", "1ms");
    settings.put(ProviderConfig.TIMEOUT, "20s");
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) settings.remove(extra[i]); else settings.put(extra[i], extra[i + 1]);
    }
    return ProviderConfig.builder(providerId).environment(name -> null).setAll(settings).build();
  }

  private InvoiceProvider provider(String... extra) {
    InvoiceProvider provider = createProvider(config(extra));
    resources.add(provider);
    return provider;
  }

  private InvoiceQuery firstPage() {
    return InvoiceQuery.builder().pageSize(pageSize()).build();
  }

  private static List<String> ids(Stream<Invoice> invoices) {
    try (invoices) {
      return invoices.map(Invoice::id).collect(Collectors.toList());
    }
  }

  private String rule(String rule, String expectation) {
    return providerId + " breaks " + rule + ": " + expectation;
  }

  // §6.1 completeness, order, laziness.

  @Test void rule_6_1_streamDeliversEveryInvoiceOnceInVendorOrder() {
    InvoiceProvider provider = provider();
    List<Invoice> streamed;
    try (Stream<Invoice> all = provider.stream(InvoiceQuery.all())) {
      streamed = all.collect(Collectors.toList());
    }
    List<String> ids = streamed.stream().map(Invoice::id).collect(Collectors.toList());
    assertEquals(invoices(), new HashSet<>(ids).size(), rule("6.1 completeness",
        "stream() must deliver each of the emulator's " + invoices() + " invoices once; got "
            + ids.size() + " (" + new HashSet<>(ids).size() + " distinct): " + ids));
    assertEquals(invoices(), ids.size(), rule("6.1 completeness",
        "stream() delivered an invoice more than once: " + ids));
    Set<String> emulated = new TreeSet<>();
    for (int i = 0; i < emulator.dataset().size(); i++) emulated.add(emulator.invoiceId(i));
    assertEquals(emulated, new TreeSet<>(ids), rule("6.1 completeness",
        "stream() delivers exactly the emulator's invoices"));
    assertEquals(totals(emulator.dataset()), totalsOf(streamed), rule("6.1 completeness",
        "the totals per currency must equal the emulator's data set"));
    for (Invoice invoice : streamed) {
      assertEquals(providerId, invoice.provider(), rule("§2", "Invoice.provider() is the provider id"));
    }

    List<String> walked = new ArrayList<>();
    InvoiceQuery query = firstPage();
    for (int pages = 0; ; pages++) {
      assertTrue(pages <= invoices(), rule("6.1 paging", "list() never stopped giving a next page token"));
      Page<Invoice> page = provider.list(query);
      assertTrue(page.items().size() <= pageSize(), rule("§3 page-size",
          "a page holds at most page-size " + pageSize() + " invoices; got " + page.items().size()));
      page.items().forEach(invoice -> walked.add(invoice.id()));
      if (page.nextPageToken().isEmpty()) break;
      query = InvoiceQuery.builder().pageSize(pageSize()).pageToken(page.nextPageToken().get()).build();
    }
    assertEquals(walked, ids, rule("6.1 order",
        "stream() delivers the invoices in the order list() pages them"));
  }

  @Test void rule_6_1_streamIsLazy() {
    InvoiceProvider provider = provider();
    assertEquals(0, proxy.requestCount(), rule("6.1 laziness", "creating a provider sends no request"));
    try (Stream<Invoice> all = provider.stream(InvoiceQuery.all())) {
      assertEquals(0, proxy.requestCount(), rule("6.1 laziness",
          "stream() sends nothing before its first element is asked for; it sent "
              + proxy.requestCount() + " request(s)"));
      Iterator<Invoice> iterator = all.iterator();
      assertTrue(iterator.hasNext(), rule("6.1", "the emulator has invoices"));
      assertNotNull(iterator.next());
      assertTrue(proxy.requestCount() >= 1, rule("6.1", "the first element came from a request"));
    }
  }

  @Test void rule_6_1_repeatedPageFailsBeforeRepeatingInvoices() {
    InvoiceProvider provider = provider(ProviderConfig.MAX_CONCURRENCY, "1");
    AtomicReference<MockResponse> firstAnswer = new AtomicReference<>();
    proxy.script((request, forward) -> {
      MockResponse answer = forward.apply(request);
      firstAnswer.set(answer);
      return answer;
    });
    // Every later request gets the first page again, as a vendor stuck on one cursor would send.
    proxy.otherwise((request, forward) -> proxy.requestCount() > 50
        ? new MockResponse.Builder().code(418).body("the conformance kit stopped a loop").build()
        : firstAnswer.get());
    List<String> delivered = new ArrayList<>();
    Throwable failure = null;
    try (Stream<Invoice> all = provider.stream(InvoiceQuery.all())) {
      Iterator<Invoice> iterator = all.iterator();
      while (iterator.hasNext() && delivered.size() <= invoices() * 2) delivered.add(iterator.next().id());
    } catch (RuntimeException e) {
      failure = e;
    }
    assertTrue(failure instanceof MalformedResponseException, rule("6.1 repeated page",
        "a page that repeats an earlier one ends the stream with MalformedResponseException; got "
            + (failure == null ? "no exception after " + delivered.size() + " invoices" : failure)));
    assertEquals(new HashSet<>(delivered).size(), delivered.size(), rule("6.1 repeated page",
        "no invoice is delivered a second time before the failure: " + delivered));
  }

  // §6.2 concurrency.

  @Test void rule_6_2_streamKeepsAtMostMaxConcurrencyRequestsInFlight() {
    int bound = 2;
    InvoiceProvider provider = provider(ProviderConfig.MAX_CONCURRENCY, Integer.toString(bound));
    proxy.gate(bound + 1, 150);
    assertEquals(invoices(), ids(provider.stream(InvoiceQuery.all())).size(), rule("6.1", "complete"));
    assertTrue(proxy.maxInFlight() <= bound, rule("6.2 max-concurrency",
        "at most max-concurrency=" + bound + " requests in flight; saw " + proxy.maxInFlight()));
  }

  @Test void rule_6_2_closingAStreamMidwayReleasesEveryThread() throws Exception {
    ThreadGroup group = new ThreadGroup("invoicekit-tck-" + providerId);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller = new Thread(group, () -> {
      try (InvoiceProvider provider = createProvider(config(ProviderConfig.MAX_CONCURRENCY, "3"))) {
        try (Stream<Invoice> all = provider.stream(InvoiceQuery.all())) {
          Iterator<Invoice> iterator = all.iterator();
          iterator.next();
          iterator.next();
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "invoicekit-tck-caller");
    caller.start();
    caller.join(CALL_BOUND.toMillis());
    assertFalse(caller.isAlive(), rule("6.2 cancellation", "close() of a stream and the provider returns"));
    if (failure.get() != null) throw new AssertionError(rule("6.2", "streaming failed"), failure.get());
    List<String> left = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Thread[] threads = new Thread[group.activeCount() + 16];
    int count = group.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      long remaining = deadline - System.nanoTime();
      if (remaining > 0) TimeUnit.NANOSECONDS.timedJoin(threads[i], remaining);
      if (threads[i].isAlive()) left.add(threads[i].getName());
    }
    assertTrue(left.isEmpty(), rule("6.2 cancellation",
        "after the stream and the provider are closed, no thread the provider started is left; alive 10 s later: "
            + left));
  }

  // §6.3 retries.

  /** The transient faults of §6.3, by name. */
  private MockResponse transientFault(String fault) {
    switch (fault) {
      case "io-drop":
        return FaultProxy.disconnect();
      case "429-retry-after-zero":
        return vendorError(429, proxy.requestCount()).newBuilder().setHeader("Retry-After", "0").build();
      default:
        return vendorError(Integer.parseInt(fault), proxy.requestCount());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"io-drop", "408", "429-retry-after-zero", "500", "502", "503", "504"})
  void rule_6_3_transientFaultIsRetried(String fault) {
    InvoiceProvider provider = provider();
    proxy.script((r, f) -> transientFault(fault), (r, f) -> transientFault(fault));
    Page<Invoice> page = call("6.3 retries", "list() after two " + fault + " answers", () -> provider.list(firstPage()));
    assertFalse(page.items().isEmpty(), rule("6.3 retries", "the third attempt's page is delivered"));
    assertEquals(MAX_RETRIES + 1, proxy.requestCount(), rule("6.3 retries",
        "after two " + fault + " answers the call is retried within max-retries=" + MAX_RETRIES));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"io-drop", "408", "429-retry-after-zero", "500", "502", "503", "504"})
  void rule_6_3_persistentFaultEndsWithTheRightException(String fault) {
    InvoiceProvider provider = provider();
    proxy.otherwise((r, f) -> transientFault(fault));
    InvoiceException thrown = expect(InvoiceException.class, () -> provider.list(firstPage()), "6.3 retries");
    assertEquals(MAX_RETRIES + 1, proxy.requestCount(), rule("6.3 retries",
        "max-retries=" + MAX_RETRIES + " means " + (MAX_RETRIES + 1) + " attempts in all"));
    assertTrue(thrown.retryable(), rule("§2 errors", fault + " after the retries is retryable: " + thrown));
    assertEquals(providerId, thrown.provider(), rule("§2 errors", "the exception names the provider"));
    if (fault.startsWith("429")) {
      assertTrue(thrown instanceof RateLimitException, rule("§2 errors", "429 -> RateLimitException; got " + thrown));
    } else {
      assertTrue(thrown instanceof ProviderException && !(thrown instanceof MalformedResponseException),
          rule("§2 errors", fault + " -> ProviderException; got " + thrown));
      assertEquals(fault.equals("io-drop") ? 0 : Integer.parseInt(fault), thrown.httpStatus(),
          rule("§2 errors", "httpStatus()"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"seconds", "http-date"})
  void rule_6_3_retryAfterIsHonoured(String form) {
    InvoiceProvider provider = provider();
    proxy.script((request, forward) -> {
      String value = form.equals("seconds") ? "1"
          : DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
      return vendorError(429, request.index()).newBuilder().setHeader("Retry-After", value).build();
    });
    call("6.3 Retry-After", "list() after a 429", () -> provider.list(firstPage()));
    assertEquals(2, proxy.requestCount(), rule("6.3 Retry-After", "one retry after the 429"));
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(
        proxy.seen().get(1).arrivedNanos() - proxy.answeredNanos(0));
    assertTrue(waitedMillis >= 800, rule("6.3 Retry-After",
        "the retry waits as Retry-After (" + form + ") says, about 1 s; it came after " + waitedMillis + " ms"));
  }

  // §2 errors: each status to its type, with vendor code and request id.

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void rule_2_errorStatusMapsToItsTypeWithoutRetry(int status) {
    InvoiceProvider provider = provider();
    proxy.otherwise((request, forward) -> vendorError(status, request.index()));
    InvoiceException thrown = expect(InvoiceException.class, () -> provider.list(firstPage()), "§2 errors");
    Class<? extends InvoiceException> expected = status == 401 || status == 403 ? AuthenticationException.class
        : status == 404 ? NotFoundException.class : InvalidRequestException.class;
    assertTrue(expected.isInstance(thrown), rule("§2 errors",
        "HTTP " + status + " -> " + expected.getSimpleName() + "; got " + thrown.getClass().getSimpleName()
            + ": " + thrown.getMessage()));
    assertEquals(1, proxy.requestCount(), rule("6.3 retries", "HTTP " + status + " is not retried"));
    assertEquals(status, thrown.httpStatus(), rule("§2 errors", "httpStatus()"));
    assertFalse(thrown.retryable(), rule("§2 errors", "HTTP " + status + " is not retryable"));
    assertEquals(vendorCode(status), thrown.vendorCode(), rule("§2 errors",
        "vendorCode() is the code of the vendor's error body"));
    assertEquals(requestId(0), thrown.requestId(), rule("§2 errors",
        "requestId() is the vendor's " + emulator.requestIdHeader() + " header"));
    assertTrue(thrown.getMessage().contains(requestId(0)) && thrown.getMessage().contains(vendorCode(status)),
        rule("§2 errors", "the message carries the vendor code and the request id: " + thrown.getMessage()));
    assertFalse(thrown.getMessage().contains(secret), rule("6.4 redaction",
        "a credential the vendor echoes in its error never reaches the message: " + thrown.getMessage()));
  }

  @Test void rule_2_exhaustedServerErrorCarriesVendorCodeAndRequestId() {
    InvoiceProvider provider = provider();
    proxy.otherwise((request, forward) -> vendorError(503, request.index()));
    InvoiceException thrown = expect(ProviderException.class, () -> provider.list(firstPage()), "§2 errors");
    assertEquals(vendorCode(503), thrown.vendorCode(), rule("§2 errors", "vendorCode() of the last answer"));
    assertEquals(requestId(MAX_RETRIES), thrown.requestId(), rule("§2 errors", "requestId() of the last answer"));
  }

  // get.

  @Test void rule_get_findsAStreamedInvoiceAndMapsUnknownIdToEmpty() {
    InvoiceProvider provider = provider();
    String known = emulator.invoiceId(invoices() / 2);
    Optional<Invoice> found = call("§2 get", "get(" + known + ")", () -> provider.get(known));
    assertTrue(found.isPresent(), rule("§2 get", "get() finds invoice " + known + " that stream() delivered"));
    assertEquals(known, found.get().id(), rule("§2 get", "get(id).id() is id"));
    assertEquals(Optional.empty(), call("§2 get", "get() of an unknown id",
        () -> provider.get("tck-no-such-invoice")), rule("§2 get",
        "get() of an unknown id (vendor 404) is Optional.empty()"));
  }

  @Test void rule_6_4_invoiceIdsArePathEncoded() {
    InvoiceProvider provider = provider();
    String id = "tck/../x?y=1#z %";
    assertEquals(Optional.empty(), call("6.4 path encoding", "get(\"" + id + "\")", () -> provider.get(id)),
        rule("6.4 path encoding", "no invoice has id " + id));
    assertFalse(proxy.seen().isEmpty(), rule("6.4", "get() asked the vendor"));
    for (FaultProxy.Seen request : proxy.seen()) {
      HttpUrl url = request.url();
      assertTrue(url.queryParameter("y") == null, rule("6.4 path encoding",
          "the id's '?' became a query: " + request.target()));
      for (String segment : url.pathSegments()) {
        if (segment.contains("tck")) {
          assertEquals(id, segment, rule("6.4 path encoding",
              "the id is one encoded path segment; the request was " + request.target()));
        }
      }
    }
  }

  // preview.

  @Test void rule_preview_answersADraftOfTheProvider() {
    InvoiceProvider provider = provider();
    Invoice preview = call("§2 preview", "preview()", () -> provider.preview(previewRequest(emulator)));
    assertEquals(providerId, preview.provider(), rule("§2 preview", "preview().provider() is the provider id"));
  }

  // §6.4 credentials.

  @Test void rule_6_4_noSecretInToStringOrLogs() {
    List<String> logged = new ArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        synchronized (logged) {
          logged.add(record.getMessage() + " " + record.getParameters() + " " + record.getThrown());
        }
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    try {
      InvoiceProvider provider = provider();
      assertFalse(provider.toString().contains(secret), rule("6.4 redaction", "toString(): " + provider));
      assertFalse(config().toString().contains(secret), rule("6.4 redaction", "ProviderConfig.toString()"));
      proxy.script((r, f) -> transientFault("503"));
      provider.list(firstPage());
      provider.get("tck-no-such-invoice");
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }
    synchronized (logged) {
      for (String line : logged) {
        assertFalse(line.contains(secret), rule("6.4 redaction", "a log line holds the credential: " + line));
      }
    }
  }

  @Test void rule_6_4_credentialsAreNotSentAcrossHostsOnRedirect() throws IOException {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.setDispatcher(new mockwebserver3.Dispatcher() {
        @Override public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
          return new MockResponse.Builder().code(404).body("another host").build();
        }
      });
      elsewhere.start(InetAddress.getByName("localhost"), 0);
      InvoiceProvider provider = provider();
      proxy.script((request, forward) -> new MockResponse.Builder().code(302)
          .setHeader("Location", "http://localhost:" + elsewhere.getPort() + request.target()).build());
      try {
        provider.list(firstPage());
      } catch (InvoiceException expected) {
        // Following the redirect without credentials fails at the other host, or not following fails here.
      }
      for (int i = 0; i < elsewhere.getRequestCount(); i++) {
        mockwebserver3.RecordedRequest request = elsewhere.takeRequest(5, TimeUnit.SECONDS);
        for (int h = 0; request != null && h < request.getHeaders().size(); h++) {
          assertFalse(request.getHeaders().value(h).contains(secret), rule("6.4 redirects",
              "the credential went to another host in header " + request.getHeaders().name(h)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  // §3 configuration.

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"timeout=soon", "max-retries=-1", "max-concurrency=0", "page-size=0",
      "base-url=ftp://invoices.example", "base-url=http://invoices.example/"})
  void rule_3_badSettingFailsAtCreateNamingIt(String setting) {
    String key = setting.substring(0, setting.indexOf('='));
    String value = setting.substring(setting.indexOf('=') + 1);
    ConfigurationException thrown = expect(ConfigurationException.class,
        () -> createProvider(config(key, value)), "§3 configuration");
    assertTrue(String.valueOf(thrown.key()).endsWith(key) && thrown.getMessage().contains(key),
        rule("§3 configuration", "the exception names the setting " + key + ": key=" + thrown.key()
            + ", message=" + thrown.getMessage()));
    assertEquals(0, proxy.requestCount(), rule("§3 configuration", "no request before the failure"));
  }

  @Test void rule_3_missingCredentialFailsAtCreate() {
    for (String key : emulator.providerSettings().keySet()) {
      if (key.equals(ProviderConfig.BASE_URL)) continue;
      if (!emulator.providerSettings().get(key).contains(secret)) continue;
      ConfigurationException thrown = expect(ConfigurationException.class,
          () -> createProvider(config(key, null)), "§3 configuration");
      assertNotNull(thrown.key(), rule("§3 configuration", "the exception names the missing setting"));
      assertFalse(thrown.getMessage().contains(secret), rule("6.4 redaction", thrown.getMessage()));
    }
    assertEquals(0, proxy.requestCount(), rule("§3 configuration", "no request before the failure"));
  }

  // §6.5 threads and lifecycle.

  @Test void rule_6_5_oneInstanceServesManyThreads() throws Exception {
    InvoiceProvider provider = provider();
    List<String> expected = ids(provider.stream(InvoiceQuery.all()));
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int n = i;
        Callable<List<String>> task = () -> {
          start.await();
          List<String> got = ids(provider.stream(InvoiceQuery.all()));
          assertTrue(provider.get(expected.get(n % expected.size())).isPresent());
          return got;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get(CALL_BOUND.toSeconds(), TimeUnit.SECONDS), rule("6.5 thread safety",
            "each of " + threads + " threads streaming at once gets every invoice in order"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test void rule_6_5_callsAfterCloseThrowIllegalStateException() {
    InvoiceProvider provider = provider();
    provider.close();
    provider.close(); // idempotent
    Map<String, Runnable> calls = new TreeMap<>();
    calls.put("list", () -> provider.list(firstPage()));
    calls.put("stream", () -> provider.stream(InvoiceQuery.all()).findFirst());
    calls.put("get", () -> provider.get("tck-any"));
    calls.put("preview", () -> provider.preview(previewRequest(emulator)));
    calls.forEach((name, call) -> expect(IllegalStateException.class, call::run, "6.5 lifecycle: " + name + "()"));
    assertEquals(0, proxy.requestCount(), rule("6.5 lifecycle", "a closed provider sends nothing"));
  }

  // Helpers.

  /** The vendor code the kit puts in the error bodies it serves for {@code status}. */
  private static String vendorCode(int status) {
    return "7" + status;
  }

  /** The request id the kit sends with its answer to request {@code index}. */
  private static String requestId(int index) {
    return "tck-request-" + index;
  }

  /** The vendor's error answer, as the emulator writes it, with the kit's code and request id. */
  private MockResponse vendorError(int status, int requestIndex) {
    var response = emulator.errorResponse(status, vendorCode(status),
        "the conformance kit refuses this request, token " + secret);
    MockResponse.Builder builder = new MockResponse.Builder().code(response.status());
    response.headers().forEach(builder::addHeader);
    return builder.setHeader(emulator.requestIdHeader(), requestId(requestIndex))
        .body(new Buffer().write(response.body()))
        .build();
  }

  /** Makes {@code call}, turning an exception it should not throw into the failure of {@code rule}. */
  private <T> T call(String rule, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new AssertionError(rule(rule, what + " must succeed; it threw " + e), e);
    }
  }

  private <T extends Throwable> T expect(Class<T> type, Runnable call, String rule) {
    try {
      call.run();
    } catch (Throwable t) {
      if (type.isInstance(t)) return type.cast(t);
      throw new AssertionError(rule(rule, "expected " + type.getSimpleName() + ", got " + t), t);
    }
    throw new AssertionError(rule(rule, "expected " + type.getSimpleName() + ", but the call returned"));
  }

  private static Map<String, BigDecimal> totals(Dataset dataset) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (DatasetInvoice invoice : dataset.list()) totals.merge(invoice.currency(), invoice.total(), BigDecimal::add);
    return strip(totals);
  }

  private static Map<String, BigDecimal> totalsOf(List<Invoice> invoices) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (Invoice invoice : invoices) {
      totals.merge(invoice.currency().getCurrencyCode(), invoice.total().amount(), BigDecimal::add);
    }
    return strip(totals);
  }

  private static Map<String, BigDecimal> strip(Map<String, BigDecimal> totals) {
    Map<String, BigDecimal> result = new TreeMap<>();
    totals.forEach((currency, total) -> result.put(currency, total.stripTrailingZeros()));
    return result;
  }
}
