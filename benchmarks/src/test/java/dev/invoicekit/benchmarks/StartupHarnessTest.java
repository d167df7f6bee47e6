package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class StartupHarnessTest {
  @Test void timesAJvmToItsFirstLineAndExit() {
    List<String> hello = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StartupHarness.Hello.class.getName());
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    StartupHarness.Result result = StartupHarness.time("hello", hello, 2,
        new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(result.firstLine()).isEqualTo("hello");
    assertThat(result.runs()).isEqualTo(2);
    assertThat(result.firstLineNanos()).isPositive().isLessThanOrEqualTo(result.exitNanos());
    assertThat(StartupHarness.report(List.of(result))).contains("| hello ", "| 2    |");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("hello run 1: first line");
  }

  @Test void aFailingCommandFailsTheHarness() {
    List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "no.such.Main");
    assertThatThrownBy(() -> StartupHarness.time("broken", java, 1, System.err))
        .hasMessageContaining("exit code 1");
  }

  @Test void aMissingCliJarSaysHowToBuildIt() {
    assertThatThrownBy(() -> StartupHarness.run(Path.of("no/such.jar"), StartupHarness.DEFAULT_COMMAND,
        1, System.err)).hasMessageContaining("./mvnw -B -q -pl cli -am package");
  }
}
