package dev.invoicekit.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Money;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FocusExportTest {
  private static final Instant SEP = Instant.parse("2026-09-01T00:00:00Z");
  private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");

  private static Invoice.Builder invoice(String provider, String id, String currency, String total) {
    return Invoice.builder(provider, id).status(InvoiceStatus.OPEN)
        .currency(Currency.getInstance(currency))
        .periodStart(SEP).periodEnd(OCT)
        .total(Money.of(total, currency)).amountDue(Money.of(total, currency));
  }

  private static InvoiceLine.Builder line(String description, String amount, String currency) {
    return InvoiceLine.builder(description, Money.of(amount, currency));
  }

  /** Exports {@code invoices}, checks every FOCUS rule and the reconciliation, returns the rows. */
  private static List<FocusRow> exportAndCheck(FocusExport export, Invoice... invoices) {
    StringWriter csv = new StringWriter();
    Map<String, BigDecimal> totals = new java.util.LinkedHashMap<>();
    List<FocusRow> all = new java.util.ArrayList<>();
    try (FocusCsvWriter writer = new FocusCsvWriter(csv)) {
      for (Invoice invoice : invoices) {
        List<FocusRow> rows = export.rows(invoice);
        writer.write(rows);
        all.addAll(rows);
        totals.put(invoice.provider() + "/" + invoice.id(), invoice.total().amount());
      }
    }
    assertThat(FocusChecker.check(csv.toString(), totals)).isEmpty();
    return all;
  }

  private static List<FocusRow> exportAndCheck(Invoice... invoices) {
    return exportAndCheck(FocusExport.defaults(), invoices);
  }

  private static List<String> column(List<FocusRow> rows, String column) {
    return rows.stream().map(row -> row.get(column)).collect(Collectors.toList());
  }

  @Test void linesBecomeUsageRowsWithQuantitiesUnitsAndUnitPrices() {
    Invoice invoice = invoice("fastly", "INV-1", "USD", "7586.68")
        .customerId("cust_0001").number("INV-1")
        .lines(List.of(
            line("Bandwidth South America", "7542.49", "USD").productGroup("Full Site Delivery")
                .quantity(new BigDecimal("47140.571")).unit("GB").unitPrice(new BigDecimal("0.16"))
                .region("South America").build(),
            line("Image Optimization", "44.19", "USD").productGroup("Images")
                .quantity(new BigDecimal("88384")).unit("images").unitPrice(new BigDecimal("0.0005"))
                .build()))
        .build();
    List<FocusRow> rows = exportAndCheck(invoice);
    assertThat(rows).hasSize(2);
    FocusRow bandwidth = rows.get(0);
    assertThat(bandwidth.asMap()).containsEntry("ChargeCategory", "Usage")
        .containsEntry("BilledCost", "7542.49")
        .containsEntry("ListCost", "7542.49")
        .containsEntry("EffectiveCost", "7542.49")
        .containsEntry("PricingQuantity", "47140.571")
        .containsEntry("PricingUnit", "GB")
        .containsEntry("x_UnitPrice", "0.16")
        .containsEntry("x_Region", "South America")
        .containsEntry("ServiceName", "Fastly Full Site Delivery")
        .containsEntry("ServiceCategory", "Networking")
        .containsEntry("ServiceSubcategory", "Content Delivery")
        .containsEntry("ProviderName", "Fastly")
        .containsEntry("InvoiceIssuerName", "Fastly")
        .containsEntry("PublisherName", "Fastly")
        .containsEntry("BillingAccountId", "cust_0001")
        .containsEntry("BillingAccountName", null)
        .containsEntry("InvoiceId", "INV-1")
        .containsEntry("x_InvoiceNumber", "INV-1")
        .containsEntry("BillingPeriodStart", "2026-09-01T00:00:00Z")
        .containsEntry("BillingPeriodEnd", "2026-10-01T00:00:00Z")
        .containsEntry("ChargePeriodStart", "2026-09-01T00:00:00Z")
        .containsEntry("ChargeFrequency", "Usage-Based")
        .containsEntry("ChargeClass", null);
    assertThat(rows.get(1).asMap()).containsEntry("PricingUnit", "Images")
        .containsEntry("ServiceName", "Fastly Images").containsEntry("ServiceCategory", "Media");
  }

  @Test void taxDiscountsAndTheUnexplainedRemainderGetTheirOwnRows() {
    Invoice invoice = invoice("flexprice", "inv_1", "EUR", "112.00")
        .subtotal(Money.of("100.00", "EUR")).tax(Money.of("19.00", "EUR"))
        .discount(Money.of("10.00", "EUR"))
        .lines(List.of(line("Requests Asia", "100.00", "EUR").build()))
        .build(); // 100 − 10 + 19 = 109: the vendor's total holds 3.00 more
    List<FocusRow> rows = exportAndCheck(invoice);
    assertThat(column(rows, "ChargeCategory")).containsExactly("Usage", "Credit", "Tax", "Adjustment");
    assertThat(column(rows, "BilledCost")).containsExactly("100.00", "-10.00", "19.00", "3.00");
    FocusRow tax = rows.get(2);
    assertThat(tax.get("PricingQuantity")).isNull();
    assertThat(tax.get("PricingUnit")).isNull();
    assertThat(tax.get("ChargeFrequency")).isEqualTo("One-Time");
    assertThat(tax.get("ServiceName")).isEqualTo("Flexprice");
    assertThat(tax.get("ServiceCategory")).isEqualTo("Other");
    // A line without quantity or unit is priced as 1 Count.
    assertThat(rows.get(0).get("PricingQuantity")).isEqualTo("1");
    assertThat(rows.get(0).get("PricingUnit")).isEqualTo("Count");
  }

  @Test void lineDiscountsThatMakeTheInvoiceDiscountAreCreditedPerLine() {
    Invoice invoice = invoice("cloudflare", "in_1", "USD", "85.00")
        .subtotal(Money.of("100.00", "USD")).discount(Money.of("15.00", "USD"))
        .lines(List.of(
            line("openai/gpt-5 tokens", "60.00", "USD").productGroup("AI Gateway")
                .discount(Money.of("10.00", "USD")).build(),
            line("Workers AI", "40.00", "USD").productGroup("Workers AI")
                .discount(Money.of("5.00", "USD")).build()))
        .build();
    List<FocusRow> rows = exportAndCheck(invoice);
    assertThat(column(rows, "ChargeCategory")).containsExactly("Usage", "Usage", "Credit", "Credit");
    assertThat(column(rows, "BilledCost")).containsExactly("60.00", "40.00", "-10.00", "-5.00");
    assertThat(rows.get(2).get("ChargeDescription")).isEqualTo("Discount: openai/gpt-5 tokens");
    assertThat(rows.get(2).get("ServiceName")).isEqualTo("Cloudflare AI Gateway");
    assertThat(rows.get(2).get("ServiceCategory")).isEqualTo("AI and Machine Learning");
  }

  @Test void yenHasNoDecimalsAndKuwaitiDinarThree() {
    Invoice yen = invoice("fastly", "JPY-1", "JPY", "1001")
        .lines(List.of(line("Requests Asia", "1000", "JPY").quantity(new BigDecimal("12")).unit("10k requests")
            .build(), line("TLS certificate", "1", "JPY").productGroup("TLS").build()))
        .build();
    Invoice dinar = invoice("fastly", "KWD-1", "KWD", "10.125")
        .tax(Money.of("0.125", "KWD"))
        .lines(List.of(line("Bandwidth Europe", "10", "KWD").build()))
        .build();
    List<FocusRow> rows = exportAndCheck(yen, dinar);
    assertThat(column(rows, "BilledCost")).containsExactly("1000", "1", "10.000", "0.125");
    assertThat(column(rows, "BillingCurrency")).containsExactly("JPY", "JPY", "KWD", "KWD");
    assertThat(rows.get(0).get("PricingUnit")).isEqualTo("10000 Requests");
    assertThat(rows.get(1).get("ServiceCategory")).isEqualTo("Networking");
    assertThat(rows.get(1).get("ServiceSubcategory")).isEqualTo("Network Security");
  }

  @Test void negativeLinesAreCreditRows() {
    Invoice invoice = invoice("fastly", "INV-2", "USD", "70.00")
        .lines(List.of(
            line("Bandwidth Europe", "100.00", "USD").quantity(BigDecimal.TEN).unit("GB").build(),
            line("Promotional credit", "-30.00", "USD").quantity(BigDecimal.ONE).unit("credits").build()))
        .build();
    List<FocusRow> rows = exportAndCheck(invoice);
    assertThat(column(rows, "ChargeCategory")).containsExactly("Usage", "Credit");
    assertThat(rows.get(1).get("BilledCost")).isEqualTo("-30.00");
    assertThat(rows.get(1).get("PricingQuantity")).isNull();
    assertThat(rows.get(1).get("PricingUnit")).isNull();
    assertThat(rows.get(1).get("EffectiveCost")).isEqualTo("-30.00");
  }

  @Test void anInvoiceWithoutLinesIsOneRowOfItsTotal() {
    Invoice history = Invoice.builder("cloudflare", "in_9").status(InvoiceStatus.PAID)
        .currency(Currency.getInstance("USD"))
        .issuedAt(Instant.parse("2026-10-01T05:58:12.123456Z"))
        .total(Money.of("8341.52", "USD")).amountDue(Money.of("8341.52", "USD"))
        .description("Usage for September 2026")
        .build();
    FocusExport export = FocusExport.builder().billingAccountId("cloudflare", "acct-1").build();
    List<FocusRow> rows = exportAndCheck(export, history);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).asMap())
        .containsEntry("ChargeCategory", "Usage")
        .containsEntry("BilledCost", "8341.52")
        .containsEntry("PricingQuantity", "1")
        .containsEntry("PricingUnit", "Count")
        .containsEntry("ChargeDescription", "Usage for September 2026")
        .containsEntry("BillingAccountId", "acct-1") // no customer id: the configured account
        .containsEntry("BillingPeriodStart", "2026-10-01T00:00:00Z") // the month of issue
        .containsEntry("BillingPeriodEnd", "2026-11-01T00:00:00Z")
        .containsEntry("ServiceName", "Cloudflare AI Gateway");
  }

  @Test void linesThatDoNotAddUpLeaveAnAdjustmentNeverAMismatch() {
    Invoice invoice = invoice("fastly", "INV-3", "USD", "99.99")
        .lines(List.of(line("Bandwidth Europe", "50.00", "USD").build(),
            line("Requests Europe", "50.00", "USD").build()))
        .build();
    List<FocusRow> rows = exportAndCheck(invoice);
    assertThat(column(rows, "ChargeCategory")).containsExactly("Usage", "Usage", "Adjustment");
    assertThat(rows.get(2).billedCost()).isEqualByComparingTo("-0.01");
    assertThat(rows.get(2).get("PricingQuantity")).isNull();
  }

  @Test void linePeriodsAreTheChargePeriodInWholeSeconds() {
    Invoice invoice = invoice("flexprice", "inv_2", "USD", "5.00")
        .lines(List.of(line("Bandwidth Europe", "5.00", "USD")
            .periodStart(Instant.parse("2026-09-10T12:30:45.999Z"))
            .periodEnd(Instant.parse("2026-09-20T00:00:00.5Z")).build()))
        .build();
    FocusRow row = exportAndCheck(invoice).get(0);
    assertThat(row.get("ChargePeriodStart")).isEqualTo("2026-09-10T12:30:45Z");
    assertThat(row.get("ChargePeriodEnd")).isEqualTo("2026-09-20T00:00:00Z");
    assertThat(row.get("BillingPeriodStart")).isEqualTo("2026-09-01T00:00:00Z");
  }

  @Test void csvQuotesCommasQuotesAndLineBreaksAndWritesNullsEmpty() {
    Invoice invoice = invoice("fastly", "INV-4", "USD", "1.00")
        .attribute("note", "say \"hi\"")
        .lines(List.of(line("Support, \"premium\"\nplan", "1.00", "USD").build()))
        .build();
    StringWriter csv = new StringWriter();
    try (FocusCsvWriter writer = new FocusCsvWriter(csv)) {
      writer.write(FocusExport.defaults().rows(invoice));
    }
    String text = csv.toString();
    assertThat(text).startsWith(String.join(",", FocusRow.COLUMNS) + "\r\n");
    assertThat(text).contains(",\"Support, \"\"premium\"\"\nplan\",");
    assertThat(text).contains("\"{\"\"note\"\":\"\"say \\\"\"hi\\\"\"\"\"}\"");
    assertThat(text).endsWith("\r\n");
    List<List<String>> parsed = CsvReader.parse(text);
    assertThat(parsed).hasSize(2);
    assertThat(parsed.get(1).get(FocusRow.COLUMNS.indexOf("BillingAccountName"))).isEmpty();
    assertThat(FocusChecker.check(text, Map.of("fastly/INV-4", new BigDecimal("1.00")))).isEmpty();
  }

  @Test void anEmptyExportIsTheHeaderAlone() {
    StringWriter csv = new StringWriter();
    new FocusCsvWriter(csv).close();
    assertThat(csv.toString()).isEqualTo(String.join(",", FocusRow.COLUMNS) + "\r\n");
    assertThat(FocusChecker.check(csv.toString(), Map.of())).isEmpty();
  }

  @Test void numbersArePlainDecimalsNeverExponents() {
    Invoice invoice = invoice("fastly", "INV-5", "USD", "1000")
        .lines(List.of(line("Bandwidth Europe", "1E+3", "USD").quantity(new BigDecimal("1E+7")).unit("GB")
            .unitPrice(new BigDecimal("1E-4")).build()))
        .build();
    FocusRow row = exportAndCheck(invoice).get(0);
    assertThat(row.get("BilledCost")).isEqualTo("1000.00");
    assertThat(row.get("PricingQuantity")).isEqualTo("10000000");
    assertThat(row.get("x_UnitPrice")).isEqualTo("0.0001");
  }

  @Test void theIssuerNameMayBeConfiguredForABillingPlatform() {
    Invoice invoice = invoice("flexprice", "inv_3", "USD", "5.00").build();
    FocusRow row = exportAndCheck(FocusExport.builder().issuerName("flexprice", "Acme Corp").build(),
        invoice).get(0);
    assertThat(row.get("InvoiceIssuerName")).isEqualTo("Acme Corp");
    assertThat(row.get("ProviderName")).isEqualTo("Acme Corp");
  }

  @Test void anUnknownVendorIsExportedUnderItsIdInOther() {
    Invoice invoice = invoice("acme", "A-1", "USD", "5.00").build();
    FocusRow row = exportAndCheck(invoice).get(0);
    assertThat(row.get("ProviderName")).isEqualTo("acme");
    assertThat(row.get("ServiceName")).isEqualTo("acme");
    assertThat(row.get("ServiceCategory")).isEqualTo("Other");
    assertThat(row.get("ServiceSubcategory")).isEqualTo("Other (Other)");
  }

  @Test void anInvoiceWithNeitherPeriodNorIssueDateFailsNamingIt() {
    Invoice invoice = Invoice.builder("fastly", "INV-6").status(InvoiceStatus.DRAFT)
        .currency(Currency.getInstance("USD"))
        .total(Money.of("1", "USD")).amountDue(Money.of("1", "USD")).build();
    assertThatThrownBy(() -> FocusExport.defaults().rows(invoice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fastly invoice INV-6 has neither a period nor an issue date: FOCUS needs a billing period");
  }

  @Test void unitsFollowUnitFormat() {
    assertThat(Units.format("images")).isEqualTo("Images");
    assertThat(Units.format("tokens")).isEqualTo("Tokens");
    assertThat(Units.format("GB")).isEqualTo("GB");
    assertThat(Units.format("month")).isEqualTo("Months");
    assertThat(Units.format("10k requests")).isEqualTo("10000 Requests");
    assertThat(Units.format(" ")).isNull();
  }
}
