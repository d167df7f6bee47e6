package dev.invoicekit.focus;

import dev.invoicekit.InstanceInvoice;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes FOCUS rows as RFC 4180 CSV: the header of {@link FocusRow#COLUMNS} first (also when
 * there is no row), then one line per row; numbers as plain decimals, nulls as empty fields.
 * Not thread-safe.
 */
public final class FocusCsvWriter implements AutoCloseable {
  private final Appendable out;
  private boolean headerWritten;
  private long rows;

  public FocusCsvWriter(Appendable out) {
    this.out = Objects.requireNonNull(out, "out == null");
  }

  /** Writes the header, once, if it is not written yet. */
  public FocusCsvWriter header() {
    if (!headerWritten) Rfc4180.row(out, FocusRow.COLUMNS);
    headerWritten = true;
    return this;
  }

  /** Writes {@code row}, after the header. */
  public FocusCsvWriter write(FocusRow row) {
    Objects.requireNonNull(row, "row == null");
    header();
    Rfc4180.row(out, row.values());
    rows++;
    return this;
  }

  /** Writes every row of {@code rows}. */
  public FocusCsvWriter write(List<FocusRow> rows) {
    rows.forEach(this::write);
    return this;
  }

  /**
   * Writes the rows {@code export} makes of every invoice of {@code invoices}, which it consumes
   * and closes, and returns how many invoices there were.
   */
  public long writeAll(Stream<InstanceInvoice> invoices, FocusExport export) {
    Objects.requireNonNull(invoices, "invoices == null");
    Objects.requireNonNull(export, "export == null");
    header();
    long[] count = {0};
    try (invoices) {
      invoices.forEachOrdered(invoice -> {
        write(export.rows(invoice));
        count[0]++;
      });
    }
    return count[0];
  }

  /** The number of rows written, the header not counted. */
  public long rowCount() {
    return rows;
  }

  /** Writes the header if no row came, and flushes {@code out} if it can be flushed. */
  @Override public void close() {
    header();
    if (out instanceof Flushable) {
      try {
        ((Flushable) out).flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
