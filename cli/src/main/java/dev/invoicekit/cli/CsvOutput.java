package dev.invoicekit.cli;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code csv} format: RFC 4180, a header row, then one row per invoice with the scalar
 * components of {@link Invoice} (not its lines or attributes), amounts as exact plain decimals.
 */
final class CsvOutput {
  static final List<String> HEADER = List.of(
      "provider", "id", "number", "customerId", "status", "vendorStatus", "currency",
      "periodStart", "periodEnd", "issuedAt", "dueAt", "paidAt", "subtotal", "tax", "discount",
      "total", "amountDue", "amountPaid", "amountRemaining", "pdfUrl", "description");

  static final List<String> INSTANCE_HEADER = instanceHeader();

  private CsvOutput() {}

  private static List<String> instanceHeader() {
    List<String> header = new ArrayList<>(HEADER);
    header.add(0, "instance");
    return List.copyOf(header);
  }

  /** Returns a listing whose header is printed with the first row, or at its end. */
  static InvoiceSink list(PrintWriter out) {
    return list(out, false);
  }

  /** With {@code instances}, an {@code instance} column comes first. */
  static InvoiceSink list(PrintWriter out, boolean instances) {
    return new InvoiceSink() {
      private boolean headerPrinted;

      @Override public void add(InstanceInvoice each) {
        header();
        List<String> fields = fields(each.invoice());
        if (instances) {
          fields = new ArrayList<>(fields);
          fields.add(0, each.instance());
        }
        Csv.row(out, fields);
      }

      @Override public void finish() {
        header();
      }

      private void header() {
        if (!headerPrinted) Csv.row(out, instances ? INSTANCE_HEADER : HEADER);
        headerPrinted = true;
      }

      @Override public void close() {
        out.flush();
      }
    };
  }

  static void single(PrintWriter out, Invoice invoice) {
    InvoiceSink.writeOne(list(out), invoice);
  }

  static List<String> fields(Invoice invoice) {
    return Arrays.asList(
        invoice.provider(), invoice.id(), invoice.number(), invoice.customerId(),
        invoice.status().name(), invoice.vendorStatus(), invoice.currency().getCurrencyCode(),
        Text.iso(invoice.periodStart()), Text.iso(invoice.periodEnd()), Text.iso(invoice.issuedAt()),
        Text.iso(invoice.dueAt()), Text.iso(invoice.paidAt()),
        Text.amount(invoice.subtotal()), Text.amount(invoice.tax()), Text.amount(invoice.discount()),
        Text.amount(invoice.total()), Text.amount(invoice.amountDue()),
        Text.amount(invoice.amountPaid()), Text.amount(invoice.amountRemaining()),
        invoice.pdfUrl() == null ? null : invoice.pdfUrl().toString(), invoice.description());
  }
}
