package dev.invoicekit.flexprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.flexprice.internal.FlexpriceInvoice;
import dev.invoicekit.flexprice.internal.FlexpriceInvoiceList;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class FlexpriceMapperTest {
  @Test void mapsEveryFieldOfAFinalizedPaidInvoice() {
    Invoice invoice = FlexpriceMapper.invoice(Fixtures.parse("invoice.json", FlexpriceInvoice.class));

    assertThat(invoice.provider()).isEqualTo("flexprice");
    assertThat(invoice.id()).isEqualTo("inv_01K2Z8Q4T7XW3M9R5D6B1C2E4F");
    assertThat(invoice.number()).isEqualTo("INV-2026-00042");
    assertThat(invoice.customerId()).isEqualTo("cust_01K1H7V2N3P4Q5R6S7T8U9V0W1");
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.vendorStatus()).isEqualTo("FINALIZED/SUCCEEDED");
    assertThat(invoice.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(invoice.periodStart()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-08-01T00:05:00.120931Z"));
    assertThat(invoice.dueAt()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(invoice.paidAt()).isEqualTo(Instant.parse("2026-08-01T06:12:09.482913Z"));
    assertThat(invoice.subtotal()).isEqualTo(Money.of("120", "USD"));
    assertThat(invoice.subtotal().amount()).isEqualByComparingTo("120").hasToString("120.00");
    assertThat(invoice.tax().toPlainString()).isEqualTo("9.50");
    assertThat(invoice.discount()).isEqualTo(Money.of("0", "USD"));
    assertThat(invoice.total().toPlainString()).isEqualTo("129.50");
    assertThat(invoice.amountDue().toPlainString()).isEqualTo("129.50");
    assertThat(invoice.amountPaid().toPlainString()).isEqualTo("129.50");
    assertThat(invoice.amountRemaining().toPlainString()).isEqualTo("0.00");
    assertThat(invoice.pdfUrl()).isEqualTo(URI.create("https://files.flexprice.io/invoices/inv_01K2Z8Q4.pdf"));
    assertThat(invoice.description()).isEqualTo("July 2026 subscription");
    assertThat(invoice.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "billing_reason", "SUBSCRIPTION_CYCLE",
        "invoice_type", "SUBSCRIPTION",
        "billing_period", "MONTHLY",
        "subscription_id", "subs_01K1H9A2B3C4D5E6F7G8H9J0K1",
        "tax_rate_id", "taxrate_01K0VAT"));

    assertThat(invoice.lines()).hasSize(2);
    InvoiceLine usage = invoice.lines().get(0);
    assertThat(usage.id()).isEqualTo("inv_line_01K2Z8Q5AAAA");
    assertThat(usage.description()).isEqualTo("API calls");
    assertThat(usage.product()).isEqualTo("Pro");
    assertThat(usage.productGroup()).isNull();
    assertThat(usage.quantity()).isEqualTo(new BigDecimal("40000"));
    assertThat(usage.unit()).isNull();
    assertThat(usage.unitPrice()).isNull();
    assertThat(usage.amount().toPlainString()).isEqualTo("20.00");
    assertThat(usage.discount()).isNull();
    assertThat(usage.periodStart()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(usage.periodEnd()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(usage.region()).isNull();
    assertThat(usage.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "price_id", "price_01K0PRICE",
        "price_type", "USAGE",
        "meter_id", "meter_01K0METER",
        "meter_display_name", "API calls"));

    InvoiceLine fixed = invoice.lines().get(1);
    assertThat(fixed.description()).isEqualTo("Pro plan");
    assertThat(fixed.amount().toPlainString()).isEqualTo("100.00");
    assertThat(fixed.quantity()).isEqualTo(BigDecimal.ONE);
    // Offsets are honoured: +02:00 at 02:00 is midnight UTC.
    assertThat(fixed.periodStart()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(fixed.periodEnd()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
  }

  @Test void readsLegacyTaxAppliedRecordsKeepingLineTaxOnTheLine() {
    Invoice invoice = FlexpriceMapper.invoice(
        Fixtures.parse("invoice-legacy-taxes.json", FlexpriceInvoice.class));

    assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(invoice.vendorStatus()).isEqualTo("FINALIZED/PENDING");
    assertThat(invoice.currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(invoice.tax().toPlainString()).isEqualTo("1.90"); // total_tax wins over the records
    assertThat(invoice.subtotal().toPlainString()).isEqualTo("12.50045"); // high precision kept
    assertThat(invoice.total().toPlainString()).isEqualTo("11.90045");
    assertThat(invoice.discount().toPlainString()).isEqualTo("2.50");
    assertThat(invoice.amountRemaining().toPlainString()).isEqualTo("11.90045");
    assertThat(invoice.periodStart()).isNull();
    assertThat(invoice.paidAt()).isNull();
    assertThat(invoice.pdfUrl()).isNull();
    assertThat(invoice.dueAt()).isEqualTo(Instant.parse("2026-09-14T22:00:00Z"));
    assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-08-16T08:00:00.5Z"));
    assertThat(invoice.attributes()).containsEntry("tax_rate_id", "taxrate_fixed")
        .containsEntry("invoice_type", "ONE_OFF")
        .containsEntry("billing_reason", "MANUAL")
        .doesNotContainKeys("subscription_id", "billing_period");

    InvoiceLine line = invoice.lines().get(0);
    assertThat(line.description()).isEqualTo("Tokens");
    assertThat(line.product()).isEqualTo("openai/gpt-5 tokens"); // no plan: the meter names it
    assertThat(line.discount().toPlainString()).isEqualTo("2.50"); // line 2 + invoice-level 0.50
    assertThat(line.unitPrice()).isNull(); // price_unit_amount is an amount in another unit
    assertThat(line.attributes()).containsEntry("tax_amount", "1.75")
        .containsEntry("tax_rate_id", "taxrate_line")
        .containsEntry("price_unit", "cre")
        .containsEntry("price_unit_amount", "1250.045")
        .containsEntry("prepaid_credits_applied", "0.25");
  }

  @Test void computesRemainingAmountOfDraftsFlexpriceLeftUncomputed() {
    FlexpriceInvoiceList list = Fixtures.parse("search.json", FlexpriceInvoiceList.class);
    Invoice draft = FlexpriceMapper.invoice(list.items().get(0));

    assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(draft.number()).isNull();
    assertThat(draft.issuedAt()).isEqualTo(Instant.parse("2026-09-15T11:30:00.5Z")); // created_at
    assertThat(draft.amountDue().toPlainString()).isEqualTo("40.10");
    assertThat(draft.amountRemaining().toPlainString()).isEqualTo("40.10"); // not the "0" sent
    assertThat(draft.lines()).isEmpty();
  }

  @Test void mapsEveryStatusCombinationOfASearchPage() {
    FlexpriceInvoiceList list = Fixtures.parse("search.json", FlexpriceInvoiceList.class);
    List<String> statuses = list.items().stream()
        .map(FlexpriceMapper::invoice)
        .map(invoice -> invoice.vendorStatus() + "=" + invoice.status())
        .toList();

    assertThat(statuses).containsExactly(
        "DRAFT/PENDING=DRAFT",
        "FINALIZED/SUCCEEDED=PAID",
        "FINALIZED/PENDING=OPEN",
        "FINALIZED/FAILED=OPEN",
        "FINALIZED/OVERPAID=PAID",
        "FINALIZED/REFUNDED=PAID",
        "FINALIZED/PARTIALLY_REFUNDED=PAID",
        "VOIDED/VOIDED=VOID",
        "SKIPPED/PENDING=VOID",
        "ARCHIVED_IN_2027/PROCESSING=UNKNOWN");
    assertThat(list.pagination().total()).isEqualByComparingTo("57");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {
      "DRAFT, PENDING, DRAFT",
      "draft, null, DRAFT",
      "FINALIZED, SUCCEEDED, PAID",
      "FINALIZED, OVERPAID, PAID",
      "FINALIZED, REFUNDED, PAID",
      "FINALIZED, PARTIALLY_REFUNDED, PAID",
      "FINALIZED, PENDING, OPEN",
      "FINALIZED, INITIATED, OPEN",
      "FINALIZED, PROCESSING, OPEN",
      "FINALIZED, FAILED, OPEN",
      "FINALIZED, null, OPEN",
      "FINALIZED, SOMETHING_NEW, OPEN",
      "VOIDED, VOIDED, VOID",
      "SKIPPED, PENDING, VOID",
      "PAUSED, PENDING, UNKNOWN",
      "null, SUCCEEDED, UNKNOWN"})
  void mapsStatusPairs(String invoiceStatus, String paymentStatus, InvoiceStatus expected) {
    assertThat(FlexpriceMapper.status(invoiceStatus, paymentStatus)).isEqualTo(expected);
  }

  @Test void mapsAPreviewAsDraftWithRemainingDue() {
    Invoice preview = FlexpriceMapper.invoice(Fixtures.parse("preview.json", FlexpriceInvoice.class));

    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.number()).isNull();
    assertThat(preview.amountPaid().toPlainString()).isEqualTo("0.00");
    assertThat(preview.amountRemaining().toPlainString()).isEqualTo("129.50");
    assertThat(preview.lines()).extracting(InvoiceLine::description).containsExactly("API calls", "Pro plan");
    assertThat(preview.lines()).extracting(InvoiceLine::id).containsOnlyNulls();
  }

  @Test void zeroDecimalCurrencyKeepsItsScale() {
    FlexpriceInvoiceList list = Fixtures.parse("search.json", FlexpriceInvoiceList.class);
    Invoice yen = FlexpriceMapper.invoice(list.items().get(8));

    assertThat(yen.currency().getCurrencyCode()).isEqualTo("JPY");
    assertThat(yen.total().toPlainString()).isEqualTo("0");
  }

  @Test void missingRequiredFieldsAreMalformed() {
    String json = Fixtures.read("invoice.json");

    assertThatThrownBy(() -> FlexpriceMapper.invoice(parse(json.replace("\"total\": \"129.5\",", ""))))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("total");
    // Without an id the invoice gets a derived one (README, "Hostile answers").
    assertThat(FlexpriceMapper.invoice(parse(json.replace("\"id\": \"inv_01K2Z8Q4T7XW3M9R5D6B1C2E4F\",", ""))).id())
        .matches("derived-[0-9a-f]{24}");
    assertThatThrownBy(() -> FlexpriceMapper.invoice(parse(
            json.replace("\"currency\": \"usd\",", "\"currency\": \"usdollar\","))))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("usdollar");
    assertThatThrownBy(() -> FlexpriceMapper.invoice(parse(
            json.replace("\"display_name\": \"Pro plan\", \"amount\": \"100.00\",", "\"display_name\": \"Pro plan\","))))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("amount");
    assertThatThrownBy(() -> FlexpriceMapper.invoice(parse(
            json.replace("\"paid_at\": \"2026-08-01T06:12:09.482913Z\"", "\"paid_at\": \"yesterday\""))))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("yesterday");
  }

  @Test void keepsAPdfUrlThatIsNotAUriAsAnAttribute() {
    String json = Fixtures.read("invoice.json")
        .replace("https://files.flexprice.io/invoices/inv_01K2Z8Q4.pdf", "not a url");

    Invoice invoice = FlexpriceMapper.invoice(parse(json));

    assertThat(invoice.pdfUrl()).isNull();
    assertThat(invoice.attributes()).containsEntry("invoice_pdf_url", "not a url");
  }

  private static FlexpriceInvoice parse(String json) {
    return Fixtures.parseText(json, FlexpriceInvoice.class);
  }

  @Test void nullBodyIsMalformedWithoutJdkText() {
    // Regression: a JSON null body reached the user as "json == null".
    assertThatThrownBy(() -> FlexpriceMapper.invoice(null))
        .isInstanceOf(dev.invoicekit.MalformedResponseException.class)
        .hasMessage("flexprice: missing required field 'body'");
  }
}
