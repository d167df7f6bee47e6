package dev.invoicekit.cli;

import dev.invoicekit.Invoice;

/** Where {@code list} writes invoices as they stream, in one output format. Not thread-safe. */
interface InvoiceSink extends AutoCloseable {
  void add(Invoice invoice);

  /** Ends a complete listing: the JSON array's end, the table's totals. */
  void finish();

  /** Flushes what is buffered, complete or not: after a failure the rows so far still show. */
  @Override void close();
}
