package dev.invoicekit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Rows of text in aligned columns, two spaces apart, right-aligned where asked (money, counts).
 *
 * <p>The first {@code bufferedRows} rows are held to size the columns; later rows print at once
 * and widen a column only when they must, so a long listing streams in bounded memory. Null cells
 * print as {@code -}.
 */
final class TextTable {
  private static final String GAP = "  ";

  private final PrintWriter out;
  private final String[] headers;
  private final boolean[] rightAligned;
  private final int bufferedRows;
  private final List<String[]> buffer = new ArrayList<>();
  private final boolean hasHeader;
  private boolean headerPrinted;
  private int[] widths;

  /** A table with a header row; {@code headers} null for a table without one. */
  TextTable(PrintWriter out, int bufferedRows, String... headers) {
    this.out = Objects.requireNonNull(out, "out == null");
    this.headers = headers;
    this.rightAligned = new boolean[headers.length];
    this.bufferedRows = bufferedRows;
    this.hasHeader = Arrays.stream(headers).anyMatch(Objects::nonNull);
  }

  /** Returns a table of two columns, names and values, without a header. */
  static TextTable keyValue(PrintWriter out) {
    return new TextTable(out, Integer.MAX_VALUE, new String[2]);
  }

  /** Right-aligns {@code columns} (zero-based). */
  TextTable rightAlign(int... columns) {
    for (int column : columns) rightAligned[column] = true;
    return this;
  }

  void row(String... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("expected " + headers.length + " cells, got " + cells.length);
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) row[i] = cells[i] == null ? "-" : cells[i];
    if (widths != null) {
      print(row);
    } else {
      buffer.add(row);
      if (buffer.size() >= bufferedRows) flush();
    }
  }

  /** Prints what is buffered (the header first, once) and fixes the column widths. */
  void flush() {
    if (widths == null) {
      widths = new int[headers.length];
      if (hasHeader) widen(headers);
      buffer.forEach(this::widen);
    }
    buffer.forEach(this::print);
    buffer.clear();
    out.flush();
  }

  private void widen(String[] row) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] != null) widths[i] = Math.max(widths[i], row[i].length());
    }
  }

  private void print(String[] row) {
    if (hasHeader && !headerPrinted) {
      headerPrinted = true;
      print(headers);
    }
    widen(row);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      String cell = row[i] == null ? "" : row[i];
      String padding = " ".repeat(widths[i] - cell.length());
      if (i > 0) line.append(GAP);
      line.append(rightAligned[i] ? padding + cell : cell + padding);
    }
    out.println(line.toString().stripTrailing());
  }
}
