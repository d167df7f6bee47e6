package dev.invoicekit.stripe;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.spi.ProviderConfig;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What is Stripe's own, on MockWebServer through the public API. */
@Timeout(30)
final class StripeInvoiceProviderTest {
  private static final String KEY = "sk_test_51ProviderTestKeyQ8vLmN4pX";

  @StartStop public final MockWebServer server = new MockWebServer();
  private InvoiceProvider provider;

  @AfterEach void closeProvider() {
    if (provider != null) provider.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder("stripe")
        .environment(name -> null)
        .baseUrl(server.url("/").toString())
        .set("api-key", KEY)
        .set("max-retries", "2")
        .set("retry-base-delay", "1ms");
  }

  private InvoiceProvider provider(ProviderConfig.Builder config) {
    provider = InvoiceProviders.create("stripe", config.build());
    return provider;
  }

  private InvoiceProvider provider() {
    return provider(config());
  }

  private void answer(int code, String body, String... headers) {
    MockResponse.Builder response = new MockResponse.Builder().code(code)
        .setHeader("Content-Type", "application/json").setHeader("Request-Id", "req_" + code).body(body);
    for (int i = 0; i < headers.length; i += 2) response.setHeader(headers[i], headers[i + 1]);
    server.enqueue(response.build());
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request).as("a request").isNotNull();
    return request;
  }

  /** A minimal invoice in {@code currency} whose total is {@code total} minor units. */
  static String invoice(String id, String currency, long total, long created, String lines) {
    return "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"customer\":\"cus_1\",\"status\":\"open\","
        + "\"currency\":\"" + currency + "\",\"created\":" + created + ",\"period_start\":" + created
        + ",\"period_end\":" + created + ",\"total\":" + total + ",\"amount_due\":" + total
        + (lines == null ? "" : ",\"lines\":" + lines) + "}";
  }

  static String list(boolean hasMore, String... items) {
    return "{\"object\":\"list\",\"url\":\"/v1/invoices\",\"has_more\":" + hasMore + ",\"data\":["
        + String.join(",", items) + "]}";
  }

  static String line(String id, long amount) {
    return "{\"id\":\"" + id + "\",\"object\":\"line_item\",\"amount\":" + amount
        + ",\"currency\":\"usd\",\"description\":\"line " + id + "\",\"quantity\":1}";
  }

  // Paging and filters.

  @Test void streamFollowsStartingAfterTheLastIdUntilHasMoreIsFalse() throws Exception {
    answer(200, list(true, invoice("in_3", "usd", 300, 1785000300, null), invoice("in_2", "usd", 200, 1785000200, null)));
    answer(200, list(false, invoice("in_1", "usd", 100, 1785000100, null)));

    try (Stream<Invoice> invoices = provider().stream(InvoiceQuery.all())) {
      assertThat(invoices.map(Invoice::id).collect(Collectors.toList())).containsExactly("in_3", "in_2", "in_1");
    }
    RecordedRequest first = taken();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/invoices");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(first.getUrl().queryParameter("starting_after")).isNull();
    assertThat(taken().getUrl().queryParameter("starting_after")).isEqualTo("in_2");
  }

  @Test void listPageTokenIsTheLastIdAndThereIsNoTotal() throws Exception {
    answer(200, list(true, invoice("in_9", "usd", 1, 1785000000, null)));
    answer(200, list(false));

    Page<Invoice> page = provider().list(InvoiceQuery.builder().pageSize(1).build());
    assertThat(page.nextPageToken()).contains("in_9");
    assertThat(page.totalCount()).isEmpty();
    Page<Invoice> last = provider.list(InvoiceQuery.builder().pageSize(500).pageToken("in_9").build());
    assertThat(last.items()).isEmpty();
    assertThat(last.nextPageToken()).isEmpty();
    assertThat(taken().getUrl().queryParameter("limit")).isEqualTo("1");
    RecordedRequest second = taken();
    assertThat(second.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(second.getUrl().queryParameter("starting_after")).isEqualTo("in_9");
  }

  @Test void customerPeriodStartAndVendorParametersGoToStripeAndThePeriodEndIsAppliedHere() throws Exception {
    Instant from = Instant.parse("2026-07-01T00:00:00Z");
    Instant to = Instant.parse("2026-08-01T00:00:00Z");
    answer(200, list(false,
        invoice("in_aug", "usd", 1, to.getEpochSecond(), null),
        invoice("in_jul", "usd", 1, from.getEpochSecond() + 3600, null)));

    Page<Invoice> page = provider().list(InvoiceQuery.builder().periodFrom(from).periodTo(to)
        .customerId("cus_1").vendorParameter("status", "open").vendorParameter("subscription", "sub_1")
        .vendorParameter("collection_method", "send_invoice").build());

    assertThat(page.items()).extracting(Invoice::id).containsExactly("in_jul");
    RecordedRequest request = taken();
    assertThat(request.getUrl().queryParameter("customer")).isEqualTo("cus_1");
    assertThat(request.getUrl().queryParameter("created[gte]")).isEqualTo(Long.toString(from.getEpochSecond()));
    assertThat(request.getUrl().queryParameter("created[lt]")).isNull();
    assertThat(request.getUrl().queryParameter("status")).isEqualTo("open");
    assertThat(request.getUrl().queryParameter("subscription")).isEqualTo("sub_1");
    assertThat(request.getUrl().queryParameter("collection_method")).isEqualTo("send_invoice");
  }

  @Test void aPeriodStartWithinASecondRoundsTheCreatedBoundUp() throws Exception {
    answer(200, list(false));
    provider().list(InvoiceQuery.builder().periodFrom(Instant.ofEpochSecond(1785000000, 1)).build());
    assertThat(taken().getUrl().queryParameter("created[gte]")).isEqualTo("1785000001");
  }

  @Test void anUnknownVendorParameterFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> provider().list(InvoiceQuery.builder().vendorParameter("due_date", "1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stripe does not support the vendor parameter 'due_date'; supported: "
            + "'collection_method', 'status', 'subscription'");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void aPageHoldingTheInvoiceItStartsAfterIsMalformedBeforeItIsDelivered() {
    answer(200, list(true, invoice("in_2", "usd", 1, 1785000000, null)));
    answer(200, list(true, invoice("in_2", "usd", 1, 1785000000, null)));

    try (Stream<Invoice> invoices = provider().stream(InvoiceQuery.all())) {
      List<String> seen = new java.util.ArrayList<>();
      assertThatThrownBy(() -> invoices.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("the page after 'in_2' of /v1/invoices holds 'in_2' again");
      assertThat(seen).containsExactly("in_2");
    }
  }

  @Test void hasMoreWithNoInvoiceIsMalformed() {
    answer(200, list(true));
    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more");
  }

  /** An invoice without {@code currency}, which the model requires. */
  static String withoutCurrency(String id) {
    return invoice(id, "usd", 1, 1785000000, null).replace("\"currency\":\"usd\",", "");
  }

  @Test void listOfAPageWithAnUnreadableItemThrowsNamingTheItemAndField() {
    answer(200, list(true, invoice("in_3", "usd", 1, 1785000300, null), withoutCurrency("in_2"),
        invoice("in_1", "usd", 1, 1785000100, null)));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).isEqualTo("data[1]: missing required field 'currency'");
          assertThat(e.requestId()).isEqualTo("req_200");
        });
  }

  @Test void listCountsEveryUnreadableItemOfThePage() {
    answer(200, list(false, withoutCurrency("in_4"), invoice("in_3", "usd", 1, 1785000300, null),
        invoice("in_2", "usd", 1, 1785000200, null).replace("\"created\":1785000200", "\"created\":1785000200.5"),
        invoice("in_1", "usd", 1, 1785000100, null)));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("/v1/invoices after the start: items could not be read (2 failures): "
                + "data[0]: missing required field 'currency'; "
                + "data[2]: created: not a whole number of epoch seconds: 1785000200.5"));
  }

  private static String invoice(String id, long created) {
    return invoice(id, "usd", 1, created, null);
  }

  @Test void streamDeliversEveryReadableItemOfEveryPageThenNamesTheUnreadableOne() throws Exception {
    answer(200, list(true, invoice("in_5", 1785000500), withoutCurrency("in_bad"), invoice("in_4", 1785000400)),
        "Request-Id", "req_page1");
    answer(200, list(false, invoice("in_3", 1785000300), invoice("in_2", 1785000200)),
        "Request-Id", "req_page2");
    List<String> seen = new java.util.ArrayList<>();

    try (Stream<Invoice> invoices = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> invoices.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).isEqualTo("data[1]: missing required field 'currency'");
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.requestId()).isEqualTo("req_page1");
            assertThat(e.getMessage()).startsWith("stripe: ");
          });
    }
    // Never a silent drop, and the pages after it still come, after the last item on the wire.
    assertThat(seen).containsExactly("in_5", "in_4", "in_3", "in_2");
    assertThat(taken().getUrl().queryParameter("starting_after")).isNull();
    assertThat(taken().getUrl().queryParameter("starting_after")).isEqualTo("in_4");
  }

  @Test void streamCountsTheUnreadableItemsOfEveryPageInOneFailure() {
    answer(200, list(true, invoice("in_5", 1785000500), withoutCurrency("in_bad"), invoice("in_4", 1785000400)),
        "Request-Id", "req_page1");
    answer(200, list(false, withoutCurrency("in_worse"), invoice("in_2", 1785000200)),
        "Request-Id", "req_page2");
    List<String> seen = new java.util.ArrayList<>();

    try (Stream<Invoice> invoices = provider().stream(InvoiceQuery.all())) {
      assertThatThrownBy(() -> invoices.forEach(invoice -> seen.add(invoice.id())))
          .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
            assertThat(e.detail()).isEqualTo("items could not be read (2 failures): "
                + "data[1]: missing required field 'currency'; data[0]: missing required field 'currency'");
            assertThat(e.requestId()).isEqualTo("req_page1");
            assertThat(((MalformedResponseException) e.getSuppressed()[0]).requestId()).isEqualTo("req_page2");
          });
    }
    assertThat(seen).containsExactly("in_5", "in_4", "in_2");
  }

  @Test void anInvoiceWithoutAnIdGetsAStableDerivedId() {
    String noId = invoice("x", "usd", 1, 1785000000, null).replace("\"id\":\"x\",", "");
    answer(200, list(false, noId, invoice("in_1", "usd", 1, 1785000100, null)));
    answer(200, list(false, noId.replace("{", "{\"id\":null,")));

    Page<Invoice> page = provider().list(InvoiceQuery.all());
    Invoice again = provider.list(InvoiceQuery.all()).items().get(0);

    assertThat(page.items().get(0).id()).matches("derived-[0-9a-f]{24}").isEqualTo(again.id());
    assertThat(page.items().get(0).attributes()).containsEntry("invoicekit.derived_id", "true");
    assertThat(page.items().get(1).attributes()).doesNotContainKey("invoicekit.derived_id");
  }

  @Test void hasMoreAfterALastInvoiceWithoutAnIdIsMalformed() {
    answer(200, list(true, invoice("in_2", "usd", 1, 1785000000, null),
        invoice("x", "usd", 1, 1785000000, null).replace("\"id\":\"x\",", "")));

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("data[1]: the last item of /v1/invoices after the start has no id to continue after,"
                + " but has_more is true"));
  }

  @Test void aFractionalOrHugeTimeNamesTheField() {
    answer(200, list(false, invoice("in_1", "usd", 1, 1785000000, null)
        .replace("\"period_start\":1785000000", "\"period_start\":2.5")));
    answer(200, list(false, invoice("in_1", "usd", 1, 1785000000, null)
        .replace("\"period_end\":1785000000", "\"period_end\":1e30")));
    InvoiceProvider stripe = provider();

    assertThatThrownBy(() -> stripe.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("data[0]: period_start: not a whole number of epoch seconds: 2.5"));
    assertThatThrownBy(() -> stripe.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.detail())
            .isEqualTo("data[0]: period_end: epoch seconds out of range: 1000000000000000000000000000000"));
  }

  // get with every line.

  @Test void getFetchesTheLinesBeyondTheEmbeddedPage() throws Exception {
    String embedded = "{\"object\":\"list\",\"has_more\":true,\"url\":\"/v1/invoices/in_1/lines\",\"data\":["
        + line("il_1", 100) + "," + line("il_2", 200) + "]}";
    answer(200, invoice("in_1", "usd", 1000, 1785000000, embedded));
    answer(200, "{\"object\":\"list\",\"has_more\":true,\"data\":[" + line("il_3", 300) + "]}");
    answer(200, "{\"object\":\"list\",\"has_more\":false,\"data\":[" + line("il_4", 400) + "]}");

    Invoice invoice = provider().get("in_1").orElseThrow();

    assertThat(invoice.lines()).extracting(InvoiceLine::id).containsExactly("il_1", "il_2", "il_3", "il_4");
    assertThat(invoice.lines().get(3).amount()).isEqualTo(Money.of("4.00", "USD"));
    assertThat(taken().getUrl().encodedPath()).isEqualTo("/v1/invoices/in_1");
    RecordedRequest second = taken();
    assertThat(second.getUrl().encodedPath()).isEqualTo("/v1/invoices/in_1/lines");
    assertThat(second.getUrl().queryParameter("starting_after")).isEqualTo("il_2");
    assertThat(second.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(taken().getUrl().queryParameter("starting_after")).isEqualTo("il_3");
  }

  @Test void getFailsOnLinesThatStartOverInsteadOfLooping() {
    String embedded = "{\"object\":\"list\",\"has_more\":true,\"data\":[" + line("il_1", 100) + "]}";
    answer(200, invoice("in_1", "usd", 100, 1785000000, embedded));
    answer(200, "{\"object\":\"list\",\"has_more\":true,\"data\":[" + line("il_1", 100) + "]}");

    assertThatThrownBy(() -> provider().get("in_1"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("the lines of 'in_1' after 'il_1' hold 'il_1' again");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void getPathEncodesTheIdAndMapsResourceMissingToEmpty() throws Exception {
    answer(404, "{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such invoice: 'in_x/../y'\","
        + "\"param\":\"id\",\"type\":\"invalid_request_error\"}}");

    assertThat(provider().get("in_x/../y")).isEmpty();
    assertThat(taken().getUrl().encodedPath()).isEqualTo("/v1/invoices/in_x%2F..%2Fy");
  }

  // preview.

  @Test void previewPostsTheSubscriptionFormEncodedAndIsADraft() throws Exception {
    answer(200, StripeWireCase.PREVIEW);

    Invoice preview = provider().preview(PreviewRequest.builder().subscriptionId(StripeWireCase.SUBSCRIPTION).build());

    assertThat(preview.id()).isEqualTo(StripeWireCase.PREVIEW_ID);
    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.number()).isNull();
    RecordedRequest request = taken();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/invoices/create_preview");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getBody().utf8()).isEqualTo("subscription=" + StripeWireCase.SUBSCRIPTION);
  }

  @Test void previewOfACustomerEncodesItAndSendsBothWhenBothAreGiven() throws Exception {
    answer(200, StripeWireCase.PREVIEW);
    answer(200, StripeWireCase.PREVIEW);

    provider().preview(PreviewRequest.builder().customerId("cus_a b&c=d").build());
    provider.preview(PreviewRequest.builder().customerId("cus_1").subscriptionId("sub_1").build());

    assertThat(taken().getBody().utf8()).isEqualTo("customer=cus_a+b%26c%3Dd");
    assertThat(taken().getBody().utf8()).isEqualTo("customer=cus_1&subscription=sub_1");
  }

  @Test void previewWithoutCustomerOrSubscriptionOrWithAPeriodFailsBeforeAnyRequest() {
    assertThatThrownBy(() -> provider().preview(PreviewRequest.upcoming()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subscriptionId or customerId is required by stripe");
    assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().subscriptionId("sub_1")
        .periodStart(Instant.parse("2026-07-01T00:00:00Z")).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("periodStart is not supported by stripe");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test void previewIsRetriedLikeARead() throws Exception {
    answer(503, "{\"error\":{\"message\":\"busy\",\"type\":\"api_error\"}}");
    answer(200, StripeWireCase.PREVIEW);

    assertThat(provider().preview(PreviewRequest.builder().customerId("cus_1").build()).id())
        .isEqualTo(StripeWireCase.PREVIEW_ID);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(taken().getBody()).isEqualTo(taken().getBody());
  }

  // Headers.

  @Test void sendsTheKeyAsBearerAndThePinnedVersionWithoutAnAccount() throws Exception {
    answer(200, list(false));
    provider().list(InvoiceQuery.all());

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getHeaders().get("Stripe-Version")).isEqualTo("2026-03-25.dahlia");
    assertThat(request.getHeaders().get("Stripe-Account")).isNull();
  }

  @Test void sendsTheConfiguredAccountAndVersion() throws Exception {
    answer(200, list(false));
    provider(config().set("stripe-account", "acct_1Rk2Qw").set("api-version", "2026-07-29.dahlia"))
        .list(InvoiceQuery.all());

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("Stripe-Account")).isEqualTo("acct_1Rk2Qw");
    assertThat(request.getHeaders().get("Stripe-Version")).isEqualTo("2026-07-29.dahlia");
    assertThat(provider.toString()).doesNotContain(KEY);
    assertThat(config().set("stripe-account", "acct_1Rk2Qw").build().toString())
        .contains("stripe-account=acct_1Rk2Qw").doesNotContain(KEY);
  }

  @Test void badSettingsFailAtCreateNamingTheKey() {
    assertThatThrownBy(() -> provider(config().set("api-version", "dahlia")))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e).hasMessageContaining("invoicekit.stripe.api-version"));
    assertThatThrownBy(() -> provider(config().set("stripe-account", "acct_1\nX-Evil: 1")))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e).hasMessageContaining("invoicekit.stripe.stripe-account"));
    assertThatThrownBy(() -> provider(config().set("page-size", "101")))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e).hasMessageContaining("invoicekit.stripe.page-size"));
    assertThatThrownBy(() -> InvoiceProviders.create("stripe", ProviderConfig.builder("stripe")
        .environment(name -> null).build()))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e).hasMessageContaining("invoicekit.stripe.api-key").hasMessageContaining("STRIPE_API_KEY"));
    assertThat(server.getRequestCount()).isZero();
  }

  // Stripe-Should-Retry and errors.

  @Test void shouldRetryTrueRetriesAConflict() {
    answer(409, "{\"error\":{\"code\":\"lock_timeout\",\"message\":\"locked\",\"type\":\"invalid_request_error\"}}",
        "Stripe-Should-Retry", "true");
    answer(200, list(false));

    assertThat(provider().list(InvoiceQuery.all()).items()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void shouldRetryFalseStopsA503AndA429AtOnce() {
    answer(503, "{\"error\":{\"message\":\"not now\",\"type\":\"api_error\"}}", "Stripe-Should-Retry", "false");
    answer(429, "{\"error\":{\"code\":\"rate_limit\",\"message\":\"Request rate limit exceeded.\","
        + "\"type\":\"invalid_request_error\"}}", "Stripe-Should-Retry", "false", "Retry-After", "0");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.requestId()).isEqualTo("req_503");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThatThrownBy(() -> provider.get("in_1"))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.vendorCode()).isEqualTo("rate_limit"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test void errorsCarryTheCodeTheParamAndTheRequestId() {
    answer(402, "{\"error\":{\"code\":\"invoice_payment_intent_requires_action\",\"message\":\"Payment required.\","
        + "\"param\":\"customer\",\"type\":\"card_error\"}}");
    answer(401, "{\"error\":{\"message\":\"Invalid API Key provided: sk_test_****pX\",\"type\":\"invalid_request_error\"}}");

    assertThatThrownBy(() -> provider().list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(402);
          assertThat(e.vendorCode()).isEqualTo("invoice_payment_intent_requires_action");
          assertThat(e.detail()).isEqualTo("Payment required. (param customer)");
          assertThat(e.requestId()).isEqualTo("req_402");
          assertThat(e.retryable()).isFalse();
        });
    assertThatThrownBy(() -> provider.list(InvoiceQuery.all()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.vendorCode()).isEqualTo("invalid_request_error");
          assertThat(e.getMessage()).doesNotContain(KEY);
        });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
