package dev.invoicekit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A plain-Java host application: no framework, one provider from a properties file, and the
 * invoice totals per currency.
 *
 * <pre>{@code
 * Properties properties = new Properties();      // invoicekit.provider=fastly
 * properties.load(reader);                       // invoicekit.fastly.api-token=...
 * try (InvoiceProvider invoices = InvoiceProviders.fromProperties(properties)) {
 *   Map<Currency, BigDecimal> totals = InvoiceTotals.byCurrency(invoices, InvoiceQuery.all());
 * }
 * }</pre>
 */
public final class InvoiceTotals {
  private InvoiceTotals() {}

  /**
   * Returns the sum of the totals of the invoices {@code query} selects, per currency, sorted by
   * currency code. Exact: money is {@link BigDecimal} throughout.
   */
  public static Map<Currency, BigDecimal> byCurrency(InvoiceProvider invoices, InvoiceQuery query) {
    Objects.requireNonNull(invoices, "invoices == null");
    Objects.requireNonNull(query, "query == null");
    Map<Currency, BigDecimal> totals = new TreeMap<>(
        (a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
    try (Stream<Invoice> stream = invoices.stream(query)) { // closing it stops any prefetch
      stream.forEach(invoice ->
          totals.merge(invoice.currency(), invoice.total().amount(), BigDecimal::add));
    }
    return totals;
  }

  /** Prints the totals per currency of every invoice of the provider configured in file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) throw new IllegalArgumentException("usage: InvoiceTotals FILE.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), UTF_8)) {
      properties.load(reader);
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8));
    try (InvoiceProvider invoices = InvoiceProviders.fromProperties(properties)) {
      byCurrency(invoices, InvoiceQuery.all()).forEach((currency, total) ->
          out.println(currency.getCurrencyCode() + " " + total.toPlainString()));
    }
    out.flush();
  }
}
