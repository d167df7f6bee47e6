package dev.invoicekit.cli;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import java.io.PrintWriter;

/**
 * The {@code json} format: SPEC §5 canonical JSON. {@code list} streams one array, opened with
 * the first invoice, so a listing that fails before its first invoice prints nothing.
 */
final class JsonOutput {
  private JsonOutput() {}

  static InvoiceSink list(PrintWriter out) {
    return list(out, false);
  }

  /** With {@code instances}, each object starts with an {@code "instance"} key. */
  static InvoiceSink list(PrintWriter out, boolean instances) {
    return new InvoiceSink() {
      private JsonText text;

      @Override public void add(InstanceInvoice each) {
        open().write(json -> CanonicalJson.write(json, each.invoice(), instances ? each.instance() : null));
      }

      @Override public void finish() {
        open().write(json -> json.endArray()).end();
      }

      @Override public void close() {
        out.flush();
      }

      private JsonText open() {
        if (text == null) text = new JsonText(out).write(json -> json.beginArray());
        return text;
      }
    };
  }

  static void single(PrintWriter out, Invoice invoice) {
    new JsonText(out).write(json -> CanonicalJson.write(json, invoice)).end();
  }
}
