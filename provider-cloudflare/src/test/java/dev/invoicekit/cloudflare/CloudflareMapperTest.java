package dev.invoicekit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.cloudflare.CloudflareMapper.HistoryPage;
import dev.invoicekit.cloudflare.internal.CloudflareCredit;
import dev.invoicekit.cloudflare.internal.CloudflareEnvelope;
import dev.invoicekit.cloudflare.internal.CloudflareHistory;
import dev.invoicekit.cloudflare.internal.CloudflareHistoryInvoice;
import dev.invoicekit.cloudflare.internal.CloudflareLine;
import dev.invoicekit.cloudflare.internal.CloudflarePreview;
import dev.invoicekit.cloudflare.internal.CloudflarePricing;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class CloudflareMapperTest {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final Currency USD = Currency.getInstance("USD");
  static final Currency JPY = Currency.getInstance("JPY");

  private static HttpTransport transport;
  private static JsonAdapter<CloudflareEnvelope<CloudflareHistory>> history;
  private static JsonAdapter<CloudflareEnvelope<CloudflarePreview>> preview;

  @BeforeAll static void parseWithTheTransportsMoshi() {
    ProviderConfig config = ProviderConfig.builder("cloudflare").build();
    transport = HttpTransport.builder(config).baseUrl(URI.create("https://api.cloudflare.com/client/v4/")).build();
    Moshi moshi = transport.moshi();
    history = moshi.adapter(Types.newParameterizedType(CloudflareEnvelope.class, CloudflareHistory.class));
    preview = moshi.adapter(Types.newParameterizedType(CloudflareEnvelope.class, CloudflarePreview.class));
  }

  @AfterAll static void closeTransport() {
    transport.close();
  }

  static String fixture(String name) {
    try (InputStream in = CloudflareMapperTest.class.getResourceAsStream("/cloudflare/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CloudflareEnvelope<CloudflareHistory> history(String name) throws IOException {
    return history.fromJson(fixture(name));
  }

  @Test void historyItemMapsEveryField() throws IOException {
    HistoryPage page = CloudflareMapper.historyPage(history("history-page1.json"), 1, 2, ACCOUNT);

    Invoice invoice = page.invoices().get(0);
    assertThat(invoice.provider()).isEqualTo("cloudflare");
    assertThat(invoice.id()).isEqualTo("in_1PqR8sLkdIwHu7ix0a1b2c3d");
    assertThat(invoice.number()).isNull();
    assertThat(invoice.customerId()).isEqualTo(ACCOUNT);
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.vendorStatus()).isEqualTo("paid");
    assertThat(invoice.currency()).isEqualTo(USD);
    assertThat(invoice.periodStart()).isNull();
    assertThat(invoice.periodEnd()).isNull();
    assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-08-03T00:00:00Z"));
    assertThat(invoice.dueAt()).isNull();
    assertThat(invoice.paidAt()).isNull();
    assertThat(invoice.subtotal()).isNull();
    assertThat(invoice.tax()).isNull();
    assertThat(invoice.discount()).isNull();
    assertThat(invoice.total()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(invoice.total().amount()).isEqualTo(new BigDecimal("10.00"));
    assertThat(invoice.amountDue()).isEqualTo(Money.of("10", "USD"));
    assertThat(invoice.amountPaid()).isEqualTo(Money.of("10", "USD"));
    assertThat(invoice.amountRemaining()).isEqualTo(Money.zero(USD));
    assertThat(invoice.lines()).isEmpty();
    assertThat(invoice.pdfUrl()).isEqualTo(URI.create("https://pay.stripe.com/invoice/acct_XXXX/test_XXXX/pdf"));
    assertThat(invoice.description()).isEqualTo("AI Gateway credits top-up");
    assertThat(invoice.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "invoice_origin", "auto",
        "created_by", "auto_topup",
        "attempt_count", "1",
        "attempted", "true",
        "auto_advance", "false"));
  }

  @Test void historyPageReadsPaginationAndZeroDecimalCurrency() throws IOException {
    HistoryPage page = CloudflareMapper.historyPage(history("history-page1.json"), 1, 50, ACCOUNT);

    assertThat(page.page()).isEqualTo(1);
    assertThat(page.perPage()).isEqualTo(2); // what the vendor applied, not what was asked
    assertThat(page.hasMore()).isTrue();
    assertThat(page.nextPageToken()).isEqualTo("2");
    assertThat(page.totalCount()).isEqualTo(OptionalLong.of(5));

    Invoice yen = page.invoices().get(1);
    assertThat(yen.currency()).isEqualTo(JPY);
    assertThat(yen.total().amount()).isEqualTo(new BigDecimal("5000")); // JPY: minor unit = major unit
    assertThat(yen.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(yen.pdfUrl()).isNull();
    assertThat(yen.description()).isNull();
    assertThat(yen.issuedAt()).isEqualTo(Instant.parse("2026-08-01T06:30:00Z"));
    assertThat(yen.attributes()).isEqualTo(Map.of("invoice_origin", "manual"));
  }

  @Test void paginationFallsBackToResultInfo() throws IOException {
    HistoryPage page = CloudflareMapper.historyPage(history("history-result-info.json"), 3, 2, ACCOUNT);

    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.totalCount()).isEqualTo(OptionalLong.of(5));
    Invoice invoice = page.invoices().get(0);
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNKNOWN);
    assertThat(invoice.vendorStatus()).isEqualTo("past_due");
    assertThat(invoice.pdfUrl()).isNull(); // malformed URL: dropped, not an error
    assertThat(invoice.amountDue().amount()).isEqualTo(new BigDecimal("12.345")); // fractional cents kept
    assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-09-01T06:30:00Z"));
    assertThat(invoice.attributes()).isEmpty();
  }

  @Test void pageAnsweringAnotherPageNumberIsMalformed() throws IOException {
    assertThatThrownBy(() -> CloudflareMapper.historyPage(history("history-page1.json"), 2, 2, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("asked for page 2")
        .hasMessageContaining("got page 1");
  }

  /** Page 4 of 2 invoices each, holding none. */
  private static CloudflareEnvelope<CloudflareHistory> emptyPage4(boolean hasMore) throws IOException {
    return history.fromJson("{\"success\":true,\"result\":{\"invoices\":[],\"pagination\":{\"has_more\":"
        + hasMore + ",\"page\":4,\"per_page\":2,\"total_count\":6}}}");
  }

  @Test void emptyPageClaimingMoreIsMalformed() throws IOException {
    CloudflareEnvelope<CloudflareHistory> envelope = emptyPage4(true);

    assertThatThrownBy(() -> CloudflareMapper.historyPage(envelope, 4, 2, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more")
        .hasMessageContaining("page 4");
  }

  @Test void emptyLastPageEndsTheListing() throws IOException {
    HistoryPage page = CloudflareMapper.historyPage(emptyPage4(false), 4, 2, ACCOUNT);

    assertThat(page.invoices()).isEmpty();
    assertThat(page.nextPageToken()).isNull();
  }

  @Test void historyWithoutPaginationIsMalformed() throws IOException {
    CloudflareEnvelope<CloudflareHistory> envelope =
        history.fromJson("{\"success\":true,\"result\":{\"invoices\":[]}}");

    assertThatThrownBy(() -> CloudflareMapper.historyPage(envelope, 1, 50, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("result.pagination");
  }

  @Test void historyItemWithoutIdGetsAStableDerivedIdMarkedAsDerived() throws IOException {
    // Regression: one item with "id": null (the spec makes id optional) failed the whole listing.
    Invoice first = CloudflareMapper.historyPage(history("history-missing-id.json"), 1, 50, ACCOUNT).invoices().get(0);
    Invoice again = CloudflareMapper.historyPage(history("history-missing-id.json"), 1, 50, ACCOUNT).invoices().get(0);
    String withNullId = fixture("history-missing-id.json").replace("{ \"amount_due\"", "{ \"id\": null, \"amount_due\"");
    Invoice nullId = CloudflareMapper.historyPage(history.fromJson(withNullId), 1, 50, ACCOUNT).invoices().get(0);

    assertThat(first.id()).matches("derived-[0-9a-f]{24}").isEqualTo(again.id()).isEqualTo(nullId.id());
    assertThat(first.attributes()).containsEntry("invoicekit.derived_id", "true");
    assertThat(first.total()).isEqualTo(Money.of("1.00", "USD"));
    assertThat(CloudflareMapper.historyPage(history("history-page1.json"), 1, 50, ACCOUNT).invoices())
        .allSatisfy(invoice -> assertThat(invoice.attributes()).doesNotContainKey("invoicekit.derived_id"));
  }

  @Test void fractionalPerPageNamesTheFieldAndTheValue() throws IOException {
    // Regression: this reached the user as "Rounding necessary".
    String json = fixture("history-page1.json").replaceFirst("\"per_page\": ?\\d+", "\"per_page\": 2.5");

    assertThatThrownBy(() -> CloudflareMapper.historyPage(history.fromJson(json), 1, 50, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("cloudflare: result.pagination.per_page: 2.5 is not a whole number");
  }

  @Test void hugeTotalCountNamesTheFieldAndTheValue() throws IOException {
    String json = fixture("history-page1.json").replaceFirst("\"total_count\": ?\\d+", "\"total_count\": 1e30");

    assertThatThrownBy(() -> CloudflareMapper.historyPage(history.fromJson(json), 1, 50, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("cloudflare: result.pagination.total_count: 1000000000000000000000000000000 is out of range");
  }

  @Test void badItemsFailThePageNamingEachOneAfterMappingTheOthers() throws IOException {
    String json = "{\"success\":true,\"result\":{\"invoices\":["
        + "{\"id\":\"in_1\",\"amount_due\":1,\"amount_paid\":0,\"amount_remaining\":1,\"currency\":\"usd\"},"
        + "{\"id\":\"in_2\",\"amount_due\":1,\"amount_paid\":0,\"amount_remaining\":1},"
        + "{\"id\":\"in_3\",\"amount_due\":1,\"amount_paid\":0,\"amount_remaining\":1,\"currency\":\"\\u001b[2J\"}],"
        + "\"pagination\":{\"has_more\":false,\"page\":1,\"per_page\":3}}}";
    List<CloudflareMapper.HistoryPage> readable = new java.util.ArrayList<>();

    assertThatThrownBy(() -> CloudflareMapper.historyPage(history.fromJson(json), 1, 3, ACCOUNT, readable::add))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("cloudflare: page 1 of invoice-history: items could not be read (2 failures): "
            + "result.invoices[1]: missing required field 'currency'; "
            + "result.invoices[2]: currency: unknown currency code '\\u001b[2J'");
    assertThat(readable).singleElement().satisfies(page ->
        assertThat(page.invoices()).extracting(Invoice::id).containsExactly("in_1"));
  }

  @Test void historyItemWithoutAmountDueIsMalformed() {
    CloudflareHistoryInvoice item = new CloudflareHistoryInvoice("in_1", null, BigDecimal.ZERO,
        BigDecimal.ZERO, "usd", null, null, null, null, null, null, null, null, "open");

    assertThatThrownBy(() -> CloudflareMapper.invoice(item, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("amount_due");
  }

  @Test void unknownCurrencyIsMalformed() {
    CloudflareHistoryInvoice item = new CloudflareHistoryInvoice("in_1", BigDecimal.ONE, BigDecimal.ZERO,
        BigDecimal.ONE, "zzz", null, null, null, null, null, null, null, null, "open");

    assertThatThrownBy(() -> CloudflareMapper.invoice(item, ACCOUNT))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("zzz");
  }

  @Test void successFalseEnvelopeIsMalformedWithFirstCodeAndEveryMessage() throws IOException {
    CloudflareEnvelope<CloudflareHistory> envelope = history("success-false.json");

    assertThatThrownBy(() -> CloudflareMapper.result(envelope))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.vendorCode()).isEqualTo("7003");
          assertThat(e.detail()).contains("perhaps your object identifier is invalid?")
              .contains("; No route for that URI");
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test void successWithoutResultIsMalformed() throws IOException {
    CloudflareEnvelope<CloudflareHistory> envelope = history.fromJson("{\"success\":true,\"result\":null}");

    assertThatThrownBy(() -> CloudflareMapper.result(envelope))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("'result'");
  }

  @Test void previewIsADraftWhateverStatusCloudflareGivesIt() throws IOException {
    String json = fixture("preview.json").replace("\"status\": \"draft\"", "\"status\": \"scheduled\"");
    assertThat(json).contains("\"scheduled\"");

    Invoice invoice = CloudflareMapper.preview(CloudflareMapper.result(preview.fromJson(json)), ACCOUNT);

    assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(invoice.vendorStatus()).isEqualTo("scheduled");
  }

  @Test void previewMapsInvoiceLinesCreditsAndPeriods() throws IOException {
    Invoice invoice = CloudflareMapper.preview(CloudflareMapper.result(preview.fromJson(fixture("preview.json"))), ACCOUNT);

    Instant start = Instant.parse("2026-08-01T00:00:00Z");
    Instant end = Instant.parse("2026-09-01T00:00:00Z");
    assertThat(invoice.provider()).isEqualTo("cloudflare");
    assertThat(invoice.id()).isEqualTo("upcoming_in_1PqR8sLkdIwHu7ix");
    assertThat(invoice.number()).isNull();
    assertThat(invoice.customerId()).isEqualTo(ACCOUNT);
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(invoice.vendorStatus()).isEqualTo("draft");
    assertThat(invoice.currency()).isEqualTo(USD);
    assertThat(invoice.periodStart()).isEqualTo(start);
    assertThat(invoice.periodEnd()).isEqualTo(end);
    assertThat(invoice.issuedAt()).isNull();
    assertThat(invoice.dueAt()).isNull();
    assertThat(invoice.paidAt()).isNull();
    assertThat(invoice.subtotal()).isEqualTo(Money.of("206.54", "USD")); // 192.87 + 13.67 + 0 + 0
    assertThat(invoice.discount()).isEqualTo(Money.of("18.08", "USD"));
    assertThat(invoice.tax()).isNull();
    assertThat(invoice.total()).isEqualTo(Money.of("188.46", "USD"));
    assertThat(invoice.amountDue()).isEqualTo(Money.of("188.46", "USD"));
    assertThat(invoice.amountPaid()).isEqualTo(Money.zero(USD));
    assertThat(invoice.amountRemaining()).isEqualTo(Money.of("188.46", "USD"));
    assertThat(invoice.pdfUrl()).isNull();
    assertThat(invoice.description()).isNull();
    assertThat(invoice.attributes()).isEmpty();
    assertThat(invoice.lines()).hasSize(4);

    InvoiceLine tokens = invoice.lines().get(0);
    assertThat(tokens.id()).isNull();
    assertThat(tokens.description()).isEqualTo("openai/gpt-5 tokens");
    assertThat(tokens.product()).isNull();
    assertThat(tokens.productGroup()).isNull();
    assertThat(tokens.quantity()).isEqualTo(new BigDecimal("154296000"));
    assertThat(tokens.unit()).isNull();
    assertThat(tokens.unitPrice()).isEqualByComparingTo("0.00000125"); // 0.000125 cents
    assertThat(tokens.unitPrice().toPlainString()).isEqualTo("0.00000125");
    assertThat(tokens.amount()).isEqualTo(Money.of("192.87", "USD"));
    assertThat(tokens.discount()).isEqualTo(Money.of("18.08", "USD"));
    assertThat(tokens.periodStart()).isEqualTo(start);
    assertThat(tokens.periodEnd()).isEqualTo(end);
    assertThat(tokens.region()).isNull();
    assertThat(tokens.attributes()).isEmpty();

    InvoiceLine workers = invoice.lines().get(1);
    assertThat(workers.quantity()).isEqualTo(new BigDecimal("1242727.5"));
    assertThat(workers.unitPrice().toPlainString()).isEqualTo("0.000011");
    assertThat(workers.discount()).isNull();

    InvoiceLine product = invoice.lines().get(2);
    assertThat(product.description()).isEqualTo("prod_AIGatewayLogs");
    assertThat(product.product()).isEqualTo("prod_AIGatewayLogs");
    assertThat(product.unitPrice()).isNull();
    assertThat(product.amount()).isEqualTo(Money.zero(USD));

    assertThat(invoice.lines().get(3).description()).isEqualTo("(no description)");
  }

  @Test void previewWithoutLinesHasZeroSubtotalAndDiscount() throws IOException {
    CloudflareEnvelope<CloudflarePreview> envelope = preview.fromJson("{\"success\":true,\"result\":"
        + "{\"id\":\"upcoming_in_2\",\"amount_due\":0,\"amount_paid\":0,\"amount_remaining\":0,"
        + "\"currency\":\"jpy\",\"status\":\"draft\",\"period_start\":1785542400,"
        + "\"period_end\":1788220800,\"invoice_lines\":[]}}");

    Invoice invoice = CloudflareMapper.preview(CloudflareMapper.result(envelope), ACCOUNT);

    assertThat(invoice.lines()).isEmpty();
    assertThat(invoice.subtotal()).isEqualTo(Money.zero(JPY));
    assertThat(invoice.discount()).isEqualTo(Money.zero(JPY));
  }

  @Test void lineInAnotherCurrencyIsMalformed() {
    CloudflareLine line = new CloudflareLine(BigDecimal.TEN, "eur", "x", null, null, null, null);

    assertThatThrownBy(() -> CloudflareMapper.line(line, USD))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("EUR");
  }

  @Test void yenUnitPriceStaysInYen() {
    CloudflareLine line = new CloudflareLine(new BigDecimal("300"), "jpy", "Workers AI", null,
        new CloudflarePricing("0.0125", null), new BigDecimal("24000"),
        List.of(new CloudflareCredit(new BigDecimal("12"), "credit_balance_transaction", null, null),
            new CloudflareCredit(new BigDecimal("3"), "credit_balance_transaction", null, null)));

    InvoiceLine mapped = CloudflareMapper.line(line, JPY);

    assertThat(mapped.amount()).isEqualTo(Money.of("300", "JPY"));
    assertThat(mapped.unitPrice().toPlainString()).isEqualTo("0.0125");
    assertThat(mapped.discount()).isEqualTo(Money.of("15", "JPY"));
  }

  @Test void malformedUnitAmountDecimalIsMalformed() {
    CloudflareLine line = new CloudflareLine(BigDecimal.TEN, "usd", "x", null,
        new CloudflarePricing("one cent", null), null, null);

    assertThatThrownBy(() -> CloudflareMapper.line(line, USD))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("unit_amount_decimal");
  }

  @Test void pdfUrlKeepsOnlyAbsoluteHttpUrls() {
    assertThat(CloudflareMapper.pdfUrl("https://pay.stripe.com/x/pdf")).hasToString("https://pay.stripe.com/x/pdf");
    assertThat(CloudflareMapper.pdfUrl("http://localhost:8080/x.pdf")).isNotNull();
    assertThat(CloudflareMapper.pdfUrl("/relative/pdf")).isNull();
    assertThat(CloudflareMapper.pdfUrl("javascript:alert(1)")).isNull();
    assertThat(CloudflareMapper.pdfUrl("https://exa mple.com/%zz")).isNull();
    assertThat(CloudflareMapper.pdfUrl("")).isNull();
    assertThat(CloudflareMapper.pdfUrl(null)).isNull();
  }

  @Test void plannerAsksForPagesUpToTheTotal() {
    HistoryPage first = new HistoryPage(List.of(), 1, 50, true, OptionalLong.of(1000));
    assertThat(CloudflareInvoiceProvider.remainingPages(first))
        .hasValueSatisfying(tokens -> assertThat(tokens).hasSize(19).startsWith("2", "3").endsWith("20"));

    HistoryPage fromThree = new HistoryPage(List.of(), 3, 20, true, OptionalLong.of(61));
    assertThat(CloudflareInvoiceProvider.remainingPages(fromThree)).contains(List.of("4"));

    HistoryPage last = new HistoryPage(List.of(), 1, 50, false, OptionalLong.of(10));
    assertThat(CloudflareInvoiceProvider.remainingPages(last)).contains(List.of());

    HistoryPage noTotal = new HistoryPage(List.of(), 1, 50, true, OptionalLong.empty());
    assertThat(CloudflareInvoiceProvider.remainingPages(noTotal)).isEqualTo(Optional.empty());

    HistoryPage totalTooSmall = new HistoryPage(List.of(), 2, 50, true, OptionalLong.of(10));
    assertThat(CloudflareInvoiceProvider.remainingPages(totalTooSmall)).isEqualTo(Optional.empty());
  }
}
