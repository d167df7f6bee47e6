package dev.invoicekit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: from process start to the first line on standard output, and to exit, for a command
 * of the {@code invoicekit} CLI jar (by default {@code list --limit 1 --provider <id> --sandbox --quiet}
 * for the first provider found with a sandbox, against the embedded sandbox), next to a JVM that only prints a line: the median of several runs
 * after a warm-up run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.StartupHarness \
 *     --jar cli/target/invoicekit.jar --runs 10
 * </pre>
 *
 * <p>The CLI runs with no vendor credential in its environment and reads its embedded sandbox.
 */
public final class StartupHarness {
  static final List<String> DEFAULT_COMMAND =
      List.of("list", "--limit", "1", "--provider", SandboxedProvider.providerIds().get(0), "--sandbox", "--quiet");
  private static final long TIMEOUT_SECONDS = 120;

  private StartupHarness() {}

  /**
   * The medians of one command.
   *
   * @param firstLineNanos from process start to the first line on standard output
   * @param exitNanos from process start to its exit
   */
  record Result(String label, List<String> command, long firstLineNanos, long exitNanos, int runs,
      String firstLine) {}

  public static void main(String[] args) {
    Args options = new Args(args, defaults());
    List<String> cli = options.rest().isEmpty() ? DEFAULT_COMMAND : options.rest();
    List<Result> results = run(Path.of(options.string("jar")), cli, options.integer("runs"),
        System.err);
    System.out.print(report(results));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("jar", "cli/target/invoicekit.jar");
    defaults.put("runs", "10");
    return defaults;
  }

  /** Times a bare JVM, then {@code java -jar jar cliArguments}. */
  static List<Result> run(Path jar, List<String> cliArguments, int runs, PrintStream log) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no CLI jar at " + jar
          + ": build it first (./mvnw -B -q -pl cli -am package -DskipTests)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> hello = List.of(java, "-cp", System.getProperty("java.class.path"),
        Hello.class.getName());
    List<String> cli = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    cli.addAll(cliArguments);
    return List.of(time("JVM printing one line (baseline)", hello, runs, log),
        time("invoicekit " + String.join(" ", cliArguments), cli, runs, log));
  }

  /** Runs {@code command} once to warm the disk cache, then {@code runs} times. */
  static Result time(String label, List<String> command, int runs, PrintStream log) {
    if (runs < 1) throw new IllegalArgumentException("runs < 1: " + runs);
    long[] firstLine = new long[runs];
    long[] exit = new long[runs];
    String line = null;
    for (int run = -1; run < runs; run++) {
      Timing timing = once(command);
      line = timing.firstLine;
      if (run >= 0) {
        firstLine[run] = timing.firstLineNanos;
        exit[run] = timing.exitNanos;
        log.printf("%s run %d: first line %s ms, exit %s ms%n", label, run,
            MarkdownTable.millis(timing.firstLineNanos), MarkdownTable.millis(timing.exitNanos));
      }
    }
    return new Result(label, command, ListingHarness.median(firstLine), ListingHarness.median(exit),
        runs, line);
  }

  private static Timing once(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    // No vendor credential (--sandbox reads the embedded sandbox); no provider chosen by the environment.
    // Vendor variables are named after the provider id: ACME_API_KEY for provider "acme".
    List<String> prefixes = new ArrayList<>(List.of("INVOICEKIT_"));
    for (String id : SandboxedProvider.providerIds()) {
      prefixes.add(id.toUpperCase(Locale.ROOT).replace('-', '_') + "_");
    }
    builder.environment().keySet().removeIf(name -> prefixes.stream().anyMatch(name::startsWith));
    try {
      long start = System.nanoTime();
      Process process = builder.start();
      long firstLineAt = -1;
      String firstLine = null;
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (firstLine == null) {
            firstLineAt = System.nanoTime();
            firstLine = line;
          }
        }
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      long exitAt = System.nanoTime();
      if (process.exitValue() != 0 || firstLine == null) {
        throw new IllegalStateException("exit code " + process.exitValue()
            + (firstLine == null ? " and no output" : "") + ": " + command);
      }
      return new Timing(firstLineAt - start, exitAt - start, firstLine);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private record Timing(long firstLineNanos, long exitNanos, String firstLine) {}

  /** The results as a Markdown table. */
  static String report(List<Result> results) {
    MarkdownTable table = new MarkdownTable("command", "first stdout line ms", "exit ms", "runs");
    for (Result result : results) {
      table.row(result.label(), MarkdownTable.millis(result.firstLineNanos()),
          MarkdownTable.millis(result.exitNanos()), result.runs());
    }
    return "Start-up: process start to first line on stdout, median after a warm-up run\n\n" + table;
  }

  /** A JVM that prints one line and exits: the floor of any Java command-line tool. */
  public static final class Hello {
    private Hello() {}

    public static void main(String[] args) {
      System.out.println("hello");
    }
  }
}
