package dev.invoicekit.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.stripe.internal.StripeInvoice;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stripe JSON to the model: its currency table, taxes, discounts and credits, times and lines. */
final class StripeMapperTest {
  private static HttpTransport transport;
  private static JsonAdapter<StripeInvoice> adapter;

  @BeforeAll static void moshi() {
    // The transport's Moshi, with its exact BigDecimal and record adapters, as the provider reads.
    transport = HttpTransport.builder(ProviderConfig.builder("stripe").environment(name -> null).build())
        .baseUrl(URI.create("https://api.stripe.com")).build();
    Moshi moshi = transport.moshi();
    adapter = moshi.adapter(StripeInvoice.class);
  }

  @AfterAll static void close() {
    transport.close();
  }

  private static Invoice read(String json) throws IOException {
    return StripeMapper.invoice(adapter.fromJson(json));
  }

  @ParameterizedTest(name = "{1} {0} minor units = {2}")
  @CsvSource({
      "1000, usd, 10.00",
      "1000, jpy, 1000",       // zero-decimal, as in ISO
      "48000, mga, 48000.00",  // zero-decimal at Stripe, two decimals in ISO 4217
      "5120, kwd, 5.120",      // three-decimal
      "5120, bhd, 5.120",
      "1250, tnd, 1.250",
      "250000, isk, 2500",     // two-decimal at Stripe, zero in ISO 4217: 100 is 1 krona
      "250050, isk, 2500.5",   // Money keeps ISO scale 0 and the digits the value needs
      "150000, huf, 1500.00",  // two-decimal for invoices
      "150000, twd, 1500.00",
      "150000, ugx, 150000",   // in Stripe's zero-decimal list
      "999, krw, 999",
      "-250, eur, -2.50"})
  void totalFollowsStripesCurrencyTable(long minor, String currency, String major) throws IOException {
    Invoice invoice = read(StripeInvoiceProviderTest.invoice("in_1", currency, minor, 1785000000, null));
    assertThat(invoice.total()).isEqualTo(Money.of(major, currency));
    assertThat(invoice.total().toPlainString()).isEqualTo(major);
    assertThat(invoice.amountDue()).isEqualTo(invoice.total());
  }

  @Test void theFullInvoiceMapsEveryField() throws IOException {
    Invoice invoice = read(StripeWireCase.INVOICE);

    assertThat(invoice.provider()).isEqualTo("stripe");
    assertThat(invoice.id()).isEqualTo(StripeWireCase.ID);
    assertThat(invoice.number()).isEqualTo("4A7C19F2-0008");
    assertThat(invoice.customerId()).isEqualTo("cus_SsJ2kQ8vLmN4pX");
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.vendorStatus()).isEqualTo("paid");
    assertThat(invoice.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(invoice.periodStart()).isEqualTo(Instant.ofEpochSecond(1782864000));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.ofEpochSecond(1785542400));
    assertThat(invoice.issuedAt()).as("finalized_at, not created").isEqualTo(Instant.ofEpochSecond(1785549520));
    assertThat(invoice.paidAt()).isEqualTo(Instant.ofEpochSecond(1785549524));
    assertThat(invoice.dueAt()).isNull();
    assertThat(invoice.subtotal()).isEqualTo(Money.of("125.00", "USD"));
    assertThat(invoice.discount()).as("the discount, not again as a pre-tax credit").isEqualTo(Money.of("25.00", "USD"));
    assertThat(invoice.tax()).isEqualTo(Money.of("8.88", "USD"));
    assertThat(invoice.total()).isEqualTo(Money.of("108.88", "USD"));
    assertThat(invoice.amountPaid()).isEqualTo(Money.of("108.88", "USD"));
    assertThat(invoice.amountRemaining()).isEqualTo(Money.of("0", "USD"));
    assertThat(invoice.pdfUrl()).hasToString("https://pay.stripe.com/invoice/acct_1Rk2Qw/live_YWNj/pdf");
    assertThat(invoice.attributes())
        .containsEntry("billing_reason", "subscription_cycle")
        .containsEntry("collection_method", "charge_automatically")
        .containsEntry("hosted_invoice_url", "https://invoice.stripe.com/i/acct_1Rk2Qw/live_YWNj")
        .containsEntry("subscription_id", StripeWireCase.SUBSCRIPTION);

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.id()).isEqualTo("il_1S4vRqH2eZvKYlo2aP0d3KfN");
    assertThat(line.description()).isEqualTo("5 × Team (at $25.00 / month)");
    assertThat(line.product()).isEqualTo("prod_SvTq0hB3nWcE7r");
    assertThat(line.quantity()).isEqualByComparingTo("5");
    assertThat(line.unitPrice()).isEqualByComparingTo("25.00");
    assertThat(line.amount()).isEqualTo(Money.of("125.00", "USD"));
    assertThat(line.discount()).isEqualTo(Money.of("25.00", "USD"));
    assertThat(line.periodStart()).as("the line keeps its own period").isEqualTo(Instant.ofEpochSecond(1785542400));
    assertThat(line.periodEnd()).isEqualTo(Instant.ofEpochSecond(1788220800));
    assertThat(line.attributes()).containsEntry("price", "price_1RzL").containsEntry("tax", "8.88");
  }

  @Test void creditGrantsAddToTheDiscountAndUnfinalizedInvoicesAreIssuedWhenCreated() throws IOException {
    String json = StripeWireCase.INVOICE
        .replace("\"total_pretax_credit_amounts\": [{\"amount\": 2500, \"type\": \"discount\", \"discount\": \"di_1S4v\"}]",
            "\"total_pretax_credit_amounts\": [{\"amount\": 2500, \"type\": \"discount\"},"
                + " {\"amount\": 1000, \"type\": \"credit_balance_transaction\"}]")
        .replace("\"pretax_credit_amounts\": [{\"amount\": 2500, \"type\": \"discount\", \"discount\": \"di_1S4v\"}]",
            "\"pretax_credit_amounts\": [{\"amount\": 2500, \"type\": \"discount\"},"
                + " {\"amount\": 1000, \"type\": \"credit_balance_transaction\"}]")
        .replace("\"finalized_at\": 1785549520", "\"finalized_at\": null");

    Invoice invoice = read(json);

    assertThat(invoice.discount()).isEqualTo(Money.of("35.00", "USD"));
    assertThat(invoice.lines().get(0).discount()).isEqualTo(Money.of("35.00", "USD"));
    assertThat(invoice.issuedAt()).isEqualTo(Instant.ofEpochSecond(1785545892));
  }

  @Test void quantityFallsBackToTheWholeQuantityAndUnitPricesKeepTheirDecimals() throws IOException {
    String json = StripeWireCase.INVOICE
        .replace("\"quantity_decimal\": \"5\", ", "")
        .replace("\"unit_amount_decimal\": \"2500\"", "\"unit_amount_decimal\": \"0.0125\"");

    InvoiceLine line = read(json).lines().get(0);

    assertThat(line.quantity()).isEqualByComparingTo("5");
    assertThat(line.unitPrice()).isEqualByComparingTo(new BigDecimal("0.000125"));
    assertThat(line.unitPrice().toPlainString()).isEqualTo("0.000125");
  }

  @Test void aThreeDecimalLineIsExact() throws IOException {
    String json = StripeWireCase.INVOICE.replace("\"usd\"", "\"kwd\"");
    Invoice invoice = read(json);
    assertThat(invoice.total()).isEqualTo(Money.of("10.888", "KWD"));
    assertThat(invoice.lines().get(0).unitPrice()).isEqualByComparingTo("2.5");
  }

  @Test void aLineInAnotherCurrencyIsMalformed() {
    String json = StripeWireCase.INVOICE.replace("\"currency\": \"usd\", \"description\"", "\"currency\": \"eur\", \"description\"");
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("is in 'eur', its invoice in USD");
  }

  @Test void aHugeDecimalStringIsMalformedNamingItsField() {
    // Found by -Pfuzz (a new seed): "1e999999999" as unit_amount_decimal reached the user as
    // "BigInteger would overflow supported range".
    String json = StripeWireCase.INVOICE.replace("\"unit_amount_decimal\": \"2500\"", "\"unit_amount_decimal\": \"1e999999999\"");
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("stripe: unit_amount_decimal: more than 100 digits before or after the point: '1e999999999'");
  }

  @Test void aValueQuotedInAMessageHasItsControlCharactersEscaped() {
    // Found by the kit's hostile-answer fuzz: a terminal escape in a vendor's value reached the message.
    String json = StripeWireCase.INVOICE.replace("\"quantity_decimal\": \"5\"", "\"quantity_decimal\": \"r\\u001b[31md\"");
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("stripe: quantity_decimal: not a decimal number: 'r\\u001b[31md'")
        .message().doesNotContain("\u001b");
  }

  @Test void unknownStatusesAreUnknownAndPreviewsDrafts() throws IOException {
    String json = StripeWireCase.INVOICE.replace("\"status\": \"paid\"", "\"status\": \"disputed\"");
    assertThat(read(json).status()).isEqualTo(InvoiceStatus.UNKNOWN);
    Invoice preview = StripeMapper.preview(adapter.fromJson(json));
    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.vendorStatus()).isEqualTo("disputed");
  }
}
