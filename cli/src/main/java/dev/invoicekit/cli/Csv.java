package dev.invoicekit.cli;

import dev.invoicekit.focus.Rfc4180;
import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 rows ({@link Rfc4180}): CRLF line ends; fields with a comma, a quote or a line break quoted. */
final class Csv {
  private Csv() {}

  /** Prints one row; null fields print empty. */
  static void row(PrintWriter out, List<String> fields) {
    out.print(Rfc4180.row(fields));
  }

  static String field(String value) {
    return Rfc4180.field(value);
  }
}
