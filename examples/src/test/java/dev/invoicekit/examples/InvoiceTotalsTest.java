package dev.invoicekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
final class InvoiceTotalsTest {
  static Stream<String> providerIds() {
    return InvoiceProviders.available().stream();
  }

  @ParameterizedTest @MethodSource("providerIds")
  void totalsPerCurrencyAreTheExactSumsOfEveryPage(String id) {
    try (Sandbox sandbox = Sandboxes.start(id, SandboxOptions.defaults());
        InvoiceProvider invoices = InvoiceProviders.fromProperties(properties(sandbox))) {
      Map<Currency, BigDecimal> totals = InvoiceTotals.byCurrency(invoices, InvoiceQuery.all());

      assertThat(totals).isNotEmpty().isEqualTo(sumOfPages(invoices, InvoiceQuery.all()));
      assertThat(totals.keySet()).extracting(Currency::getCurrencyCode).isSorted();
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void totalsHonourTheQuery(String id) {
    InvoiceQuery summer = InvoiceQuery.builder()
        .periodFrom(Instant.parse("2026-06-01T00:00:00Z"))
        .periodTo(Instant.parse("2026-09-01T00:00:00Z"))
        .build();
    try (Sandbox sandbox = Sandboxes.start(id, SandboxOptions.defaults());
        InvoiceProvider invoices = InvoiceProviders.fromProperties(properties(sandbox))) {
      Map<Currency, BigDecimal> all = InvoiceTotals.byCurrency(invoices, InvoiceQuery.all());
      Map<Currency, BigDecimal> some = InvoiceTotals.byCurrency(invoices, summer);

      assertThat(some).isNotEmpty().isNotEqualTo(all).isEqualTo(sumOfPages(invoices, summer));
    }
  }

  /** The provider named only by configuration, pointed at {@code sandbox}. */
  private static Properties properties(Sandbox sandbox) {
    Properties properties = new Properties();
    properties.setProperty(InvoiceProviders.PROVIDER_PROPERTY, sandbox.providerId());
    sandbox.providerSettings().forEach((key, value) ->
        properties.setProperty("invoicekit." + sandbox.providerId() + "." + key, value));
    return properties;
  }

  /** The totals summed page by page through {@code list}, not through {@code stream}. */
  private static Map<Currency, BigDecimal> sumOfPages(InvoiceProvider invoices, InvoiceQuery query) {
    Map<Currency, BigDecimal> sums = new HashMap<>();
    Page<Invoice> page = invoices.list(query);
    while (true) {
      for (Invoice invoice : page.items()) {
        sums.merge(invoice.currency(), invoice.total().amount(), BigDecimal::add);
      }
      if (page.nextPageToken().isEmpty()) return sums;
      page = invoices.list(query.toBuilder().pageToken(page.nextPageToken().get()).build());
    }
  }
}
