package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

  @Test void interleavesCommandsWithTheirEnvironmentAndComparesThemWithTheFirst(@TempDir Path dir)
      throws IOException {
    Path script = dir.resolve("launcher");
    Files.writeString(script, "#!/bin/sh\necho \"jar=$INVOICEKIT_JAR\"\n");
    assertThat(script.toFile().setExecutable(true)).isTrue();
    List<String> hello = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StartupHarness.Hello.class.getName());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("hello", hello);
    commands.put("script", List.of(script.toString()));

    List<StartupHarness.Result> results = StartupHarness.time(commands, Map.of("INVOICEKIT_JAR", "x.jar"), 2,
        new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(results).extracting(StartupHarness.Result::label).containsExactly("hello", "script");
    assertThat(results).extracting(StartupHarness.Result::firstLine).containsExactly("hello", "jar=x.jar");
    assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(" run ")))
        .extracting(line -> line.substring(0, line.indexOf(" run ")))
        .containsExactly("hello", "script", "hello", "script"); // round by round
    assertThat(StartupHarness.report(results)).contains("× baseline", "| 1.00×");
    assertThat(StartupHarness.ratio(500, 100)).isEqualTo("5.00×");
  }

  @Test void aMissingLauncherIsNamed(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("invoicekit.jar"), "not run");
    assertThatThrownBy(() -> StartupHarness.run(jar, dir.resolve("invoicekit"), StartupHarness.DEFAULT_COMMAND,
        1, System.err)).hasMessageContaining("no launcher script at");
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
