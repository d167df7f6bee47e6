package dev.invoicekit.cli;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;

/** Where {@code list} writes invoices as they stream, in one output format. Not thread-safe. */
interface InvoiceSink extends AutoCloseable {
  /** Adds an invoice read from the instance named like its provider. */
  default void add(Invoice invoice) {
    add(new InstanceInvoice(invoice.provider(), invoice));
  }

  /** Adds an invoice and the instance it was read from. */
  void add(InstanceInvoice invoice);

  /** Ends a complete listing: the JSON array's end, the table's totals. */
  void finish();

  /** Flushes what is buffered, complete or not: after a failure the rows so far still show. */
  @Override void close();

  /** Writes {@code invoice} alone through {@code sink}, as a complete listing, and closes it. */
  static void writeOne(InvoiceSink sink, Invoice invoice) {
    try (sink) {
      sink.add(invoice);
      sink.finish();
    }
  }
}
