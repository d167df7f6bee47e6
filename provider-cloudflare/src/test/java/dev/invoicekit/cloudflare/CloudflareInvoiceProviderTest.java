package dev.invoicekit.cloudflare;

import static dev.invoicekit.cloudflare.CloudflareMapperTest.fixture;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.spi.ProviderConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class CloudflareInvoiceProviderTest {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String TOKEN = "cf-secret-token-Sn3lZJTBX6kkg7Od";
  static final String EMAIL = "billing-admin@example.com";
  static final String KEY = "cf-secret-global-key-144c9def";
  static final String HISTORY = "/client/v4/accounts/" + ACCOUNT + "/ai-gateway/billing/invoice-history";
  static final String PREVIEW = "/client/v4/accounts/" + ACCOUNT + "/ai-gateway/billing/invoice-preview";

  @StartStop public final MockWebServer server = new MockWebServer();

  private final List<InvoiceProvider> providers = new ArrayList<>();

  @AfterEach void closeProviders() {
    providers.forEach(InvoiceProvider::close);
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder("cloudflare")
        .baseUrl(server.url("/client/v4").toString())
        .set("account-id", ACCOUNT)
        .set("api-token", TOKEN)
        .set("max-retries", "0")
        .environment(name -> null);
  }

  private InvoiceProvider provider(ProviderConfig.Builder config) {
    InvoiceProvider provider = InvoiceProviders.create("cloudflare", config.build());
    providers.add(provider);
    return provider;
  }

  private InvoiceProvider provider() {
    return provider(config());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("CF-Ray", "8d2f1a2b3c4d5e6f-SJC").body(body).build();
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(1, SECONDS);
    assertThat(request).as("recorded request").isNotNull();
    return request;
  }

  /** A history page of invoices {@code in_000}.. of {@code total}, {@code perPage} a page. */
  static String historyPage(int page, int perPage, int total) {
    int from = Math.min((page - 1) * perPage, total);
    int to = Math.min(from + perPage, total);
    String invoices = IntStream.range(from, to).mapToObj(i -> String.format(
        "{\"id\":\"in_%03d\",\"amount_due\":%d,\"amount_paid\":0,\"amount_remaining\":%d,"
            + "\"currency\":\"usd\",\"created\":%d,\"status\":\"open\",\"invoice_origin\":\"auto\"}",
        i, 100 + i, 100 + i, 1788220800L - i * 86400L))
        .collect(Collectors.joining(","));
    String pagination = String.format("{\"has_more\":%s,\"page\":%d,\"per_page\":%d,\"total_count\":%d}",
        to < total, page, perPage, total);
    return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"invoices\":[" + invoices
        + "],\"pagination\":" + pagination + "},\"result_info\":" + pagination + "}";
  }

  /** Answers invoice-history by its page and per_page, as Cloudflare does, for {@code total} invoices. */
  private Map<Integer, Integer> serveHistory(int total) {
    Map<Integer, Integer> requestsPerPage = new ConcurrentHashMap<>();
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        if (!url.encodedPath().equals(HISTORY)) return json(404, fixture("error-404.json"));
        int page = Integer.parseInt(url.queryParameter("page"));
        int perPage = Integer.parseInt(url.queryParameter("per_page"));
        requestsPerPage.merge(page, 1, Integer::sum);
        return json(200, historyPage(page, perPage, total));
      }
    });
    return requestsPerPage;
  }

  @Test void listSendsPageAndPerPageWithBearerToken() throws InterruptedException {
    server.enqueue(json(200, fixture("history-page1.json")));

    Page<Invoice> page = provider().list(InvoiceQuery.all());

    assertThat(page.items()).extracting(Invoice::id)
        .containsExactly("in_1PqR8sLkdIwHu7ix0a1b2c3d", "in_1PqS2tLkdIwHu7ix9z8y7x6w");
    assertThat(page.items().get(0).total()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(page.nextPageToken()).contains("2");
    assertThat(page.totalCount()).isEqualTo(OptionalLong.of(5));
    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(HISTORY + "?page=1&per_page=50");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("X-Auth-Email")).isNull();
    assertThat(request.getHeaders().get("X-Auth-Key")).isNull();
  }

  @Test void emailAndKeyWinOverToken() throws InterruptedException {
    server.enqueue(json(200, fixture("history-page1.json")));

    provider(config().set("api-email", EMAIL).set("api-key", KEY)).list(InvoiceQuery.all());

    RecordedRequest request = takeRequest();
    assertThat(request.getHeaders().get("X-Auth-Email")).isEqualTo(EMAIL);
    assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test void credentialsMayComeFromTheEnvironment() throws InterruptedException {
    server.enqueue(json(200, fixture("history-page1.json")));
    Map<String, String> environment = Map.of("CLOUDFLARE_ACCOUNT_ID", ACCOUNT,
        "CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY);

    provider(config().set("account-id", null).set("api-token", null).environment(environment::get))
        .list(InvoiceQuery.all());

    RecordedRequest request = takeRequest();
    assertThat(request.getTarget()).startsWith(HISTORY);
    assertThat(request.getHeaders().get("X-Auth-Key")).isEqualTo(KEY);
  }

  @Test void aConfiguredTokenWinsOverEmailAndKeyFromTheEnvironment() throws InterruptedException {
    server.enqueue(json(200, fixture("history-page1.json")));
    Map<String, String> environment = Map.of("CLOUDFLARE_EMAIL", EMAIL, "CLOUDFLARE_API_KEY", KEY);

    provider(config().environment(environment::get)).list(InvoiceQuery.all());

    RecordedRequest request = takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("X-Auth-Key")).isNull();
  }

  @Test void listContinuesAtPageTokenWithTypeAndClampsPageSize() throws InterruptedException {
    server.enqueue(json(200, fixture("history-result-info.json")));

    Page<Invoice> page = provider().list(InvoiceQuery.builder()
        .pageToken("3").pageSize(500).vendorParameter("type", "manual").build());

    assertThat(page.items()).hasSize(1);
    assertThat(page.nextPageToken()).isEmpty();
    assertThat(takeRequest().getTarget()).isEqualTo(HISTORY + "?page=3&per_page=100&type=manual");
  }

  @Test void configuredPageSizeIsUsedWhenTheQueryHasNone() throws InterruptedException {
    server.enqueue(json(200, historyPage(1, 7, 3)));

    provider(config().set("page-size", "7")).list(InvoiceQuery.all());

    assertThat(takeRequest().getTarget()).isEqualTo(HISTORY + "?page=1&per_page=7");
  }

  @Test void listRejectsBadVendorParametersAndTokensBeforeAnyRequest() {
    InvoiceProvider provider = provider();

    assertThatThrownBy(() -> provider.list(InvoiceQuery.builder().vendorParameter("status", "paid").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> provider.list(InvoiceQuery.builder().vendorParameter("type", "topup").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type").hasMessageContaining("topup");
    for (String token : List.of("0", "-1", "abc", "1.5", "+2", "99999999999", " ")) {
      assertThatThrownBy(() -> provider.list(InvoiceQuery.builder().pageToken(token).build()))
          .as(token).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page");
      assertThatThrownBy(() -> provider.stream(InvoiceQuery.builder().pageToken(token).build()))
          .as(token).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> provider.stream(InvoiceQuery.builder().vendorParameter("per_page", "5").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per_page");
    assertThatThrownBy(() -> provider.list(null)).isInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void listFiltersPeriodOnIssueTimeClientSide() throws InterruptedException {
    server.enqueue(json(200, fixture("history-page1.json")));

    Page<Invoice> page = provider().list(InvoiceQuery.builder()
        .periodFrom(Instant.parse("2026-08-01T00:00:00Z"))
        .periodTo(Instant.parse("2026-08-02T00:00:00Z")).build());

    assertThat(page.items()).extracting(Invoice::id).containsExactly("in_1PqS2tLkdIwHu7ix9z8y7x6w");
    assertThat(page.nextPageToken()).contains("2");
    assertThat(page.totalCount()).isEmpty(); // the vendor's total does not count the filter
    assertThat(takeRequest().getTarget()).isEqualTo(HISTORY + "?page=1&per_page=50");
  }

  @Test void customerFilterMatchesTheAccount() {
    server.enqueue(json(200, fixture("history-page1.json")));
    server.enqueue(json(200, fixture("history-page1.json")));
    InvoiceProvider provider = provider();

    assertThat(provider.list(InvoiceQuery.builder().customerId(ACCOUNT).build()).items()).hasSize(2);
    assertThat(provider.list(InvoiceQuery.builder().customerId("cust_0001").build()).items()).isEmpty();
  }

  @Test void streamFetchesEveryPageOnceInOrder() {
    Map<Integer, Integer> requests = serveHistory(11);

    List<Invoice> invoices;
    try (Stream<Invoice> stream = provider(config().set("max-concurrency", "3"))
        .stream(InvoiceQuery.builder().pageSize(2).build())) {
      invoices = stream.collect(Collectors.toList());
    }

    assertThat(invoices).extracting(Invoice::id)
        .containsExactlyElementsOf(IntStream.range(0, 11).mapToObj(i -> String.format("in_%03d", i)).toList());
    assertThat(invoices.get(10).total()).isEqualTo(Money.of("1.10", "USD"));
    assertThat(requests).isEqualTo(Map.of(1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1));
  }

  @Test void streamWithATotalCountOfTwoBillionPlansLazilyAndEndsWhenPagesRunOut() {
    // Regression: remainingPages built 2e9 page numbers up front (OutOfMemoryError).
    Map<Integer, Integer> requests = new ConcurrentHashMap<>();
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        int page = Integer.parseInt(request.getUrl().queryParameter("page"));
        requests.merge(page, 1, Integer::sum);
        String invoices = page <= 3
            ? "{\"id\":\"in_" + page + "\",\"amount_due\":1,\"amount_paid\":0,\"amount_remaining\":1,\"currency\":\"usd\"}"
            : "";
        return json(200, "{\"success\":true,\"result\":{\"invoices\":[" + invoices + "],"
            + "\"pagination\":{\"has_more\":true,\"page\":" + page + ",\"per_page\":1,"
            + "\"total_count\":2000000000}}}");
      }
    });
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Invoice> stream = provider(config().set("max-concurrency", "4"))
          .stream(InvoiceQuery.builder().pageSize(1).build())) {
        stream.forEach(invoice -> seen.add(invoice.id()));
      }
    }).isInstanceOf(MalformedResponseException.class).hasMessageContaining("empty page claims more");
    assertThat(seen).containsExactly("in_1", "in_2", "in_3");
    assertThat(requests.keySet()).allSatisfy(page -> assertThat(page).isLessThanOrEqualTo(8));
  }

  @Test void remainingPagesOfAHugeTotalAreComputedOnDemand() {
    CloudflareMapper.HistoryPage first = new CloudflareMapper.HistoryPage(List.of(), 1, 1, true,
        OptionalLong.of(2_000_000_000L));

    List<String> pages = CloudflareInvoiceProvider.remainingPages(first).orElseThrow();

    assertThat(pages.size()).isEqualTo(1_999_999_999);
    assertThat(pages.get(0)).isEqualTo("2");
    assertThat(pages.get(1_999_999_998)).isEqualTo("2000000000");
  }

  @Test void streamDeliversEveryReadableItemThenNamesTheUnreadableOne() {
    String good = "\"amount_due\":1,\"amount_paid\":0,\"amount_remaining\":1,\"currency\":\"usd\"";
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[{\"id\":\"in_a\"," + good + "},"
        + "{\"id\":null," + good + "},{\"id\":\"in_bad\",\"amount_due\":1}],"
        + "\"pagination\":{\"has_more\":true,\"page\":1,\"per_page\":3}}}"));
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[{\"id\":\"in_d\"," + good + "}],"
        + "\"pagination\":{\"has_more\":false,\"page\":2,\"per_page\":3}}}"));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Invoice> stream = provider().stream(InvoiceQuery.builder().pageSize(3).build())) {
        stream.forEach(invoice -> seen.add(invoice.id()));
      }
    }).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
      assertThat(e.detail()).isEqualTo("result.invoices[2]: missing required field 'currency'");
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.getMessage()).startsWith("cloudflare: ");
    });
    assertThat(seen).hasSize(3).startsWith("in_a").endsWith("in_d");
    assertThat(seen.get(1)).startsWith("derived-");
  }

  /** A history answer of page {@code page} (three a page) holding {@code invoices}, with ray {@code ray}. */
  private static MockResponse history(String ray, int page, boolean hasMore, String... invoices) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("CF-Ray", ray).body("{\"success\":true,\"result\":{\"invoices\":["
            + String.join(",", invoices) + "],\"pagination\":{\"has_more\":" + hasMore + ",\"page\":"
            + page + ",\"per_page\":3}}}").build();
  }

  private static String readable(String id) {
    return "{\"id\":\"" + id + "\",\"amount_due\":1,\"amount_paid\":0,\"amount_remaining\":1,"
        + "\"currency\":\"usd\"}";
  }

  private static String withoutCurrency(String id) {
    return "{\"id\":\"" + id + "\",\"amount_due\":1}";
  }

  @Test void streamDeliversEveryReadableItemOfEveryPageThenNamesTheUnreadableOneWithItsRay() {
    server.enqueue(history("ray-1", 1, true, readable("in_1"), withoutCurrency("in_bad"), readable("in_2")));
    server.enqueue(history("ray-2", 2, false, readable("in_3"), readable("in_4")));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Invoice> stream = provider().stream(InvoiceQuery.builder().pageSize(3).build())) {
        stream.forEach(invoice -> seen.add(invoice.id()));
      }
    }).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
      assertThat(e.detail()).isEqualTo("result.invoices[1]: missing required field 'currency'");
      assertThat(e.httpStatus()).isEqualTo(200);
      assertThat(e.requestId()).isEqualTo("ray-1");
    });
    assertThat(seen).containsExactly("in_1", "in_2", "in_3", "in_4");
  }

  @Test void streamCountsTheUnreadableItemsOfEveryPageInOneFailure() {
    server.enqueue(history("ray-1", 1, true, readable("in_1"), withoutCurrency("in_bad"), readable("in_2")));
    server.enqueue(history("ray-2", 2, false, withoutCurrency("in_worse"), readable("in_4")));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Invoice> stream = provider().stream(InvoiceQuery.builder().pageSize(3).build())) {
        stream.forEach(invoice -> seen.add(invoice.id()));
      }
    }).isInstanceOfSatisfying(MalformedResponseException.class, e -> {
      assertThat(e.detail()).isEqualTo("items could not be read (2 failures): "
          + "result.invoices[1]: missing required field 'currency'; "
          + "result.invoices[0]: missing required field 'currency'");
      assertThat(e.requestId()).isEqualTo("ray-1");
      assertThat(((MalformedResponseException) e.getSuppressed()[0]).requestId()).isEqualTo("ray-2");
    });
    assertThat(seen).containsExactly("in_1", "in_2", "in_4");
  }

  @Test void streamAppliesFiltersAcrossPages() {
    serveHistory(10);

    List<Invoice> invoices = provider().stream(InvoiceQuery.builder().pageSize(3)
        .periodFrom(Instant.ofEpochSecond(1788220800L - 5 * 86400L))
        .periodTo(Instant.ofEpochSecond(1788220800L - 86400L)).build()).toList();

    assertThat(invoices).extracting(Invoice::id).containsExactly("in_002", "in_003", "in_004", "in_005");
  }

  @Test void streamIsLazy() {
    serveHistory(10);

    Stream<Invoice> stream = provider().stream(InvoiceQuery.all());

    assertThat(server.getRequestCount()).isZero();
    stream.close();
  }

  @Test void streamFollowsHasMoreWhenTheTotalIsMissing() {
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[{\"id\":\"in_a\",\"amount_due\":1,"
        + "\"amount_paid\":0,\"amount_remaining\":1,\"currency\":\"usd\"}],"
        + "\"pagination\":{\"has_more\":true,\"page\":1,\"per_page\":1}}}"));
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[{\"id\":\"in_b\",\"amount_due\":2,"
        + "\"amount_paid\":0,\"amount_remaining\":2,\"currency\":\"usd\"}],"
        + "\"pagination\":{\"has_more\":true,\"page\":2,\"per_page\":1}}}"));
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[],"
        + "\"pagination\":{\"has_more\":false,\"page\":3,\"per_page\":1}}}"));

    assertThat(provider().stream(InvoiceQuery.builder().pageSize(1).build()).map(Invoice::id).toList())
        .containsExactly("in_a", "in_b");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test void streamFailsOnAnEmptyPageClaimingMoreInsteadOfEndingQuietly() {
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[{\"id\":\"in_a\",\"amount_due\":1,"
        + "\"amount_paid\":0,\"amount_remaining\":1,\"currency\":\"usd\"}],"
        + "\"pagination\":{\"has_more\":true,\"page\":1,\"per_page\":1}}}"));
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[],"
        + "\"pagination\":{\"has_more\":true,\"page\":2,\"per_page\":1}}}"));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Invoice> stream = provider().stream(InvoiceQuery.builder().pageSize(1).build())) {
        stream.forEach(invoice -> seen.add(invoice.id()));
      }
    }).isInstanceOf(MalformedResponseException.class).hasMessageContaining("empty page claims more");
    assertThat(seen).containsExactly("in_a");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void streamReportsAFailedPageAfterTheEarlierOnes() {
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        int page = Integer.parseInt(request.getUrl().queryParameter("page"));
        return page == 2 ? json(400, fixture("error-400.json")) : json(200, historyPage(page, 2, 6));
      }
    });
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> {
      try (Stream<Invoice> stream = provider().stream(InvoiceQuery.builder().pageSize(2).build())) {
        stream.forEach(invoice -> seen.add(invoice.id()));
      }
    }).isInstanceOf(InvalidRequestException.class);
    assertThat(seen).containsExactly("in_000", "in_001");
  }

  @Test void getScansTheHistoryForTheId() {
    serveHistory(9);

    Optional<Invoice> invoice = provider().get("in_005");

    assertThat(invoice).hasValueSatisfying(found -> {
      assertThat(found.id()).isEqualTo("in_005");
      assertThat(found.total()).isEqualTo(Money.of("1.05", "USD"));
      assertThat(found.status()).isEqualTo(InvoiceStatus.OPEN);
    });
  }

  @Test void getStopsScanningAtTheFirstMatch() {
    Map<Integer, Integer> requests = serveHistory(100);

    Optional<Invoice> invoice = provider(config().set("page-size", "2").set("max-concurrency", "1")).get("in_003");

    assertThat(invoice).map(Invoice::id).contains("in_003");
    assertThat(requests.keySet()).contains(1, 2).hasSizeLessThanOrEqualTo(4); // 50 pages exist
  }

  @Test void getFetchesNoPageBeyondTheOneHoldingTheId() {
    Map<Integer, Integer> requests = serveHistory(100);
    InvoiceProvider provider = provider(config().set("page-size", "2")); // max-concurrency 4

    assertThat(provider.get("in_000")).map(Invoice::id).contains("in_000");
    assertThat(requests).containsExactly(Map.entry(1, 1));
    assertThat(provider.get("in_003")).map(Invoice::id).contains("in_003");
    assertThat(requests).containsOnly(Map.entry(1, 2), Map.entry(2, 1));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test void getOfAnUnknownIdIsEmptyAndNeverPutsTheIdInAUrl() throws InterruptedException {
    serveHistory(5);
    String hostile = "../x?y#z %/ü";

    assertThat(provider().get(hostile)).isEmpty();

    int count = server.getRequestCount();
    assertThat(count).isPositive();
    for (int i = 0; i < count; i++) {
      String target = takeRequest().getTarget();
      assertThat(target).startsWith(HISTORY + "?page=").doesNotContain("x?y").doesNotContain("%C3%BC");
    }
  }

  @Test void getRejectsNullAndBlankIds() {
    InvoiceProvider provider = provider();

    assertThatThrownBy(() -> provider.get(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("invoiceId == null");
    assertThatThrownBy(() -> provider.get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void accountIdIsPathEncoded() throws InterruptedException {
    server.enqueue(json(200, fixture("history-page1.json")));

    provider(config().set("account-id", "a/b?c#d %e")).list(InvoiceQuery.all());

    assertThat(takeRequest().getTarget()).isEqualTo(
        "/client/v4/accounts/a%2Fb%3Fc%23d%20%25e/ai-gateway/billing/invoice-history?page=1&per_page=50");
  }

  @Test void previewGetsTheUpcomingInvoice() throws InterruptedException {
    server.enqueue(json(200, fixture("preview.json")));

    Invoice preview = provider().preview(PreviewRequest.upcoming());

    assertThat(preview.id()).isEqualTo("upcoming_in_1PqR8sLkdIwHu7ix");
    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.lines()).hasSize(4);
    assertThat(preview.amountDue()).isEqualTo(Money.of("188.46", "USD"));
    RecordedRequest request = takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(PREVIEW);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test void previewRejectsACustomerBeforeAnyRequest() {
    assertThatThrownBy(() -> provider().preview(PreviewRequest.builder().customerId("cus_1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("customerId is not supported by cloudflare: ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void previewRejectsSubscriptionAndPeriodBeforeAnyRequest() {
    InvoiceProvider provider = provider();
    Instant start = Instant.parse("2026-08-01T00:00:00Z");

    assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().subscriptionId("sub_1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriptionId");
    assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().periodStart(start).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodStart");
    assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().periodEnd(start).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodEnd");
    assertThatThrownBy(() -> provider.preview(null)).isInstanceOf(NullPointerException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void unauthorizedIsAuthenticationExceptionWithVendorCode() {
    server.enqueue(json(401, fixture("error-401.json")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.vendorCode()).isEqualTo("10000");
          assertThat(e.detail()).isEqualTo("Authentication error");
          assertThat(e.requestId()).isEqualTo("8d2f1a2b3c4d5e6f-SJC");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test void forbiddenIsAuthenticationException() {
    server.enqueue(json(403, fixture("error-403.json")));

    assertThatThrownBy(() -> provider().preview(PreviewRequest.upcoming()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(403);
          assertThat(e.vendorCode()).isEqualTo("10001");
          assertThat(e.detail()).isEqualTo("Unauthorized to access requested resource");
        });
  }

  @Test void badRequestIsInvalidRequestException() {
    server.enqueue(json(400, fixture("error-400.json")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.vendorCode()).isEqualTo("10400");
          assertThat(e.detail()).isEqualTo("type must be one of auto, manual, all");
        });
  }

  @Test void notFoundIsNotFoundException() {
    server.enqueue(json(404, fixture("error-404.json")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.vendorCode()).isEqualTo("10404");
          assertThat(e.detail()).isEqualTo("account not found");
        });
  }

  @Test void notFoundDuringGetScanIsAnErrorNotEmpty() {
    server.enqueue(json(404, fixture("error-404.json")));

    assertThatThrownBy(() -> provider().get("in_1")).isInstanceOf(NotFoundException.class);
  }

  @Test void rateLimitCarriesRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
        .addHeader("Content-Type", "application/json").body(fixture("error-429.json")).build());

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
          assertThat(e.vendorCode()).isEqualTo("971");
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test void rateLimitIsRetriedAfterRetryAfter() throws InterruptedException {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
        .addHeader("Content-Type", "application/json").body(fixture("error-429.json")).build());
    server.enqueue(json(200, fixture("history-page1.json")));

    Page<Invoice> page = provider(config().set("max-retries", "1")).list(InvoiceQuery.all());

    assertThat(page.items()).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void successFalseOnHttp200IsMalformed() {
    server.enqueue(json(200, fixture("success-false.json")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.vendorCode()).isEqualTo("7003");
          assertThat(e.detail()).contains("No route for that URI");
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test void htmlBadGatewayIsRetryableProviderException() {
    server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
        .body(fixture("error-502.html")).build());

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e).isNotInstanceOf(MalformedResponseException.class);
          assertThat(e.httpStatus()).isEqualTo(502);
          assertThat(e.vendorCode()).isNull();
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test void truncatedJsonIsMalformed() {
    server.enqueue(json(200, "{\"success\":true,\"result\":{\"invoices\":[{\"id\":"));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all())).isInstanceOf(MalformedResponseException.class);
  }

  @Test void closeIsIdempotentAndLaterCallsThrow() {
    InvoiceProvider provider = provider();

    provider.close();
    provider.close();

    assertThatThrownBy(() -> provider.list(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> provider.stream(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> provider.get("in_1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> provider.preview(PreviewRequest.upcoming())).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void toStringShowsTheBaseUrlAndNoCredential() {
    InvoiceProvider token = provider();
    InvoiceProvider emailKey = provider(config().set("api-email", EMAIL).set("api-key", KEY));

    assertThat(token.toString())
        .isEqualTo("CloudflareInvoiceProvider{baseUrl=" + server.url("/client/v4/") + "}");
    assertThat(token.id()).isEqualTo("cloudflare");
    for (String text : List.of(token.toString(), emailKey.toString())) {
      assertThat(text).doesNotContain(TOKEN).doesNotContain(EMAIL).doesNotContain(KEY);
    }
  }

  @Test void noExceptionMessageCarriesACredential() {
    server.enqueue(json(401, "{\"success\":false,\"errors\":[],\"result\":null}"));
    server.enqueue(json(200, "not json"));

    InvoiceProvider provider = provider(config().set("api-email", EMAIL).set("api-key", KEY));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> provider.list(InvoiceQuery.all()))
          .isInstanceOfSatisfying(InvoiceException.class, e -> assertThat(e.getMessage())
              .doesNotContain(EMAIL).doesNotContain(KEY).doesNotContain(TOKEN));
    }
  }
}
