package dev.invoicekit.fastly;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
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
import dev.invoicekit.spi.ProviderConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class FastlyInvoiceProviderTest {
  private static final String TOKEN = "fastly-secret-7c1e9d";

  @StartStop public final MockWebServer server = new MockWebServer();

  private InvoiceProvider provider;

  @AfterEach void closeProvider() {
    if (provider != null) provider.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder("fastly")
        .baseUrl(server.url("/").toString())
        .set("api-token", TOKEN)
        .set("max-retries", "0")
        .environment(name -> null);
  }

  private InvoiceProvider provider() {
    return provider(config());
  }

  private InvoiceProvider provider(ProviderConfig.Builder config) {
    provider = InvoiceProviders.create("fastly", config.build());
    return provider;
  }

  private void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json").body(body).build());
  }

  private static String invoiceJson(String id, String customer, String start, String end) {
    return "{\"invoice_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\","
        + "\"billing_start_date\":\"" + start + "T00:00:00Z\",\"billing_end_date\":\"" + end
        + "T00:00:00Z\",\"currency_code\":\"USD\",\"monthly_transaction_amount\":10.5,"
        + "\"payment_status\":\"paid\"}";
  }

  private static String page(String nextCursor, String... invoices) {
    return "{\"data\":[" + String.join(",", invoices) + "],\"meta\":{\"next_cursor\":"
        + (nextCursor == null ? "null" : "\"" + nextCursor + "\"") + ",\"total\":99}}";
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(1, SECONDS);
    assertThat(request).as("recorded request").isNotNull();
    return request;
  }

  @Test void listSendsTokenAndDefaultLimitAndMapsPage() throws Exception {
    enqueue(200, Fixtures.read("invoices-page.json"));

    Page<Invoice> page = provider().list(InvoiceQuery.all());

    assertThat(page.items()).extracting(Invoice::id).containsExactly("INV-375119", "29239985");
    assertThat(page.items().get(0).total()).isEqualTo(Money.of("6604.19", "USD"));
    assertThat(page.nextPageToken()).contains("eyJvZmZzZXQiOjJ9+/a=");
    assertThat(page.totalCount()).isEqualTo(OptionalLong.of(31));
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/billing/v3/invoices?limit=200");
    assertThat(request.getHeaders().get("Fastly-Key")).isEqualTo(TOKEN);
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test void listPercentEncodesCursor() throws Exception {
    enqueue(200, Fixtures.read("invoices-last-page.json"));

    Page<Invoice> page = provider().list(InvoiceQuery.builder().pageToken("ab+c/d==").build());

    assertThat(page.nextPageToken()).isEmpty();
    assertThat(take().getTarget())
        .isEqualTo("/billing/v3/invoices?limit=200&cursor=ab%2Bc%2Fd%3D%3D");
  }

  @Test void listKeepsBaseUrlPath() throws Exception {
    enqueue(200, Fixtures.read("invoices-last-page.json"));

    provider(config().baseUrl(server.url("/proxy/fastly").toString())).list(InvoiceQuery.all());

    assertThat(take().getTarget()).isEqualTo("/proxy/fastly/billing/v3/invoices?limit=200");
  }

  @Test void listClampsQueryPageSizeToVendorMaximum() throws Exception {
    enqueue(200, Fixtures.read("invoices-last-page.json"));
    enqueue(200, Fixtures.read("invoices-last-page.json"));

    provider().list(InvoiceQuery.builder().pageSize(500).build());
    provider.list(InvoiceQuery.builder().pageSize(7).build());

    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=200");
    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=7");
  }

  @Test void listUsesConfiguredPageSize() throws Exception {
    enqueue(200, Fixtures.read("invoices-last-page.json"));

    provider(config().set("page-size", "50")).list(InvoiceQuery.all());

    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=50");
  }

  @Test void listWidensPeriodServerSideAndFiltersExactly() throws Exception {
    enqueue(200, page("next+/=",
        invoiceJson("INV-3", "c1", "2026-08-01", "2026-08-31"),
        invoiceJson("INV-2", "c1", "2026-07-01", "2026-07-31"),
        invoiceJson("INV-1", "c1", "2026-06-01", "2026-06-30")));

    Page<Invoice> page = provider().list(InvoiceQuery.builder()
        .periodFrom(Instant.parse("2026-07-01T00:00:00Z"))
        .periodTo(Instant.parse("2026-08-01T00:00:00Z"))
        .build());

    assertThat(page.items()).extracting(Invoice::id).containsExactly("INV-2");
    assertThat(page.nextPageToken()).contains("next+/=");
    assertThat(page.totalCount()).isEmpty();
    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=200"
        + "&billing_start_date=2026-06-30&billing_end_date=2026-09-02");
  }

  @Test void listFiltersCustomerClientSide() throws Exception {
    enqueue(200, page(null,
        invoiceJson("INV-2", "c1", "2026-07-01", "2026-07-31"),
        invoiceJson("INV-1", "c2", "2026-07-01", "2026-07-31")));

    Page<Invoice> page = provider().list(InvoiceQuery.builder().customerId("c2").build());

    assertThat(page.items()).extracting(Invoice::id).containsExactly("INV-1");
    assertThat(page.totalCount()).isEmpty();
    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=200");
  }

  @Test void listRejectsVendorParametersBeforeAnyRequest() {
    InvoiceProvider fastly = provider();

    assertThatThrownBy(() -> fastly.list(InvoiceQuery.builder().vendorParameter("type", "auto").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'type'");
    assertThatThrownBy(() -> fastly.stream(InvoiceQuery.builder().vendorParameter("sort", "x").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'sort'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void streamFollowsCursorUntilItIsEmpty() throws Exception {
    enqueue(200, page("c+1/=", invoiceJson("INV-4", "c", "2026-09-01", "2026-09-30"),
        invoiceJson("INV-3", "c", "2026-08-01", "2026-08-31")));
    enqueue(200, page("c+2/=", invoiceJson("INV-2", "c", "2026-07-01", "2026-07-31")));
    enqueue(200, page("", invoiceJson("INV-1", "c", "2026-06-01", "2026-06-30")));

    List<String> ids;
    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.builder().pageSize(2).build())) {
      ids = stream.map(Invoice::id).collect(Collectors.toList());
    }

    assertThat(ids).containsExactly("INV-4", "INV-3", "INV-2", "INV-1");
    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=2");
    assertThat(take().getTarget()).isEqualTo("/billing/v3/invoices?limit=2&cursor=c%2B1%2F%3D");
    RecordedRequest last = take();
    assertThat(last.getTarget()).isEqualTo("/billing/v3/invoices?limit=2&cursor=c%2B2%2F%3D");
    assertThat(last.getHeaders().get("Fastly-Key")).isEqualTo(TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test void streamIsLazy() {
    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.all())) {
      assertThat(stream).isNotNull();
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void streamFailsOnEmptyDataWithACursorAfterTheEarlierPages() {
    enqueue(200, page("more", invoiceJson("INV-1", "c", "2026-06-01", "2026-06-30")));
    enqueue(200, page("still-more"));
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("empty page claims more");
    }
    assertThat(seen).containsExactly("INV-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void streamEndsOnEmptyDataWithoutACursor() {
    enqueue(200, page("more", invoiceJson("INV-1", "c", "2026-06-01", "2026-06-30")));
    enqueue(200, page(""));

    assertThat(provider().stream(InvoiceQuery.all()).map(Invoice::id)).containsExactly("INV-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void streamStopsOnRepeatedCursor() {
    enqueue(200, page("same", invoiceJson("INV-2", "c", "2026-07-01", "2026-07-31")));
    enqueue(200, page("same", invoiceJson("INV-1", "c", "2026-06-01", "2026-06-30")));
    enqueue(200, page("same", invoiceJson("INV-0", "c", "2026-05-01", "2026-05-31")));

    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.collect(Collectors.toList()))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("fastly");
    }
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(3);
  }

  @Test void streamFiltersClientSideWithoutMistakingFilteredPagesForEmptyOnes() throws Exception {
    enqueue(200, page("p2", invoiceJson("INV-4", "c1", "2026-09-01", "2026-09-30")));
    enqueue(200, page("p3", invoiceJson("INV-3", "c2", "2026-08-01", "2026-08-31"),
        invoiceJson("INV-2", "c1", "2026-07-01", "2026-07-31")));
    enqueue(200, page(null, invoiceJson("INV-1", "c2", "2026-06-01", "2026-06-30")));

    List<String> ids = provider().stream(InvoiceQuery.builder().customerId("c2").build())
        .map(Invoice::id).collect(Collectors.toList());

    assertThat(ids).containsExactly("INV-3", "INV-1");
  }

  @Test void getPathEncodesIdAsOneSegment() throws Exception {
    enqueue(404, "{\"title\":\"requested id:x doesn't exist\",\"status\":404}");

    Optional<Invoice> invoice = provider().get("../x?y#z %/ü");

    assertThat(invoice).isEmpty();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo("/billing/v3/invoices/..%2Fx%3Fy%23z%20%25%2F%C3%BC");
  }

  @Test void getRejectsDotSegmentsBeforeAnyRequest() {
    InvoiceProvider fastly = provider();

    for (String id : new String[] {".", ".."}) {
      assertThatThrownBy(() -> fastly.get(id)).as(id).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void getMapsInvoice() throws Exception {
    enqueue(200, Fixtures.read("invoice-pascal.json"));

    Invoice invoice = provider().get("INV-300007").orElseThrow();

    assertThat(invoice.id()).isEqualTo("INV-300007");
    assertThat(invoice.lines().get(0).productGroup()).isEqualTo("Full Site Delivery");
    RecordedRequest request = take();
    assertThat(request.getTarget()).isEqualTo("/billing/v3/invoices/INV-300007");
    assertThat(request.getHeaders().get("Fastly-Key")).isEqualTo(TOKEN);
  }

  @Test void getMaps404ToEmpty() {
    enqueue(404, "{\"title\":\"requested id:29239985 doesn't exist\",\"status\":404}");

    assertThat(provider().get("29239985")).isEmpty();
  }

  @Test void getRejectsNullBlankAndMonthToDateIds() {
    InvoiceProvider fastly = provider();

    assertThatThrownBy(() -> fastly.get(null))
        .isInstanceOf(NullPointerException.class).hasMessage("invoiceId == null");
    assertThatThrownBy(() -> fastly.get(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    assertThatThrownBy(() -> fastly.get("month-to-date"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preview");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void previewReadsMonthToDate() throws Exception {
    enqueue(200, Fixtures.read("month-to-date.json"));

    Invoice preview = provider().preview(PreviewRequest.upcoming());

    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.total()).isEqualTo(Money.of("2890.32", "USD"));
    assertThat(preview.periodEnd()).isEqualTo(Instant.parse("2026-08-04T07:30:00Z"));
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/billing/v3/invoices/month-to-date");
    assertThat(request.getHeaders().get("Fastly-Key")).isEqualTo(TOKEN);
  }

  @Test void previewRetries202UntilReady() throws Exception {
    server.enqueue(accepted());
    server.enqueue(accepted());
    enqueue(200, Fixtures.read("month-to-date.json"));

    Invoice preview = provider(config().set("max-retries", "2")).preview(PreviewRequest.upcoming());

    assertThat(preview.id()).isEqualTo("7ab9Xk2LqPzY0example-1785715200");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test void preview202ForeverIsRetryableProviderException() {
    for (int i = 0; i < 3; i++) server.enqueue(accepted());

    InvoiceProvider fastly = provider(config().set("max-retries", "2"));

    assertThatThrownBy(() -> fastly.preview(PreviewRequest.upcoming()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e).isNotInstanceOf(MalformedResponseException.class);
          assertThat(e.retryable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(202);
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  private static MockResponse accepted() {
    return new MockResponse.Builder().code(202).addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", "0")
        .body("{\"title\":\"Estimate is being generated\",\"status\":202}").build();
  }

  @Test void previewRejectsACustomerBeforeAnyRequest() {
    assertThatThrownBy(() -> provider().preview(PreviewRequest.builder().customerId("cus_1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("customerId is not supported by fastly: ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void previewRejectsSubscriptionAndPeriodBeforeAnyRequest() {
    InvoiceProvider fastly = provider();

    assertThatThrownBy(() -> fastly.preview(PreviewRequest.builder().subscriptionId("sub_1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subscriptionId");
    assertThatThrownBy(() -> fastly.preview(
        PreviewRequest.builder().periodStart(Instant.parse("2026-08-01T00:00:00Z")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodStart");
    assertThatThrownBy(() -> fastly.preview(
        PreviewRequest.builder().periodEnd(Instant.parse("2026-08-01T00:00:00Z")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodEnd");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void msgBodyOn401IsAuthenticationExceptionWithRequestId() {
    server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
        .addHeader("Fastly-Request-Id", "req-fastly-1")
        .body("{\"msg\":\"Provided credentials are missing or invalid\"}").build());

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.detail()).isEqualTo("Provided credentials are missing or invalid");
          assertThat(e.requestId()).isEqualTo("req-fastly-1");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test void plainText401IsAuthenticationExceptionWithText() {
    server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "text/plain")
        .addHeader("X-Request-Id", "req-x-2").body("Provided credentials are missing or invalid").build());

    assertThatThrownBy(() -> provider().get("INV-1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.detail()).isEqualTo("Provided credentials are missing or invalid");
          assertThat(e.requestId()).isEqualTo("req-x-2");
        });
  }

  @Test void titleBodyWithStringStatusOn400IsInvalidRequest() {
    enqueue(400, "{\"title\":\"Bad Request\",\"detail\":\"limit must be at most 500\","
        + "\"code\":\"invalid_limit\",\"status\":\"400\"}");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.detail()).isEqualTo("Bad Request: limit must be at most 500");
          assertThat(e.vendorCode()).isEqualTo("invalid_limit");
        });
  }

  @Test void monthToDate422IsInvalidRequest() {
    enqueue(422, "{\"type\":\"unprocessable\",\"title\":\"Estimate unavailable\",\"status\":422}");

    assertThatThrownBy(() -> provider().preview(PreviewRequest.upcoming()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(422);
          assertThat(e.detail()).isEqualTo("Estimate unavailable");
          assertThat(e.vendorCode()).isEqualTo("unprocessable");
        });
  }

  @Test void listing404IsNotFound() {
    enqueue(404, "{\"title\":\"Not Found\",\"status\":404}");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.detail()).isEqualTo("Not Found"));
  }

  @Test void htmlServerErrorIsRetryableProviderException() {
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html")
        .body("<html><head><title>Backend unavailable</title></head></html>").build());

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.retryable()).isTrue();
          assertThat(e.detail()).contains("Backend unavailable");
        });
  }

  @Test void serverErrorIsRetriedWithinBudget() {
    server.enqueue(new MockResponse.Builder().code(500).addHeader("Retry-After", "0")
        .body("{\"title\":\"Internal Server Error\",\"status\":500}").build());
    enqueue(200, Fixtures.read("invoices-last-page.json"));

    Page<Invoice> page = provider(config().set("max-retries", "1")).list(InvoiceQuery.all());

    assertThat(page.items()).extracting(Invoice::id).containsExactly("INV-100001");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void unparseableBodyIsMalformed() {
    enqueue(200, "{\"data\":[{\"invoice_id\":");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test void missingRequiredFieldIsMalformed() {
    enqueue(200, "{\"data\":[{\"invoice_id\":\"INV-1\",\"currency_code\":\"USD\"}],\"meta\":{}}");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("monthly_transaction_amount");
  }

  /** An invoice without {@code monthly_transaction_amount}, which the model requires. */
  private static String withoutAmount(String id) {
    return invoiceJson(id, "c", "2026-07-01", "2026-07-31").replace(",\"monthly_transaction_amount\":10.5", "");
  }

  @Test void listOfAPageWithAnUnreadableItemThrowsNamingTheItemAndField() {
    enqueue(200, page("next", invoiceJson("INV-3", "c", "2026-09-01", "2026-09-30"), withoutAmount("INV-2"),
        invoiceJson("INV-1", "c", "2026-07-01", "2026-07-31")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).isEqualTo("data[1]: missing required field 'monthly_transaction_amount'");
          assertThat(e.httpStatus()).isEqualTo(200);
        });
  }

  @Test void listCountsEveryUnreadableItemOfThePage() {
    enqueue(200, page(null, withoutAmount("INV-4"), invoiceJson("INV-3", "c", "2026-09-01", "2026-09-30"),
        invoiceJson("INV-2", "c", "2026-07-01", "2026-07-31").replace("\"billing_start_date\":\"2026-07-01T00:00:00Z\"",
            "\"billing_start_date\":\"July\""),
        invoiceJson("INV-1", "c", "2026-07-01", "2026-07-31")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("a page of /billing/v3/invoices: items could not be read (2 failures): "
                + "data[0]: missing required field 'monthly_transaction_amount'; "
                + "data[2]: billing_start_date: not a date or time: 'July'"));
  }

  private void enqueue(String requestId, String body) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Fastly-Request-Id", requestId).body(body).build());
  }

  private static String invoice(String id) {
    return invoiceJson(id, "c", "2026-09-01", "2026-09-30");
  }

  @Test void streamDeliversEveryReadableItemOfEveryPageThenNamesTheUnreadableOne() {
    enqueue("req-1", page("c2", invoice("INV-5"), withoutAmount("INV-bad"), invoice("INV-4")));
    enqueue("req-2", page(null, invoice("INV-3"), invoice("INV-2")));
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).isEqualTo("data[1]: missing required field 'monthly_transaction_amount'");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo("req-1");
            assertThat(e.getMessage()).startsWith("fastly: ");
          });
    }
    // Never a silent drop, and the pages after it still come.
    assertThat(seen).containsExactly("INV-5", "INV-4", "INV-3", "INV-2");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void streamCountsTheUnreadableItemsOfEveryPageInOneFailure() {
    enqueue("req-1", page("c2", invoice("INV-5"), withoutAmount("INV-bad"), invoice("INV-4")));
    enqueue("req-2", page(null, withoutAmount("INV-worse"), invoice("INV-2")));
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).isEqualTo("items could not be read (2 failures): "
                + "data[1]: missing required field 'monthly_transaction_amount'; "
                + "data[0]: missing required field 'monthly_transaction_amount'");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo("req-1");
            assertThat(((MalformedResponseException) e.getSuppressed()[0]).requestId()).isEqualTo("req-2");
          });
    }
    assertThat(seen).containsExactly("INV-5", "INV-4", "INV-2");
  }

  @Test void aPageOfOnlyUnreadableItemsClaimingMoreEndsTheStreamKeepingTheirFailures() {
    enqueue("req-1", page("c2", invoice("INV-5"), withoutAmount("INV-bad")));
    enqueue("req-2", page("c3", withoutAmount("INV-worse")));
    List<String> seen = new ArrayList<>();

    try (Stream<Invoice> stream = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> stream.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).startsWith("empty page claims more");
            assertThat(e.getSuppressed()).extracting(t -> ((MalformedResponseException) t).requestId())
                .containsExactly("req-1", "req-2");
          });
    }
    assertThat(seen).containsExactly("INV-5");
  }

  @Test void listOfAPageWithAnUnreadableItemStillThrowsForThePage() {
    enqueue("req-1", page("c2", invoice("INV-5"), withoutAmount("INV-bad"), invoice("INV-4")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).isEqualTo("data[1]: missing required field 'monthly_transaction_amount'");
          assertThat(e.requestId()).isEqualTo("req-1");
        });
  }

  @Test void fractionalOrHugeTotalNamesTheField() {
    enqueue(200, "{\"data\":[],\"meta\":{\"total\":2.5}}");
    enqueue(200, "{\"data\":[],\"meta\":{\"total\":99999999999999999999}}");
    InvoiceProvider fastly = provider();

    assertThatThrownBy(() -> fastly.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.detail()).isEqualTo("meta.total: 2.5 is not a whole number"));
    assertThatThrownBy(() -> fastly.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.detail()).isEqualTo("meta.total: 99999999999999999999 is out of range"));
  }

  @Test void controlCharactersOfAVendorValueAreEscapedInTheMessage() {
    enqueue(200, page(null, invoiceJson("INV-1", "c", "2026-07-01", "2026-07-31")
        .replace("\"USD\"", "\"\\u001b[31mUSD\"")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).isEqualTo("data[0]: currency_code: unknown currency code '\\u001b[31mUSD'");
          assertThat(e.getMessage()).doesNotContain("\u001b");
        });
  }

  @Test void closeIsIdempotentAndLaterCallsThrow() {
    InvoiceProvider fastly = provider();

    fastly.close();
    fastly.close();

    assertThatThrownBy(() -> fastly.list(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fastly.stream(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fastly.get("INV-1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> fastly.preview(PreviewRequest.upcoming()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void toStringShowsBaseUrlButNoToken() {
    InvoiceProvider fastly = provider();

    assertThat(fastly.id()).isEqualTo("fastly");
    assertThat(fastly.toString()).isEqualTo("FastlyInvoiceProvider{baseUrl=" + server.url("/") + "}");
    assertThat(fastly.toString()).doesNotContain(TOKEN);
  }
}
