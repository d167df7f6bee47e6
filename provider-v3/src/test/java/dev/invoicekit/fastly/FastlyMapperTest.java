package dev.invoicekit.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.fastly.internal.FastlyInvoice;
import dev.invoicekit.fastly.internal.FastlyInvoicePage;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class FastlyMapperTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static HttpTransport transport;
  private static Moshi moshi;

  @BeforeAll static void transport() {
    transport = HttpTransport.builder(ProviderConfig.builder("fastly").build())
        .baseUrl(URI.create("http://127.0.0.1:1/"))
        .build();
    moshi = transport.moshi();
  }

  @AfterAll static void close() {
    transport.close();
  }

  private static FastlyInvoicePage page(String fixture) throws IOException {
    return moshi.adapter(FastlyInvoicePage.class).fromJson(Fixtures.read(fixture));
  }

  private static FastlyInvoice invoice(String json) throws IOException {
    return moshi.adapter(FastlyInvoice.class).fromJson(json);
  }

  @Test void mapsClosedInvoiceWithSnakeCaseLines() throws IOException {
    Page<Invoice> page = FastlyMapper.page(page("invoices-page.json"));

    Invoice invoice = page.items().get(0);
    assertThat(invoice.provider()).isEqualTo("fastly");
    assertThat(invoice.id()).isEqualTo("INV-375119");
    assertThat(invoice.number()).isEqualTo("INV-375119");
    assertThat(invoice.customerId()).isEqualTo("7ab9Xk2LqPzY0example");
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(invoice.vendorStatus()).isEqualTo("outstanding");
    assertThat(invoice.currency()).isEqualTo(USD);
    assertThat(invoice.periodStart()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(invoice.dueAt()).isNull();
    assertThat(invoice.paidAt()).isNull();
    assertThat(invoice.subtotal()).isNull();
    assertThat(invoice.tax()).isNull();
    assertThat(invoice.discount()).isNull();
    assertThat(invoice.total()).isEqualTo(Money.of("6604.19", "USD"));
    assertThat(invoice.amountDue()).isEqualTo(Money.of("6604.19", "USD"));
    assertThat(invoice.amountPaid()).isNull();
    assertThat(invoice.amountRemaining()).isNull();
    assertThat(invoice.pdfUrl()).isNull();
    assertThat(invoice.description()).isNull();
    assertThat(invoice.attributes()).isEmpty();
    assertThat(invoice.lines()).hasSize(2);

    InvoiceLine requests = invoice.lines().get(0);
    assertThat(requests.id()).isNull();
    assertThat(requests.description()).isEqualTo("Asia Requests");
    assertThat(requests.product()).isEqualTo("Asia Requests");
    assertThat(requests.productGroup()).isEqualTo("Full Site Delivery");
    assertThat(requests.quantity()).isEqualTo(new BigDecimal("146017.0369"));
    assertThat(requests.unit()).isEqualTo("Requests");
    assertThat(requests.unitPrice()).isEqualTo(new BigDecimal("0.002"));
    assertThat(requests.amount()).isEqualTo(Money.of("292.03", "USD"));
    assertThat(requests.discount()).isNull();
    assertThat(requests.periodStart()).isNull();
    assertThat(requests.periodEnd()).isNull();
    assertThat(requests.region()).isEqualTo("Asia");
    assertThat(requests.attributes()).isEqualTo(Map.of("product_line", "Network Services"));

    InvoiceLine support = invoice.lines().get(1);
    assertThat(support.description()).isEqualTo("Enterprise Support");
    assertThat(support.unitPrice()).isNull();
    assertThat(support.quantity()).isEqualTo(new BigDecimal("1"));
    assertThat(support.unit()).isEqualTo("Flat");
    assertThat(support.amount().amount()).isEqualTo(new BigDecimal("2600.00"));
    assertThat(support.attributes()).isEqualTo(
        Map.of("product_line", "Support", "credit_coupon_code", "SUPPORT-CREDIT-10"));
  }

  @Test void mapsPageMetaAndExactHugeAmount() throws IOException {
    Page<Invoice> page = FastlyMapper.page(page("invoices-page.json"));

    assertThat(page.nextPageToken()).contains("eyJvZmZzZXQiOjJ9+/a=");
    assertThat(page.totalCount()).isEqualTo(OptionalLong.of(31));
    Invoice paid = page.items().get(1);
    assertThat(paid.id()).isEqualTo("29239985");
    assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(paid.vendorStatus()).isEqualTo("paid");
    assertThat(paid.currency()).isEqualTo(Currency.getInstance("EUR"));
    assertThat(paid.total().amount()).isEqualTo(new BigDecimal("12345678901234567.89"));
    assertThat(paid.total().toPlainString()).isEqualTo("12345678901234567.89");
    assertThat(paid.periodEnd()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(paid.lines()).isEmpty();
  }

  @Test void lastPageHasNoNextTokenWhenCursorIsEmpty() throws IOException {
    Page<Invoice> page = FastlyMapper.page(page("invoices-last-page.json"));

    assertThat(page.nextPageToken()).isEmpty();
    Invoice yen = page.items().get(0);
    assertThat(yen.currency()).isEqualTo(Currency.getInstance("JPY"));
    assertThat(yen.total().amount()).isEqualTo(new BigDecimal("1000"));
    assertThat(yen.lines()).isEmpty();
  }

  @Test void emptyDataWithACursorIsMalformed() throws IOException {
    FastlyInvoicePage empty = moshi.adapter(FastlyInvoicePage.class)
        .fromJson("{\"data\":[],\"meta\":{\"next_cursor\":\"abc=\",\"total\":0}}");

    assertThatThrownBy(() -> FastlyMapper.page(empty))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more")
        .hasMessageContaining("abc=");
  }

  @Test void emptyDataWithoutACursorEndsPaging() throws IOException {
    FastlyInvoicePage empty = moshi.adapter(FastlyInvoicePage.class)
        .fromJson("{\"data\":[],\"meta\":{\"next_cursor\":\"\",\"total\":0}}");

    Page<Invoice> page = FastlyMapper.page(empty);

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test void mapsPascalCaseLinesAndStringAmounts() throws IOException {
    Invoice invoice = FastlyMapper.invoice(invoice(Fixtures.read("invoice-pascal.json")));

    assertThat(invoice.id()).isEqualTo("INV-300007");
    assertThat(invoice.number()).isEqualTo("ST-300007");
    assertThat(invoice.currency()).isEqualTo(Currency.getInstance("GBP"));
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.UNKNOWN);
    assertThat(invoice.vendorStatus()).isEqualTo("refunded");
    assertThat(invoice.total()).isEqualTo(Money.of("180.11", "GBP"));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.product()).isEqualTo("North America Bandwidth");
    assertThat(line.productGroup()).isEqualTo("Full Site Delivery");
    assertThat(line.region()).isEqualTo("North America");
    assertThat(line.unit()).isEqualTo("Bandwidth");
    assertThat(line.quantity()).isEqualTo(new BigDecimal("2251.375"));
    assertThat(line.unitPrice()).isEqualTo(new BigDecimal("0.08"));
    assertThat(line.amount()).isEqualTo(Money.of("180.11", "GBP"));
    assertThat(line.attributes()).isEqualTo(Map.of("product_line", "Network Services"));
  }

  @Test void snakeCaseWinsWhenBothSpellingsArePresent() throws IOException {
    Invoice invoice = FastlyMapper.invoice(invoice("{\"currency_code\":\"USD\",\"invoice_id\":\"1\","
        + "\"monthly_transaction_amount\":1,\"transaction_line_items\":[{\"amount\":1,"
        + "\"product_name\":\"new\",\"ProductName\":\"old\",\"Region\":\"EU\"}]}"));

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.product()).isEqualTo("new");
    assertThat(line.description()).isEqualTo("new");
    assertThat(line.region()).isEqualTo("EU");
  }

  @Test void mapsMonthToDateAsUsdDraftEndingAsOfEstimate() throws IOException {
    Invoice mtd = FastlyMapper.monthToDate(invoice(Fixtures.read("month-to-date.json")));

    assertThat(mtd.id()).isEqualTo("7ab9Xk2LqPzY0example-1785715200");
    assertThat(mtd.number()).isNull();
    assertThat(mtd.customerId()).isEqualTo("7ab9Xk2LqPzY0example");
    assertThat(mtd.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(mtd.vendorStatus()).isNull();
    assertThat(mtd.currency()).isEqualTo(USD);
    assertThat(mtd.periodStart()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(mtd.periodEnd()).isEqualTo(Instant.parse("2026-08-04T07:30:00Z"));
    assertThat(mtd.issuedAt()).isNull();
    assertThat(mtd.total()).isEqualTo(Money.of("2890.32", "USD"));
    assertThat(mtd.amountDue()).isEqualTo(mtd.total());
    assertThat(mtd.lines()).extracting(InvoiceLine::description)
        .containsExactly("North America Bandwidth", "TLS certificate");
    InvoiceLine tls = mtd.lines().get(1);
    assertThat(tls.amount()).isEqualTo(Money.zero(USD));
    assertThat(tls.amount().toPlainString()).isEqualTo("0.00");
    assertThat(tls.unitPrice()).isNull();
    assertThat(tls.quantity()).isEqualTo(new BigDecimal("44"));
    assertThat(tls.productGroup()).isEqualTo("N/A");
    assertThat(tls.attributes()).isEqualTo(Map.of("product_line", "Unknown"));
  }

  @Test void statusMapsPaidOutstandingAbsentAndUnknown() {
    assertThat(FastlyMapper.status("paid")).isEqualTo(InvoiceStatus.PAID);
    assertThat(FastlyMapper.status("PAID")).isEqualTo(InvoiceStatus.PAID);
    assertThat(FastlyMapper.status("outstanding")).isEqualTo(InvoiceStatus.OPEN);
    assertThat(FastlyMapper.status(null)).isEqualTo(InvoiceStatus.OPEN);
    assertThat(FastlyMapper.status("")).isEqualTo(InvoiceStatus.OPEN);
    assertThat(FastlyMapper.status("written_off")).isEqualTo(InvoiceStatus.UNKNOWN);
  }

  @Test void endDateThatIsNotMidnightStillEndsAtNextDay() throws IOException {
    Invoice invoice = FastlyMapper.invoice(invoice("{\"currency_code\":\"USD\",\"invoice_id\":\"1\","
        + "\"monthly_transaction_amount\":1,\"billing_start_date\":\"2026-07-01\","
        + "\"billing_end_date\":\"2026-07-31T23:59:59Z\"}"));

    assertThat(invoice.periodStart()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
  }

  @Test void missingInvoiceIdGetsAStableDerivedIdMarkedAsDerived() throws IOException {
    Invoice first = FastlyMapper.invoice(invoice("{\"currency_code\":\"USD\",\"monthly_transaction_amount\":1}"));
    Invoice again = FastlyMapper.invoice(invoice("{\"currency_code\":\"USD\",\"invoice_id\":null,\"monthly_transaction_amount\":1}"));

    assertThat(first.id()).matches("derived-[0-9a-f]{24}").isEqualTo(again.id());
    assertThat(first.attributes()).containsEntry("invoicekit.derived_id", "true");
  }

  @Test void nullBodyIsMalformedWithoutJdkText() {
    assertThatThrownBy(() -> FastlyMapper.page(null))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("fastly: missing required field 'body'");
    assertThatThrownBy(() -> FastlyMapper.invoice(null))
        .hasMessage("fastly: missing required field 'body'");
  }

  @Test void unreadableDateNamesTheField() throws IOException {
    FastlyInvoice badDate = invoice("{\"currency_code\":\"USD\",\"invoice_id\":\"INV-1\",\"monthly_transaction_amount\":1,"
        + "\"billing_start_date\":\"2026-13-45T99:99:99Z\"}");

    assertThatThrownBy(() -> FastlyMapper.invoice(badDate))
        .hasMessage("fastly: billing_start_date: not a date or time: '2026-13-45T99:99:99Z'");
  }

  @Test void missingAmountIsMalformed() throws IOException {
    FastlyInvoice noAmount = invoice("{\"currency_code\":\"USD\",\"invoice_id\":\"INV-1\"}");

    assertThatThrownBy(() -> FastlyMapper.invoice(noAmount))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("monthly_transaction_amount");
  }

  @Test void missingLineAmountIsMalformed() throws IOException {
    FastlyInvoice noLineAmount = invoice("{\"currency_code\":\"USD\",\"invoice_id\":\"INV-1\",\"monthly_transaction_amount\":1,"
        + "\"transaction_line_items\":[{\"description\":\"x\"}]}");

    assertThatThrownBy(() -> FastlyMapper.invoice(noLineAmount))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("amount");
  }

  @Test void unknownCurrencyIsMalformed() throws IOException {
    FastlyInvoice bad = invoice("{\"invoice_id\":\"INV-1\",\"monthly_transaction_amount\":1,"
        + "\"currency_code\":\"XYZ1\"}");

    assertThatThrownBy(() -> FastlyMapper.invoice(bad))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("XYZ1");
  }

  @Test void aClosedInvoiceWithoutACurrencyIsMalformedNotDollars() throws IOException {
    FastlyInvoice noCurrency = invoice("{\"invoice_id\":\"INV-1\",\"monthly_transaction_amount\":1}");

    assertThatThrownBy(() -> FastlyMapper.invoice(noCurrency))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("fastly: missing required field 'currency_code'");
    // The month-to-date estimate never names one: US dollars (SPEC §4).
    assertThat(FastlyMapper.monthToDate(noCurrency).currency().getCurrencyCode()).isEqualTo("USD");
  }
}
