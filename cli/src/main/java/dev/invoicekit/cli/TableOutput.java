package dev.invoicekit.cli;

import dev.invoicekit.CurrencyTotals;
import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The {@code table} format: aligned columns for people, money right-aligned, totals per currency. */
final class TableOutput {
  /** Rows held to size the columns before a long listing starts streaming. */
  static final int SIZING_ROWS = 1000;
  private static final int TOTAL_COLUMN = 5;

  private TableOutput() {}

  static InvoiceSink list(PrintWriter out) {
    return list(out, false);
  }

  /** With {@code instances}, an INSTANCE column comes first; totals are per currency across all. */
  static InvoiceSink list(PrintWriter out, boolean instances) {
    List<String> header = new ArrayList<>(
        List.of("PROVIDER", "ID", "NUMBER", "STATUS", "PERIOD", "TOTAL", "CURRENCY"));
    if (instances) header.add(0, "INSTANCE");
    int shift = instances ? 1 : 0;
    TextTable table = new TextTable(out, SIZING_ROWS, header.toArray(new String[0]))
        .rightAlign(TOTAL_COLUMN + shift);
    CurrencyTotals totals = new CurrencyTotals();
    return new InvoiceSink() {
      @Override public void add(InstanceInvoice each) {
        Invoice invoice = each.invoice();
        totals.add(invoice.total());
        List<String> row = new ArrayList<>(Arrays.asList(invoice.provider(), invoice.id(),
            invoice.number(), invoice.status().name(),
            Text.period(invoice.periodStart(), invoice.periodEnd()), Text.amount(invoice.total()),
            invoice.currency().getCurrencyCode()));
        if (instances) row.add(0, each.instance());
        table.row(row.toArray(new String[0]));
      }

      @Override public void finish() {
        for (CurrencyTotals.Entry entry : totals.entries().values()) {
          List<String> row = new ArrayList<>(List.of("total", invoices(entry.count()), "", "", "",
              Text.amount(entry.total()), entry.currency().getCurrencyCode()));
          if (instances) row.add(1, "");
          table.row(row.toArray(new String[0]));
        }
      }

      @Override public void close() {
        table.flush();
      }
    };
  }

  /** One invoice: its fields, one a line, then its lines. */
  static void single(PrintWriter out, Invoice invoice) {
    TextTable fields = TextTable.keyValue(out);
    String currency = " " + invoice.currency().getCurrencyCode();
    fields.row("provider", invoice.provider());
    fields.row("id", invoice.id());
    optional(fields, "number", invoice.number());
    optional(fields, "customer", invoice.customerId());
    fields.row("status", invoice.status().name()
        + (invoice.vendorStatus() == null ? "" : " (" + invoice.vendorStatus() + ")"));
    optional(fields, "period", Text.period(invoice.periodStart(), invoice.periodEnd()));
    optional(fields, "issued", Text.instant(invoice.issuedAt()));
    optional(fields, "due", Text.instant(invoice.dueAt()));
    optional(fields, "paid", Text.instant(invoice.paidAt()));
    optional(fields, "subtotal", money(Text.amount(invoice.subtotal()), currency));
    optional(fields, "tax", money(Text.amount(invoice.tax()), currency));
    optional(fields, "discount", money(Text.amount(invoice.discount()), currency));
    fields.row("total", Text.amount(invoice.total()) + currency);
    fields.row("amount due", Text.amount(invoice.amountDue()) + currency);
    optional(fields, "amount paid", money(Text.amount(invoice.amountPaid()), currency));
    optional(fields, "remaining", money(Text.amount(invoice.amountRemaining()), currency));
    optional(fields, "pdf", invoice.pdfUrl() == null ? null : invoice.pdfUrl().toString());
    optional(fields, "description", invoice.description());
    optional(fields, "attributes", invoice.attributes().isEmpty() ? null
        : new TreeMap<>(invoice.attributes()).entrySet().stream()
            .map(Map.Entry::toString).collect(Collectors.joining(", ")));
    optional(fields, "lines", invoice.lines().isEmpty() ? "none" : null);
    fields.flush();
    if (invoice.lines().isEmpty()) return;

    out.println();
    TextTable lines = new TextTable(out, Integer.MAX_VALUE,
        "DESCRIPTION", "PRODUCT", "REGION", "QUANTITY", "UNIT", "UNIT PRICE", "AMOUNT", "DISCOUNT")
        .rightAlign(3, 5, 6, 7);
    for (InvoiceLine line : invoice.lines()) {
      lines.row(line.description(), line.product(), line.region(), Text.decimal(line.quantity()),
          line.unit(), Text.decimal(line.unitPrice()), Text.amount(line.amount()),
          Text.amount(line.discount()));
    }
    lines.flush();
  }

  private static void optional(TextTable fields, String name, String value) {
    if (value != null) fields.row(name, Text.oneLine(value));
  }

  private static String money(String amount, String currency) {
    return amount == null ? null : amount + currency;
  }

  static String invoices(long count) {
    return count + (count == 1 ? " invoice" : " invoices");
  }
}
