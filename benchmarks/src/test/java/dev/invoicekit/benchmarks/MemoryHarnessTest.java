package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
final class MemoryHarnessTest {
  @Test void clientJvmUnder64MiBStreamsEveryInvoiceAndReportsItsHeap() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    List<MemoryHarness.Result> results = MemoryHarness.run(List.of("flexprice"), 2_000, "64m",
        new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(results).singleElement().satisfies(result -> {
      assertThat(result.provider()).isEqualTo("flexprice");
      assertThat(result.invoices()).isEqualTo(2_000);
      assertThat(result.peakUsed()).isPositive().isLessThanOrEqualTo(64L * 1024 * 1024);
      assertThat(result.live100()).isPositive().isLessThanOrEqualTo(result.peakUsed());
      assertThat(result.collections()).as("three full collections at least").isGreaterThanOrEqualTo(3);
    });
    assertThat(MemoryHarness.report(results))
        .contains("| flexprice | 2,000    | -Xmx64m    | yes");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("flexprice: done in");
  }

  @Test void parsesTheProbeLine() {
    MemoryHarness.Result result = MemoryHarness.parse("memory-probe provider=fastly invoices=10 "
        + "peakUsed=2048 live10=100 live50=200 live100=300 collections=4 elapsedMillis=12 "
        + "maxHeap=67108864 collectors=G1_Young_Generation,G1_Old_Generation", "64m");
    assertThat(result).isEqualTo(new MemoryHarness.Result("fastly", 10, "64m", 2048, 100, 200, 300,
        4, 12, "G1_Young_Generation,G1_Old_Generation"));
  }
}
