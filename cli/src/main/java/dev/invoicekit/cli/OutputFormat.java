package dev.invoicekit.cli;

import dev.invoicekit.Invoice;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** The values of {@code --format}. */
enum OutputFormat {
  /** Aligned columns for people, with totals per currency. */
  TABLE {
    @Override InvoiceSink list(PrintWriter out, boolean instances) { return TableOutput.list(out, instances); }
    @Override void single(PrintWriter out, Invoice invoice) { TableOutput.single(out, invoice); }
  },
  /** SPEC §5 canonical JSON. */
  JSON {
    @Override InvoiceSink list(PrintWriter out, boolean instances) { return JsonOutput.list(out, instances); }
    @Override void single(PrintWriter out, Invoice invoice) { JsonOutput.single(out, invoice); }
  },
  /** RFC 4180 CSV, one row per invoice. */
  CSV {
    @Override InvoiceSink list(PrintWriter out, boolean instances) { return CsvOutput.list(out, instances); }
    @Override void single(PrintWriter out, Invoice invoice) { CsvOutput.single(out, invoice); }
  },
  /** FOCUS 1.2 Cost and Usage CSV: rows per invoice that sum to its total (SPEC §9). */
  FOCUS {
    @Override InvoiceSink list(PrintWriter out, boolean instances) { return FocusOutput.list(out); }
    @Override void single(PrintWriter out, Invoice invoice) { FocusOutput.single(out, invoice); }
  };

  /** The values as users type them, lower case, for shell completion and help. */
  static final class Names implements Iterable<String> {
    @Override public Iterator<String> iterator() {
      return Arrays.stream(values()).map(value -> value.name().toLowerCase(Locale.ROOT)).iterator();
    }
  }

  /** Returns where a listing is written, as invoices stream, without instance names. */
  final InvoiceSink list(PrintWriter out) {
    return list(out, false);
  }

  /**
   * Returns where a listing is written, as invoices stream; with {@code instances}, each invoice's
   * instance is shown too (a column, a key), as several instances are listed.
   */
  abstract InvoiceSink list(PrintWriter out, boolean instances);

  /** Writes one invoice, with its lines where the format has room for them. */
  abstract void single(PrintWriter out, Invoice invoice);
}
