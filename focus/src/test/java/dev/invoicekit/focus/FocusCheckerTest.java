package dev.invoicekit.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Money;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The checker must fail what FOCUS forbids: each test breaks one rule in a good export. */
class FocusCheckerTest {
  private static final Map<String, BigDecimal> TOTALS = Map.of("fastly/INV-1", new BigDecimal("119.00"));

  /** A good export: a Usage row, a Tax row. */
  private static List<List<String>> good() {
    Invoice invoice = Invoice.builder("fastly", "INV-1").status(InvoiceStatus.OPEN)
        .currency(Currency.getInstance("USD"))
        .periodStart(Instant.parse("2026-09-01T00:00:00Z")).periodEnd(Instant.parse("2026-10-01T00:00:00Z"))
        .tax(Money.of("19.00", "USD"))
        .total(Money.of("119.00", "USD")).amountDue(Money.of("119.00", "USD"))
        .lines(List.of(InvoiceLine.builder("Bandwidth", Money.of("100.00", "USD"))
            .productGroup("Full Site Delivery").quantity(BigDecimal.TEN).unit("GB").build()))
        .build();
    StringWriter csv = new StringWriter();
    try (FocusCsvWriter writer = new FocusCsvWriter(csv)) {
      writer.write(FocusExport.defaults().rows(invoice));
    }
    List<List<String>> records = new ArrayList<>();
    for (List<String> record : CsvReader.parse(csv.toString())) records.add(new ArrayList<>(record));
    return records;
  }

  private static List<String> problems(UnaryOperator<List<List<String>>> breakIt) {
    List<List<String>> records = breakIt.apply(good());
    StringBuilder csv = new StringBuilder();
    for (List<String> record : records) csv.append(Rfc4180.row(record));
    return FocusChecker.check(csv.toString(), TOTALS);
  }

  private static UnaryOperator<List<List<String>>> set(int row, String column, String value) {
    return records -> {
      records.get(row).set(records.get(0).indexOf(column), value);
      return records;
    };
  }

  @Test void theGoodExportPasses() {
    assertThat(problems(records -> records)).isEmpty();
  }

  @Test void catchesAMissingMandatoryColumn() {
    assertThat(problems(records -> {
      int i = records.get(0).indexOf("PublisherName");
      records.forEach(record -> record.remove(i));
      return records;
    })).contains("ColumnHandling: Mandatory column PublisherName is missing");
  }

  @Test void catchesACustomColumnWithoutPrefix() {
    assertThat(problems(set(0, "x_Region", "Region")))
        .contains("ColumnHandling: custom column Region does not start with x_");
  }

  @Test void catchesNullsInNonNullableColumnsAndPlaceholders() {
    assertThat(problems(set(1, "ServiceName", ""))).contains("ServiceName: row 1: null");
    assertThat(problems(set(1, "BillingAccountName", "N/A")))
        .contains("NullHandling: row 1: BillingAccountName holds the placeholder 'N/A'");
    assertThat(problems(set(1, "ChargeDescription", "  ")))
        .contains("NullHandling: row 1: ChargeDescription is blank, not null");
  }

  @Test void catchesNumbersAndDatesInTheWrongFormat() {
    assertThat(problems(set(1, "ListCost", "1E+2"))).contains("NumericFormat: row 1: ListCost '1E+2'");
    assertThat(problems(set(1, "ListCost", "1,000.00"))).contains("NumericFormat: row 1: ListCost '1,000.00'");
    assertThat(problems(set(1, "EffectiveCost", "+100"))).contains("NumericFormat: row 1: EffectiveCost '+100'");
    assertThat(problems(set(1, "ChargePeriodStart", "2026-09-01T00:00:00.000Z")))
        .contains("DateTimeFormat: row 1: ChargePeriodStart '2026-09-01T00:00:00.000Z'");
    assertThat(problems(set(1, "BillingPeriodEnd", "2026-10-01T00:00:00+00:00")))
        .anyMatch(p -> p.startsWith("DateTimeFormat: row 1: BillingPeriodEnd"));
    assertThat(problems(set(1, "BillingCurrency", "usd"))).contains("CurrencyFormat: row 1: BillingCurrency 'usd'");
  }

  @Test void catchesValuesOutsideTheAllowedOnes() {
    assertThat(problems(set(1, "ChargeCategory", "usage")))
        .contains("ChargeCategory: row 1: 'usage' is not an allowed value");
    assertThat(problems(set(1, "ServiceCategory", "CDN")))
        .contains("ServiceCategory: row 1: 'CDN' is not an allowed value");
    assertThat(problems(set(1, "ServiceSubcategory", "Generative AI")))
        .contains("ServiceSubcategory: row 1: 'Generative AI' is not under Networking");
    assertThat(problems(set(1, "ChargeClass", "Refund")))
        .contains("ChargeClass: row 1: 'Refund' is neither null nor Correction");
    assertThat(problems(set(1, "ChargeFrequency", "Monthly")))
        .contains("ChargeFrequency: row 1: 'Monthly' is not an allowed value");
  }

  @Test void catchesTaxAndUsageRowRules() {
    assertThat(problems(records -> set(2, "PricingUnit", "Count").apply(set(2, "PricingQuantity", "1").apply(records))))
        .contains("Tax: row 2: PricingQuantity must be null on a Tax row");
    assertThat(problems(records -> set(1, "PricingUnit", "").apply(set(1, "PricingQuantity", "").apply(records))))
        .contains("Usage: row 1: PricingQuantity must not be null");
    assertThat(problems(set(1, "PricingUnit", ""))).contains("PricingUnit: row 1: null iff PricingQuantity is null");
  }

  @Test void catchesCreditAndPurchaseRules() {
    assertThat(problems(records -> set(2, "ChargeCategory", "Credit").apply(set(2, "ListCost", "20").apply(records))))
        .contains("Credit: row 2: ListCost must equal BilledCost");
    assertThat(problems(set(1, "ChargeCategory", "Purchase")))
        .contains("EffectiveCost: row 1: must be 0 on a Purchase row", "ChargeFrequency: row 1: Usage-Based on a Purchase");
  }

  @Test void catchesEmptyPeriodsAndThirdPartyCosts() {
    assertThat(problems(set(1, "ChargePeriodEnd", "2026-09-01T00:00:00Z")))
        .contains("ChargePeriodStart: row 1: 2026-09-01T00:00:00Z is not before ChargePeriodEnd 2026-09-01T00:00:00Z");
    assertThat(problems(set(1, "ProviderName", "Someone else")))
        .contains("BilledCost: row 1: ProviderName differs from InvoiceIssuerName on a row that costs money");
  }

  @Test void catchesTwoCategoriesForOneServiceName() {
    assertThat(problems(records -> set(2, "ServiceName", "Fastly Full Site Delivery")
        .apply(set(2, "ServiceCategory", "Other").apply(set(2, "ServiceSubcategory", "Other (Other)")
        .apply(records)))))
        .anyMatch(p -> p.startsWith("ServiceCategory: row 2: ServiceName 'Fastly Full Site Delivery' has categories"));
  }

  @Test void catchesAnInvoiceWhoseRowsDoNotSumToItsTotal() {
    assertThat(problems(set(2, "BilledCost", "18.99")))
        .contains("Reconciliation: invoice fastly/INV-1: BilledCost sums to 118.99, its total is 119.00");
  }

  @Test void catchesMalformedCsv() {
    assertThat(FocusChecker.check("BilledCost\n1\n", Map.of())).singleElement()
        .satisfies(p -> assertThat(p).startsWith("RFC 4180: LF without CR"));
  }
}
