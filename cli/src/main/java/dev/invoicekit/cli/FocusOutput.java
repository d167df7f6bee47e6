package dev.invoicekit.cli;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import dev.invoicekit.focus.FocusCsvWriter;
import dev.invoicekit.focus.FocusExport;
import java.io.PrintWriter;

/**
 * The {@code focus} format: the FOCUS 1.2 Cost and Usage dataset as CSV ({@link FocusExport}),
 * the header first, then every invoice's rows, which sum to its total.
 */
final class FocusOutput {
  private FocusOutput() {}

  static InvoiceSink list(PrintWriter out) {
    FocusCsvWriter writer = new FocusCsvWriter(out);
    FocusExport export = FocusExport.defaults();
    return new InvoiceSink() {
      @Override public void add(InstanceInvoice each) {
        writer.write(export.rows(each));
      }

      @Override public void finish() {
        writer.header();
      }

      @Override public void close() {
        out.flush();
      }
    };
  }

  static void single(PrintWriter out, Invoice invoice) {
    InvoiceSink.writeOne(list(out), invoice);
  }
}
