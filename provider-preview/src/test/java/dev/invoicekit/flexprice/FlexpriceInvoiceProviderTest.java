package dev.invoicekit.flexprice;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.flexprice.internal.FlexpriceInvoice;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class FlexpriceInvoiceProviderTest {
  @StartStop public final MockWebServer server = new MockWebServer();

  private final List<InvoiceProvider> providers = new ArrayList<>();

  @AfterEach void closeProviders() {
    providers.forEach(InvoiceProvider::close);
  }

  private String baseUrl() {
    return server.url("/v1/").toString();
  }

  private InvoiceProvider provider(String... settings) {
    ProviderConfig.Builder config = Fixtures.config(baseUrl()).set("max-retries", "0");
    for (int i = 0; i < settings.length; i += 2) config.set(settings[i], settings[i + 1]);
    InvoiceProvider provider = InvoiceProviders.create("flexprice", config.build());
    providers.add(provider);
    return provider;
  }

  private void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json; charset=utf-8").body(body).build());
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body(body).build();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(1, SECONDS);
    assertThat(request).as("a request").isNotNull();
    return request;
  }

  private static Map<String, Object> body(RecordedRequest request) {
    Map<String, Object> json = Wire.jsonObject(request.getBody().utf8());
    assertThat(json).as("request body is a JSON object").isNotNull();
    return json;
  }

  /** A search answer with invoices {@code ids} (each a minimal invoice) and {@code total}. */
  private static String searchAnswer(long offset, long total, String... ids) {
    String items = Stream.of(ids).map(FlexpriceInvoiceProviderTest::invoiceJson)
        .collect(Collectors.joining(","));
    return "{\"items\":[" + items + "],\"pagination\":{\"total\":" + total
        + ",\"limit\":" + Math.max(1, ids.length) + ",\"offset\":" + offset + "}}";
  }

  private static String invoiceJson(String id) {
    return "{\"id\":\"" + id + "\",\"customer_id\":\"cust_1\",\"invoice_status\":\"FINALIZED\","
        + "\"payment_status\":\"SUCCEEDED\",\"currency\":\"usd\",\"amount_due\":\"1\",\"total\":\"1\","
        + "\"period_start\":\"2026-07-01T00:00:00Z\",\"created_at\":\"2026-08-01T00:00:00Z\"}";
  }

  // Factory and configuration.

  @Test void factoryIsFoundAndDescribesItself() {
    InvoiceProviderFactory factory = ServiceLoader.load(InvoiceProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.id().equals("flexprice"))
        .findFirst().orElseThrow();

    assertThat(InvoiceProviders.available()).contains("flexprice");
    assertThat(factory).isInstanceOf(FlexpriceInvoiceProviderFactory.class);
    assertThat(factory.description()).startsWith("Flexprice").contains("preview")
        .contains("cannot be fetched later").doesNotContain("\n");
  }

  @Test void missingCredentialNamesTheEnvironmentVariable() {
    FlexpriceInvoiceProviderFactory factory = new FlexpriceInvoiceProviderFactory();
    ProviderConfig none = ProviderConfig.builder("flexprice").environment(Map.<String, String>of()::get).build();
    ProviderConfig fromEnvironment = ProviderConfig.builder("flexprice")
        .environment(Map.of("FLEXPRICE_API_KEY", "k")::get).build();

    assertThat(factory.missingCredential(none)).contains("FLEXPRICE_API_KEY");
    assertThat(factory.missingCredential(fromEnvironment)).isEmpty();
    assertThat(factory.missingCredential(Fixtures.config(baseUrl()).build())).isEmpty();
  }

  @Test void createValidatesEverySettingBeforeAnyRequest() {
    ProviderConfig noKey = ProviderConfig.builder("flexprice")
        .environment(Map.<String, String>of()::get).baseUrl(baseUrl()).build();
    assertThat(catchThrowableOfType(ConfigurationException.class,
        () -> InvoiceProviders.create("flexprice", noKey)).key())
        .isEqualTo("invoicekit.flexprice.api-key");

    Map<String, String> bad = Map.of(
        "page-size", "1001",
        "timeout", "soon",
        "max-retries", "11",
        "max-concurrency", "0",
        "base-url", "http://billing.example.com/v1");
    bad.forEach((key, value) -> {
      ProviderConfig config = Fixtures.config(baseUrl()).set(key, value).build();
      ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
          () -> InvoiceProviders.create("flexprice", config));
      assertThat(e).as(key).isNotNull();
      assertThat(e.key()).isEqualTo("invoicekit.flexprice." + key);
      assertThat(e.getMessage()).doesNotContain(Fixtures.API_KEY);
    });
    assertThatThrownBy(() -> InvoiceProviders.create("flexprice",
        Fixtures.config(baseUrl()).set("page-size", "0").build()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("page-size");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void apiKeyThatCannotBeAHeaderFailsNamingTheKeyWithoutShowingIt() {
    ProviderConfig config = Fixtures.config(baseUrl())
        .set("api-key", Fixtures.API_KEY + "\r\nX-Evil: 1").build();

    assertThatThrownBy(() -> InvoiceProviders.create("flexprice", config))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.flexprice.api-key");
          assertThat(e.getMessage()).doesNotContain(Fixtures.API_KEY);
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void readsKeyAndBaseUrlFromTheEnvironment() throws Exception {
    ProviderConfig config = ProviderConfig.builder("flexprice")
        .environment(Map.of("FLEXPRICE_API_KEY", "env-key", "FLEXPRICE_BASE_URL", baseUrl())::get)
        .build();
    enqueue(200, searchAnswer(0, 0));

    try (InvoiceProvider provider = InvoiceProviders.create("flexprice", config)) {
      provider.list(InvoiceQuery.all());
    }

    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/v1/invoices/search");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo("env-key");
  }

  @Test void defaultsToTheUsRegion() {
    ProviderConfig config = ProviderConfig.builder("flexprice")
        .environment(Map.<String, String>of()::get).set("api-key", Fixtures.API_KEY).build();

    try (InvoiceProvider provider = InvoiceProviders.create("flexprice", config)) {
      assertThat(provider.toString())
          .isEqualTo("FlexpriceInvoiceProvider{baseUrl=https://us.api.flexprice.io/v1/}");
      assertThat(provider.id()).isEqualTo("flexprice");
    }
  }

  // list

  @Test void listPostsTheSearchBodyWithFiltersAndApiKey() throws Exception {
    server.enqueue(json(Fixtures.read("search.json")));
    InvoiceQuery query = InvoiceQuery.builder()
        .customerId("cust_A")
        .periodFrom(Instant.parse("2026-08-01T00:00:00Z"))
        .periodTo(Instant.parse("2026-09-01T00:00:00Z"))
        .pageSize(10)
        .pageToken("20")
        .vendorParameter("invoice_status", "FINALIZED, voided")
        .vendorParameter("payment_status", "SUCCEEDED")
        .vendorParameter("subscription_id", "subs_1")
        .vendorParameter("invoice_type", "SUBSCRIPTION")
        .vendorParameter("currency", "usd")
        .vendorParameter("billing_reason", "SUBSCRIPTION_CYCLE")
        .vendorParameter("external_customer_id", "acme-42")
        .vendorParameter("invoice_ids", "inv_A, inv_b")
        .vendorParameter("amount_due_gt", " 100.50 ")
        .vendorParameter("period_end_gte", "2026-08-01T00:00:00Z")
        .vendorParameter("period_end_lte", "2026-09-01T02:00:00+02:00")
        .build();

    Page<Invoice> page = provider().list(query);

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/invoices/search");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(Fixtures.API_KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Authorization")).isNull();
    Map<String, Object> body = body(request);
    assertThat(body).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("limit", new BigDecimal("10")),
        Map.entry("offset", new BigDecimal("20")),
        Map.entry("customer_id", "cust_A"),
        Map.entry("period_start_gte", "2026-08-01T00:00:00Z"),
        Map.entry("period_start_lte", "2026-09-01T00:00:00Z"),
        Map.entry("invoice_status", List.of("FINALIZED", "VOIDED")),
        Map.entry("payment_status", List.of("SUCCEEDED")),
        Map.entry("subscription_id", "subs_1"),
        Map.entry("invoice_type", "SUBSCRIPTION"),
        Map.entry("currency", "usd"),
        Map.entry("billing_reason", "SUBSCRIPTION_CYCLE"),
        Map.entry("external_customer_id", "acme-42"),
        Map.entry("invoice_ids", List.of("inv_A", "inv_b")),
        Map.entry("amount_due_gt", "100.50"),
        Map.entry("period_end_gte", "2026-08-01T00:00:00Z"),
        Map.entry("period_end_lte", "2026-09-01T00:00:00Z"),
        Map.entry("skip_line_items", true)));

    // Only cust_A's August invoice is in [from, to): the draft starts at 2026-09-01, excluded.
    assertThat(page.items()).extracting(Invoice::id).containsExactly("inv_01K2Z8Q4T7XW3M9R5D6B1C2E02");
    assertThat(page.nextPageToken()).contains("30");
    assertThat(page.totalCount()).hasValue(57);
  }

  @Test void listWithoutFiltersSendsOnlyPaging() throws Exception {
    enqueue(200, searchAnswer(0, 2, "inv_a", "inv_b"));

    Page<Invoice> page = provider().list(InvoiceQuery.all());

    assertThat(body(take())).isEqualTo(Map.of(
        "limit", new BigDecimal("100"), "offset", BigDecimal.ZERO, "skip_line_items", true));
    assertThat(page.items()).extracting(Invoice::id).containsExactly("inv_a", "inv_b");
    assertThat(page.nextPageToken()).isEmpty(); // offset + items >= total
    assertThat(page.totalCount()).hasValue(2);
  }

  @Test void listUsesConfiguredPageSizeAndClampsQueryPageSizeToThousand() throws Exception {
    enqueue(200, searchAnswer(0, 0));
    enqueue(200, searchAnswer(0, 0));
    InvoiceProvider provider = provider("page-size", "250");

    provider.list(InvoiceQuery.all());
    provider.list(InvoiceQuery.builder().pageSize(5000).vendorParameter("skip_line_items", "false").build());

    assertThat(body(take())).containsEntry("limit", new BigDecimal("250"));
    assertThat(body(take())).containsEntry("limit", new BigDecimal("1000"))
        .containsEntry("skip_line_items", false);
  }

  @Test void listFailsOnAnEmptyPageWhoseTotalClaimsMore() {
    enqueue(200, searchAnswer(40, 57));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.builder().pageToken("40").build()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more")
        .hasMessageContaining("offset 40");
  }

  @Test void listPastTheTotalIsEmptyAndLast() {
    enqueue(200, searchAnswer(60, 57));

    Page<Invoice> page = provider().list(InvoiceQuery.builder().pageToken("60").build());

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test void listFailsWhenTheServerAnswersAnotherOffset() {
    enqueue(200, searchAnswer(0, 57, "inv_a", "inv_b"));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.builder().pageToken("2").build()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("offset 2")
        .hasMessageContaining("offset 0");
  }

  @Test void streamFailsInsteadOfDroppingPagesWhenTheServerIgnoresTheOffset() {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        return json(searchAnswer(0, 6, "inv_a", "inv_b"));
      }
    });
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider("page-size", "2").stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("offset 2");
    }
    assertThat(seen).containsExactly("inv_a", "inv_b");
  }

  @Test void listContinuesAfterAShortPageAtTheOffsetReached() {
    enqueue(200, searchAnswer(0, 10, "inv_a", "inv_b", "inv_c"));

    Page<Invoice> page = provider().list(InvoiceQuery.builder().pageSize(5).build());

    assertThat(page.nextPageToken()).contains("3");
  }

  @Test void unknownVendorParametersFailBeforeAnyRequest() {
    InvoiceProvider provider = provider();

    assertThatThrownBy(() -> provider.list(InvoiceQuery.builder().vendorParameter("status", "paid").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> provider.stream(InvoiceQuery.builder().vendorParameter("sort", "asc").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sort");
    assertThatThrownBy(() -> provider.list(
        InvoiceQuery.builder().vendorParameter("invoice_status", "DRAFT,,VOIDED").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invoice_status");
    assertThatThrownBy(() -> provider.list(
        InvoiceQuery.builder().vendorParameter("skip_line_items", "yes").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("skip_line_items");
    assertThatThrownBy(() -> provider.list(InvoiceQuery.builder().vendorParameter("amount_due_gt", "ten").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("vendor parameter amount_due_gt must be a decimal: 'ten'");
    // Its plain text would be a gigabyte.
    assertThatThrownBy(() -> provider.list(
        InvoiceQuery.builder().vendorParameter("amount_due_gt", "1e999999999").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vendor parameter amount_due_gt must be a decimal of at most 100 digits before and after the point: '1e999999999'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void pageTokensMustBeNonNegativeOffsets() {
    InvoiceProvider provider = provider();

    for (String token : List.of("-1", "abc", "1.5", "")) {
      assertThatThrownBy(() -> provider.list(InvoiceQuery.builder().pageToken(token).build()))
          .as(token).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void listRejectsAnswersWithoutPagination() {
    enqueue(200, "{\"items\":[]}");
    enqueue(200, "{\"items\":[{\"id\":\"inv_a\",\"currency\":\"usd\"}],\"pagination\":{\"total\":1}}");
    InvoiceProvider provider = provider();

    assertThatThrownBy(() -> provider.list(InvoiceQuery.all()))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("pagination");
    assertThatThrownBy(() -> provider.list(InvoiceQuery.all()))
        .isInstanceOf(MalformedResponseException.class).hasMessageContaining("total");
  }

  @Test void listIgnoresUnknownFieldsAndMapsUnknownStatusesToUnknown() {
    enqueue(200, "{\"items\":[{\"id\":\"inv_a\",\"currency\":\"usd\",\"total\":\"5\","
        + "\"invoice_status\":\"ON_HOLD\",\"payment_status\":\"DISPUTED\",\"whatever\":{\"x\":[1]}}],"
        + "\"pagination\":{\"total\":1,\"limit\":100,\"offset\":0,\"has_more\":false},\"extra\":1}");

    Invoice invoice = provider().list(InvoiceQuery.all()).items().get(0);

    assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNKNOWN);
    assertThat(invoice.vendorStatus()).isEqualTo("ON_HOLD/DISPUTED");
    assertThat(invoice.amountDue().toPlainString()).isEqualTo("5.00"); // absent amount_due: total
  }

  // stream

  @Test void streamIsLazyAndFetchesRemainingOffsetsConcurrently() {
    List<Long> offsets = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        long offset = ((BigDecimal) body(request).get("offset")).longValueExact();
        offsets.add(offset);
        List<String> ids = new ArrayList<>();
        for (long i = offset; i < Math.min(offset + 2, 5); i++) ids.add("inv_" + i);
        return json(searchAnswer(offset, 5, ids.toArray(new String[0])));
      }
    });
    InvoiceProvider provider = provider("page-size", "2", "max-concurrency", "2");

    try (Stream<Invoice> stream = provider.stream(InvoiceQuery.all())) {
      assertThat(server.getRequestCount()).isZero();
      assertThat(stream.map(Invoice::id))
          .containsExactly("inv_0", "inv_1", "inv_2", "inv_3", "inv_4");
    }
    assertThat(offsets).containsExactlyInAnyOrder(0L, 2L, 4L);
  }

  @Test void streamWithATotalOfTwoBillionPlansLazilyAndEndsWhenPagesRunOut() {
    // Regression: the engine copied the planned offsets, 2e9 of them, and ran out of memory.
    List<Long> offsets = Collections.synchronizedList(new ArrayList<>());
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        long offset = ((BigDecimal) body(request).get("offset")).longValueExact();
        offsets.add(offset);
        return offset < 3
            ? json(searchAnswer(offset, 2_000_000_000L, "inv_" + offset))
            : json(searchAnswer(offset, 2_000_000_000L));
      }
    });
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider("page-size", "1", "max-concurrency", "2").stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("empty page claims more");
    }
    assertThat(seen).containsExactly("inv_0", "inv_1", "inv_2");
    assertThat(offsets).hasSizeLessThanOrEqualTo(6);
  }

  @Test void hugeStringWhereANumberBelongsIsCutAndEscapedInTheMessage() {
    // Found by HostileAnswerVerification: Moshi quoted the whole 100 KB value.
    enqueue(200, "{\"items\":[],\"pagination\":{\"total\":\"\u001b[2J" + "L".repeat(100_000) + "\"}}");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.getMessage()).startsWith("flexprice: cannot read POST /v1/invoices/search: ")
              .contains("\\u001b[2J", "…(", "at path $.pagination.total")
              .doesNotContain("\u001b").hasSizeLessThan(1000);
        });
  }

  /** A search answer holding {@code items} (JSON objects) as they are. */
  private static String answerOf(long offset, long total, String... items) {
    return "{\"items\":[" + String.join(",", items) + "],\"pagination\":{\"total\":" + total
        + ",\"limit\":" + items.length + ",\"offset\":" + offset + "}}";
  }

  /** An invoice without {@code currency}, which the model requires. */
  private static String withoutCurrency(String id) {
    return invoiceJson(id).replace("\"currency\":\"usd\",", "");
  }

  @Test void listOfAPageWithAnUnreadableItemThrowsNamingTheItemAndField() {
    enqueue(200, answerOf(0, 9, invoiceJson("inv_a"), withoutCurrency("inv_b"), invoiceJson("inv_c")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).isEqualTo("items[1]: missing required field 'currency'");
          assertThat(e.httpStatus()).isEqualTo(200);
        });
  }

  @Test void listCountsEveryUnreadableItemOfThePage() {
    enqueue(200, answerOf(0, 4, withoutCurrency("inv_a"), invoiceJson("inv_b"),
        invoiceJson("inv_c").replace("\"total\":\"1\"", "\"total\":\"one\""), invoiceJson("inv_d")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.getMessage())
            .startsWith("flexprice: cannot read POST /v1/invoices/search: ")
            .contains("at path $.items[2].total"));
    enqueue(200, answerOf(0, 4, withoutCurrency("inv_a"), invoiceJson("inv_b"),
        invoiceJson("inv_c").replace("\"period_start\":\"2026-07-01T00:00:00Z\"", "\"period_start\":\"July\""),
        invoiceJson("inv_d")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("offset 0 of a total of 4: items could not be read (2 failures): "
                + "items[0]: missing required field 'currency'; "
                + "items[2]: period_start: not a date or time: 'July'"));
  }

  /** Answers each offset from {@code pages} with a request id; any other offset is a 500. */
  private static Dispatcher pages(Map<Long, String> pages) {
    return new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        long offset = ((BigDecimal) body(request).get("offset")).longValueExact();
        String answer = pages.get(offset);
        if (answer == null) return new MockResponse.Builder().code(500).body("unplanned offset " + offset).build();
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .addHeader("X-Request-Id", "req-" + offset).body(answer).build();
      }
    };
  }

  @Test void streamDeliversEveryReadableItemOfEveryPageThenNamesTheUnreadableOne() {
    server.setDispatcher(pages(Map.of(
        0L, answerOf(0, 5, invoiceJson("inv_0"), withoutCurrency("inv_bad"), invoiceJson("inv_2")),
        3L, answerOf(3, 5, invoiceJson("inv_3"), invoiceJson("inv_4")))));
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider("page-size", "3").stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).isEqualTo("items[1]: missing required field 'currency'");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo("req-0");
            assertThat(e.getMessage()).startsWith("flexprice: ");
          });
    }
    // Never a silent drop, never a lost page: the next offset is 3 (three items answered), not 2.
    assertThat(seen).containsExactly("inv_0", "inv_2", "inv_3", "inv_4");
  }

  @Test void streamCountsTheUnreadableItemsOfEveryPageInOneFailure() {
    server.setDispatcher(pages(Map.of(
        0L, answerOf(0, 5, invoiceJson("inv_0"), withoutCurrency("inv_bad"), invoiceJson("inv_2")),
        3L, answerOf(3, 5, withoutCurrency("inv_worse"), invoiceJson("inv_4")))));
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider("page-size", "3").stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).isEqualTo("items could not be read (2 failures): "
                + "items[1]: missing required field 'currency'; items[0]: missing required field 'currency'");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo("req-0");
            assertThat(e.getSuppressed()).hasSize(1);
            assertThat(((MalformedResponseException) e.getSuppressed()[0]).requestId()).isEqualTo("req-3");
          });
    }
    assertThat(seen).containsExactly("inv_0", "inv_2", "inv_4");
  }

  @Test void fractionalOrHugeCountsNameTheField() {
    enqueue(200, "{\"items\":[],\"pagination\":{\"total\":2.5}}");
    enqueue(200, "{\"items\":[],\"pagination\":{\"total\":0,\"offset\":1e30}}");
    InvoiceProvider flexprice = provider();

    assertThatThrownBy(() -> flexprice.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.detail()).isEqualTo("pagination.total: 2.5 is not a whole number"));
    assertThatThrownBy(() -> flexprice.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("pagination.offset: 1000000000000000000000000000000 is out of range"));
  }

  @Test void streamDropsInvoicesRepeatedByShiftedPages() {
    // An invoice was inserted after page 1 was read: page 2 repeats page 1's last invoice.
    Map<Long, String> pages = Map.of(
        0L, searchAnswer(0, 6, "inv_f", "inv_e"),
        2L, searchAnswer(2, 7, "inv_e", "inv_d"),
        4L, searchAnswer(4, 7, "inv_c", "inv_b"));
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        long offset = ((BigDecimal) body(request).get("offset")).longValueExact();
        String page = pages.get(offset);
        return page != null ? json(page) : json(searchAnswer(offset, 7, "inv_a"));
      }
    });

    List<String> ids = provider("page-size", "2").stream(InvoiceQuery.all())
        .map(Invoice::id).toList();

    assertThat(ids).containsExactly("inv_f", "inv_e", "inv_d", "inv_c", "inv_b", "inv_a");
  }

  @Test void streamAppliesCustomerAndPeriodFiltersExactly() throws Exception {
    server.enqueue(json(Fixtures.read("search.json").replace("\"total\": 57", "\"total\": 30")));
    InvoiceQuery query = InvoiceQuery.builder().customerId("cust_A")
        .periodFrom(Instant.parse("2026-09-01T00:00:00Z")).pageToken("20").build();

    List<String> ids = provider().stream(query).map(Invoice::id).toList();

    assertThat(ids).containsExactly("inv_01K2Z8Q4T7XW3M9R5D6B1C2E01");
    assertThat(body(take())).containsEntry("offset", new BigDecimal("20"))
        .containsEntry("customer_id", "cust_A")
        .containsEntry("period_start_gte", "2026-09-01T00:00:00Z")
        .doesNotContainKey("period_start_lte");
  }

  @Test void streamDeliversAFailureAfterTheEarlierPages() {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        long offset = ((BigDecimal) body(request).get("offset")).longValueExact();
        if (offset == 0) return json(searchAnswer(0, 4, "inv_0", "inv_1"));
        return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
            .body("{\"code\":\"validation_error\",\"message\":\"offset too large\",\"http_status_code\":400}")
            .build();
      }
    });
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> provider("page-size", "2").stream(InvoiceQuery.all())
        .forEach(invoice -> seen.add(invoice.id())))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("offset too large");
    assertThat(seen).containsExactly("inv_0", "inv_1");
  }

  @Test void streamRetriesTheReadOnlySearchPost() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .addHeader("Content-Type", "application/json")
        .body("{\"code\":\"service_unavailable\",\"message\":\"try again\",\"http_status_code\":503}")
        .build());
    enqueue(200, searchAnswer(0, 1, "inv_a"));

    List<String> ids = provider("max-retries", "1").stream(InvoiceQuery.all()).map(Invoice::id).toList();

    assertThat(ids).containsExactly("inv_a");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(body(take())).isEqualTo(body(take()));
  }

  @Test void recentIdsForgetTheOldestBeyondCapacity() {
    RecentIds recent = new RecentIds(4);
    for (int i = 0; i < 10; i++) assertThat(recent.add("inv_" + i)).isTrue();

    assertThat(recent.size()).isEqualTo(4);
    assertThat(recent.add("inv_9")).isFalse();
    assertThat(recent.add("inv_6")).isFalse();
    assertThat(recent.add("inv_0")).isTrue(); // long forgotten: memory stays bounded
    assertThat(recent.size()).isEqualTo(4);
  }

  @Test void plannedOffsetsAreComputedNotStored() {
    // A first page of 1000 items from offset 0 out of 1,000,000: 999 further offsets.
    Page<Invoice> first = new Page<>(firstPage(1000), Optional.of("1000"), OptionalLong.of(1_000_000));

    List<String> offsets = FlexpriceInvoiceProvider.remainingOffsets(0, first).orElseThrow();

    assertThat(offsets).hasSize(999);
    assertThat(offsets.get(0)).isEqualTo("1000");
    assertThat(offsets.get(998)).isEqualTo("999000");
    assertThat(offsets).isNotInstanceOf(ArrayList.class); // a computed view
    // A stream starting at offset 10 whose server answered 3 items: steps of 3 up to the total.
    assertThat(FlexpriceInvoiceProvider.remainingOffsets(10,
        new Page<>(firstPage(3), Optional.of("13"), OptionalLong.of(20))).orElseThrow())
        .containsExactly("13", "16", "19");
    assertThat(FlexpriceInvoiceProvider.remainingOffsets(0,
        new Page<>(firstPage(2), Optional.empty(), OptionalLong.of(2))).orElseThrow())
        .isEmpty();
    // A partial first page (one of its three items unreadable) steps by the three answered.
    assertThat(FlexpriceInvoiceProvider.remainingOffsets(10,
        new Page<>(firstPage(2), Optional.of("13"), OptionalLong.of(20))).orElseThrow())
        .containsExactly("13", "16", "19");
  }

  private static List<Invoice> firstPage(int size) {
    Invoice invoice = FlexpriceMapper.invoice(Fixtures.parseText(invoiceJson("inv_x"), FlexpriceInvoice.class));
    return Collections.nCopies(size, invoice);
  }

  // get

  @Test void getReadsOneInvoiceWithLines() throws Exception {
    server.enqueue(json(Fixtures.read("invoice.json")));

    Invoice invoice = provider().get("inv_01K2Z8Q4T7XW3M9R5D6B1C2E4F").orElseThrow();

    assertThat(invoice.lines()).hasSize(2);
    assertThat(invoice.total().toPlainString()).isEqualTo("129.50");
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v1/invoices/inv_01K2Z8Q4T7XW3M9R5D6B1C2E4F");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(Fixtures.API_KEY);
  }

  @Test void getPathEncodesTheId() throws Exception {
    enqueue(404, "{\"code\":\"not_found\",\"message\":\"invoice not found\",\"http_status_code\":404}");

    assertThat(provider().get("../x?y#z %/ü")).isEmpty();

    assertThat(take().getTarget()).isEqualTo("/v1/invoices/..%2Fx%3Fy%23z%20%25%2F%C3%BC");
  }

  @Test void getMaps404ToEmpty() {
    enqueue(404, "{\"code\":\"not_found\",\"message\":\"invoice not found\",\"http_status_code\":404,"
        + "\"details\":{\"invoice_id\":\"inv_nope\"}}");

    assertThat(provider().get("inv_nope")).isEmpty();
  }

  @Test void getRejectsNullAndBlankIdsBeforeAnyRequest() {
    InvoiceProvider provider = provider();

    assertThatThrownBy(() -> provider.get(null))
        .isInstanceOf(NullPointerException.class).hasMessage("invoiceId == null");
    assertThatThrownBy(() -> provider.get(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> provider.get(".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  // preview

  @Test void previewPostsTheSubscriptionAndPeriod() throws Exception {
    server.enqueue(json(Fixtures.read("preview.json")));
    PreviewRequest request = PreviewRequest.builder()
        .subscriptionId("subs_01K1H9A2B3C4D5E6F7G8H9J0K1")
        .periodStart(Instant.parse("2026-08-01T00:00:00Z"))
        .periodEnd(Instant.parse("2026-09-01T00:00:00Z"))
        .build();

    Invoice preview = provider().preview(request);

    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.id()).isEqualTo("inv_01K40PREVIEW0000000000000A");
    assertThat(preview.amountRemaining().toPlainString()).isEqualTo("129.50");
    RecordedRequest recorded = take();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getTarget()).isEqualTo("/v1/invoices/preview");
    assertThat(recorded.getHeaders().get("x-api-key")).isEqualTo(Fixtures.API_KEY);
    assertThat(body(recorded)).isEqualTo(Map.of(
        "subscription_id", "subs_01K1H9A2B3C4D5E6F7G8H9J0K1",
        "period_start", "2026-08-01T00:00:00Z",
        "period_end", "2026-09-01T00:00:00Z"));
  }

  @Test void previewSendsOnlyTheSubscriptionWhenNoPeriodIsGiven() throws Exception {
    server.enqueue(json(Fixtures.read("preview.json")));

    provider().preview(PreviewRequest.builder().subscriptionId("subs_1").build());

    assertThat(body(take())).isEqualTo(Map.of("subscription_id", "subs_1"));
  }

  @Test void previewIsAlwaysADraft() {
    server.enqueue(json(Fixtures.read("preview.json").replace("\"DRAFT\"", "\"FINALIZED\"")));

    assertThat(provider().preview(PreviewRequest.builder().subscriptionId("subs_1").build()).status())
        .isEqualTo(InvoiceStatus.DRAFT);
  }

  @Test void previewRejectsACustomerBeforeAnyRequest() {
    assertThatThrownBy(() -> provider().preview(PreviewRequest.builder().subscriptionId("subs_1")
        .customerId("cust_1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("customerId is not supported by flexprice: ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void previewWithoutSubscriptionFailsBeforeAnyRequest() {
    InvoiceProvider provider = provider();

    assertThatThrownBy(() -> provider.preview(PreviewRequest.upcoming()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriptionId");
    assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().subscriptionId(" ").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriptionId");
    assertThat(server.getRequestCount()).isZero();
  }

  // Errors.

  @Test void flatErrorsCarryMessageAndCode() {
    enqueue(400, "{\"code\":\"validation_error\",\"message\":\"limit must be at most 1000\","
        + "\"http_status_code\":400,\"details\":{\"limit\":5000}}");

    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> provider().list(InvoiceQuery.all()));

    assertThat(e.detail()).isEqualTo("limit must be at most 1000");
    assertThat(e.vendorCode()).isEqualTo("validation_error");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.provider()).isEqualTo("flexprice");
  }

  @Test void legacyEnvelopeErrorsCarryTheMessage() {
    enqueue(500, "{\"success\":false,\"error\":{\"message\":\"failed to list invoices\","
        + "\"internal_error\":\"pq: connection refused\",\"details\":{}}}");

    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> provider().list(InvoiceQuery.all()));

    assertThat(e.detail()).isEqualTo("failed to list invoices");
    assertThat(e.getMessage()).doesNotContain("pq: connection refused");
    assertThat(e.retryable()).isTrue();
  }

  @Test void olderStatusErrorsCarryMessageAndCode() {
    enqueue(422, "{\"status\":\"error\",\"message\":\"period_end before period_start\",\"code\":4221}");

    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
        () -> provider().preview(PreviewRequest.builder().subscriptionId("subs_1").build()));

    assertThat(e.detail()).isEqualTo("period_end before period_start");
    assertThat(e.vendorCode()).isEqualTo("4221");
  }

  @Test void authMiddlewareErrorsAreAuthenticationFailures() {
    enqueue(401, "{\"error\":\"Unauthorized\"}");
    enqueue(403, "{\"code\":\"permission_denied\",\"message\":\"api key cannot read invoices\",\"http_status_code\":403}");
    InvoiceProvider provider = provider();

    AuthenticationException unauthorized = catchThrowableOfType(AuthenticationException.class,
        () -> provider.list(InvoiceQuery.all()));
    AuthenticationException forbidden = catchThrowableOfType(AuthenticationException.class,
        () -> provider.get("inv_1"));

    assertThat(unauthorized.detail()).isEqualTo("Unauthorized");
    assertThat(unauthorized.httpStatus()).isEqualTo(401);
    assertThat(forbidden.detail()).isEqualTo("api key cannot read invoices");
    assertThat(forbidden.vendorCode()).isEqualTo("permission_denied");
    assertThat(unauthorized.getMessage() + forbidden.getMessage()).doesNotContain(Fixtures.API_KEY);
  }

  @Test void notFoundOutsideGetAndRateLimitsAreTyped() {
    enqueue(404, "{\"code\":\"not_found\",\"message\":\"subscription not found\",\"http_status_code\":404}");
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .addHeader("X-Request-Id", "req-42").addHeader("Content-Type", "application/json")
        .body("{\"code\":\"too_many_requests\",\"message\":\"slow down\",\"http_status_code\":429}").build());
    InvoiceProvider provider = provider();

    NotFoundException notFound = catchThrowableOfType(NotFoundException.class,
        () -> provider.preview(PreviewRequest.builder().subscriptionId("subs_gone").build()));
    RateLimitException limited = catchThrowableOfType(RateLimitException.class,
        () -> provider.list(InvoiceQuery.all()));

    assertThat(notFound.detail()).isEqualTo("subscription not found");
    assertThat(notFound.vendorCode()).isEqualTo("not_found");
    assertThat(limited.detail()).isEqualTo("slow down");
    assertThat(limited.vendorCode()).isEqualTo("too_many_requests");
    assertThat(limited.requestId()).isEqualTo("req-42");
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test void nonJsonErrorsFallBackToTheStatus() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway</body></html>").build());

    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> provider().list(InvoiceQuery.all()));

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.vendorCode()).isNull();
  }

  @Test void errorDecoderReadsEveryShape() {
    FlexpriceErrorDecoder decoder = new FlexpriceErrorDecoder();

    assertThat(decoder.decode(404, "application/json",
        "{\"code\":\"not_found\",\"message\":\"invoice not found\",\"http_status_code\":404}"))
        .isEqualTo(new VendorError("invoice not found", "not_found"));
    assertThat(decoder.decode(400, null,
        "{\"success\":false,\"error\":{\"message\":\"bad filter\",\"internal_error\":\"x\"}}"))
        .isEqualTo(new VendorError("bad filter", null));
    assertThat(decoder.decode(400, null, "{\"status\":\"error\",\"message\":\"bad\",\"code\":400}"))
        .isEqualTo(new VendorError("bad", "400"));
    assertThat(decoder.decode(401, null, "{\"error\":\"Invalid token\"}"))
        .isEqualTo(new VendorError("Invalid token", null));
    assertThat(decoder.decode(500, "text/html", "<html>oops</html>")).isNull();
    assertThat(decoder.decode(500, null, "")).isNull();
    assertThat(decoder.decode(500, null, "[1,2]")).isNull();
    assertThat(decoder.decode(500, null, "{\"details\":{}}")).isNull();
  }

  // Lifecycle.

  @Test void closeIsIdempotentAndLaterCallsThrow() {
    InvoiceProvider provider = provider();

    provider.close();
    provider.close();

    assertThatThrownBy(() -> provider.list(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> provider.stream(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> provider.get("inv_1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().subscriptionId("s").build()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void toStringShowsTheBaseUrlAndNeverTheKey() {
    InvoiceProvider provider = provider();

    assertThat(provider.toString()).isEqualTo("FlexpriceInvoiceProvider{baseUrl=" + baseUrl() + "}");
    assertThat(provider.toString()).doesNotContain(Fixtures.API_KEY);
  }

  @Test void concurrentCallersShareOneProvider() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        return json(Fixtures.read("invoice.json"));
      }
    });
    InvoiceProvider provider = provider();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger found = new AtomicInteger();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < 5; i++) {
            if (provider.get("inv_" + i).isPresent()) found.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) worker.join(10_000);

    assertThat(failures).isEmpty();
    assertThat(found.get()).isEqualTo(threads * 5);
  }

}
