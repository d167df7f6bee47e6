package dev.invoicekit.cli;

import java.util.function.LongSupplier;

/**
 * Invoices so far and their rate, on the stderr {@link StatusLine}, redrawn at most five times a
 * second. Live only on a terminal and without {@code --quiet}; otherwise it counts silently.
 */
final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final StatusLine line;
  private final boolean live;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastDrawn;
  private long count;

  Progress(StatusLine line, boolean live, LongSupplier nanoTime) {
    this.line = line;
    this.live = live;
    this.nanoTime = nanoTime;
    this.start = live ? nanoTime.getAsLong() : 0L;
    this.lastDrawn = start;
  }

  /** Counts one more invoice. */
  void step() {
    count++;
    if (!live) return;
    long now = nanoTime.getAsLong();
    if (now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      line.show(count + " invoices, " + perSecond(count, now - start) + "/s");
    }
  }

  long count() {
    return count;
  }

  /** Erases the progress line, so that what follows on stderr starts clean. Idempotent. */
  void done() {
    if (live) line.erase();
  }

  /** Returns {@code count} per second over {@code elapsedNanos}, in whole numbers. */
  static long perSecond(long count, long elapsedNanos) {
    return elapsedNanos <= 0 ? 0 : count * NANOS_PER_SECOND / elapsedNanos;
  }
}
