package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProgressTest {
  private final StringWriter err = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  @Test void liveProgressShowsCountAndRateThenErasesItself() {
    Progress progress = new Progress(new StatusLine(new PrintWriter(err)), true, nanos::get);
    for (int i = 0; i < 50; i++) {
      nanos.addAndGet(10_000_000L); // 10 ms an invoice: 100 a second
      progress.step();
    }
    assertThat(err.toString()).contains("\r20 invoices, 100/s").contains("\r40 invoices, 100/s");

    progress.done();
    assertThat(err.toString()).endsWith("\r");
    assertThat(progress.count()).isEqualTo(50);
  }

  @Test void silentProgressOnlyCounts() {
    Progress progress = new Progress(new StatusLine(new PrintWriter(err)), false, nanos::get);
    for (int i = 0; i < 5; i++) {
      nanos.addAndGet(1_000_000_000L);
      progress.step();
    }
    progress.done();

    assertThat(err.toString()).isEmpty();
    assertThat(progress.count()).isEqualTo(5);
  }

  @Test void dataWrittenToTheTerminalErasesTheProgressLineFirst() throws IOException {
    StatusLine line = new StatusLine(new PrintWriter(err));
    StringWriter out = new StringWriter();
    Writer data = line.erasingBefore(out);

    line.show("12 invoices, 3/s");
    data.write("row\n");
    assertThat(err.toString()).isEqualTo("\r12 invoices, 3/s\r" + " ".repeat(16) + "\r");
    assertThat(out.toString()).isEqualTo("row\n");

    data.write("next\n"); // nothing left to erase
    assertThat(err.toString()).hasSize(1 + 16 + 1 + 16 + 1);
  }

  @Test void rateIsWholeInvoicesPerSecond() {
    assertThat(Progress.perSecond(3, 2_000_000_000L)).isEqualTo(1);
    assertThat(Progress.perSecond(3, 0)).isZero();
  }
}
