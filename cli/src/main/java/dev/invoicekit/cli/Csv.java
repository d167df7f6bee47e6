package dev.invoicekit.cli;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 rows: CRLF line ends; fields with a comma, a quote or a line break quoted, quotes doubled. */
final class Csv {
  private Csv() {}

  /** Prints one row; null fields print empty. */
  static void row(PrintWriter out, List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) line.append(',');
      line.append(field(fields.get(i)));
    }
    out.print(line.append("\r\n"));
  }

  static String field(String value) {
    if (value == null) return "";
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
