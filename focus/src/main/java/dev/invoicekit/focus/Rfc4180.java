package dev.invoicekit.focus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * RFC 4180 CSV: rows end in CRLF; a field holding a comma, a quote or a line break is quoted, its
 * quotes doubled; a null field is empty. Shared by the FOCUS writer and the command line's
 * {@code csv} format.
 */
public final class Rfc4180 {
  private Rfc4180() {}

  /** Returns {@code value} as one CSV field; null becomes the empty field. */
  public static String field(String value) {
    if (value == null) return "";
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** Returns {@code fields} as one CSV row, CRLF included. */
  public static String row(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) line.append(',');
      line.append(field(fields.get(i)));
    }
    return line.append("\r\n").toString();
  }

  /** Appends {@code fields} as one CSV row to {@code out}. */
  public static void row(Appendable out, List<String> fields) {
    try {
      out.append(row(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
