package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
final class ReportTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @TempDir Path dir;

  @Test void quickRunPrintsTheMachineTargetsAndEverySectionAsked() throws IOException {
    Files.write(dir.resolve("okhttp-jvm.jar"), new byte[1024]);
    Args args = new Args(new String[] {"--quick", "--sections", "listing,footprint",
        "--providers", "fastly", "--footprint", "fastly=" + dir}, Report.defaults());

    String report = Report.run(args, QUIET);

    assertThat(report)
        .startsWith("# InvoiceKit benchmark report (QUICK SMOKE RUN: numbers mean nothing)")
        .contains("Machine: " + Runtime.getRuntime().availableProcessors() + " cores")
        .contains("## Targets", "listing fastly, default (4)", "footprint api + http + fastly")
        .contains("## Listing against latency", "## Footprint")
        .doesNotContain("## Memory", "## Start-up");
  }

  @Test void unknownSectionOrOptionFails() {
    assertThatThrownBy(() -> Report.run(new Args(new String[] {"--sections", "speed"},
        Report.defaults()), QUIET)).hasMessageContaining("unknown section 'speed'");
    assertThatThrownBy(() -> new Args(new String[] {"--fast"}, Report.defaults()))
        .hasMessageContaining("unknown option '--fast'");
  }
}
