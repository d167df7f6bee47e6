package dev.invoicekit.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * The one stderr line that progress redraws in place. On a terminal stdout and stderr share the
 * screen, so data written through {@link #erasingBefore} first erases the line: a row never starts
 * after the progress text. Thread-safe.
 */
final class StatusLine {
  private final PrintWriter err;
  private int width;

  StatusLine(PrintWriter err) {
    this.err = Objects.requireNonNull(err, "err == null");
  }

  /** Replaces the line's text with {@code text}. */
  synchronized void show(String text) {
    err.print('\r' + text + " ".repeat(Math.max(0, width - text.length())));
    err.flush();
    width = text.length();
  }

  /** Erases the line, if shown, leaving the cursor at its start. */
  synchronized void erase() {
    if (width == 0) return;
    err.print('\r' + " ".repeat(width) + '\r');
    err.flush();
    width = 0;
  }

  /** Returns {@code out}, erasing this line before each write reaches it. */
  Writer erasingBefore(Writer out) {
    return new FilterWriter(out) {
      @Override public void write(int c) throws IOException {
        erase();
        super.write(c);
      }

      @Override public void write(char[] buffer, int offset, int length) throws IOException {
        erase();
        super.write(buffer, offset, length);
      }

      @Override public void write(String text, int offset, int length) throws IOException {
        erase();
        super.write(text, offset, length);
      }
    };
  }
}
