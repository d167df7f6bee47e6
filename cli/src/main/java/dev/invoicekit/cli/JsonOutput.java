package dev.invoicekit.cli;

import dev.invoicekit.Invoice;
import java.io.PrintWriter;

/**
 * The {@code json} format: SPEC §5 canonical JSON. {@code list} streams one array, opened with
 * the first invoice, so a listing that fails before its first invoice prints nothing.
 */
final class JsonOutput {
  private JsonOutput() {}

  static InvoiceSink list(PrintWriter out) {
    return new InvoiceSink() {
      private JsonText text;

      @Override public void add(Invoice invoice) {
        open().write(json -> CanonicalJson.write(json, invoice));
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
