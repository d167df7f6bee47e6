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
 * for the first provider found with a sandbox, against the embedded sandbox), next to a JVM that
 * only prints a line, and optionally through the {@code cli/invoicekit} launcher (AppCDS): the
 * median of several runs after a warm-up run of each, the commands interleaved run by run so that
 * a burst of load on a shared machine does not land on one of them only.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.StartupHarness \
 *     --jar cli/target/invoicekit.jar --launcher cli/invoicekit --runs 10
 * </pre>
 *
 * <p>The CLI runs with no vendor credential in its environment and reads its embedded sandbox.
 * The launcher is run with {@code INVOICEKIT_JAR} set to the jar; its warm-up run records the
 * archive if the jar is newer.
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
    String launcher = options.string("launcher");
    List<Result> results = run(Path.of(options.string("jar")),
        launcher.isEmpty() ? null : Path.of(launcher), cli, options.integer("runs"), System.err);
    System.out.print(report(results));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("jar", "cli/target/invoicekit.jar");
    defaults.put("launcher", "");
    defaults.put("runs", "10");
    return defaults;
  }

  /** Times a bare JVM and {@code java -jar jar cliArguments}, interleaved. */
  static List<Result> run(Path jar, List<String> cliArguments, int runs, PrintStream log) {
    return run(jar, null, cliArguments, runs, log);
  }

  /**
   * Times a bare JVM, {@code java -jar jar cliArguments} and, unless {@code launcher} is null,
   * {@code launcher cliArguments} with {@code INVOICEKIT_JAR=jar}, interleaved run by run.
   */
  static List<Result> run(Path jar, Path launcher, List<String> cliArguments, int runs, PrintStream log) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no CLI jar at " + jar
          + ": build it first (./mvnw -B -q -pl cli -am package -DskipTests)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> hello = List.of(java, "-cp", System.getProperty("java.class.path"),
        Hello.class.getName());
    List<String> cli = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    cli.addAll(cliArguments);
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("JVM printing one line (baseline)", hello);
    commands.put("java -jar invoicekit.jar " + String.join(" ", cliArguments), cli);
    Map<String, String> environment = Map.of();
    if (launcher != null) {
      if (!Files.isExecutable(launcher)) throw new IllegalArgumentException("no launcher script at " + launcher);
      List<String> launched = new ArrayList<>(List.of(launcher.toString()));
      launched.addAll(cliArguments);
      commands.put("cli/invoicekit " + String.join(" ", cliArguments) + " (AppCDS)", launched);
      environment = Map.of("INVOICEKIT_JAR", jar.toAbsolutePath().toString(),
          "JAVA_HOME", System.getProperty("java.home"));
    }
    return time(commands, environment, runs, log);
  }

  /** Runs {@code command} once to warm the disk cache, then {@code runs} times. */
  static Result time(String label, List<String> command, int runs, PrintStream log) {
    return time(Map.of(label, command), Map.of(), runs, log).get(0);
  }

  /**
   * Runs each of {@code commands} once to warm the disk cache, then {@code runs} rounds of each in
   * turn, with {@code environment} added to theirs; returns their medians in the same order.
   */
  static List<Result> time(Map<String, List<String>> commands, Map<String, String> environment,
      int runs, PrintStream log) {
    if (runs < 1) throw new IllegalArgumentException("runs < 1: " + runs);
    List<String> labels = new ArrayList<>(commands.keySet());
    long[][] firstLine = new long[labels.size()][runs];
    long[][] exit = new long[labels.size()][runs];
    String[] lines = new String[labels.size()];
    for (int run = -1; run < runs; run++) {
      for (int c = 0; c < labels.size(); c++) {
        Timing timing = once(commands.get(labels.get(c)), environment);
        lines[c] = timing.firstLine;
        if (run >= 0) {
          firstLine[c][run] = timing.firstLineNanos;
          exit[c][run] = timing.exitNanos;
          log.printf("%s run %d: first line %s ms, exit %s ms%n", labels.get(c), run,
              MarkdownTable.millis(timing.firstLineNanos), MarkdownTable.millis(timing.exitNanos));
        }
      }
    }
    List<Result> results = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      results.add(new Result(labels.get(c), commands.get(labels.get(c)),
          ListingHarness.median(firstLine[c]), ListingHarness.median(exit[c]), runs, lines[c]));
    }
    return results;
  }

  private static Timing once(List<String> command, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    // No vendor credential (--sandbox reads the embedded sandbox); no provider chosen by the environment.
    // Vendor variables are named after the provider id: ACME_API_KEY for provider "acme".
    List<String> prefixes = new ArrayList<>(List.of("INVOICEKIT_"));
    for (String id : SandboxedProvider.providerIds()) {
      prefixes.add(id.toUpperCase(Locale.ROOT).replace('-', '_') + "_");
    }
    builder.environment().keySet().removeIf(name -> prefixes.stream().anyMatch(name::startsWith));
    builder.environment().putAll(environment);
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

  /** {@code nanos ÷ baseline} as {@code 12.34×}. */
  static String ratio(long nanos, long baseline) {
    return String.format(Locale.ROOT, "%.2f×", (double) nanos / baseline);
  }

  private record Timing(long firstLineNanos, long exitNanos, String firstLine) {}

  /** The results as a Markdown table; the first is the baseline the others are compared with. */
  static String report(List<Result> results) {
    MarkdownTable table = new MarkdownTable("command", "first stdout line ms", "× baseline", "exit ms", "runs");
    long baseline = results.get(0).firstLineNanos();
    for (Result result : results) {
      table.row(result.label(), MarkdownTable.millis(result.firstLineNanos()),
          ratio(result.firstLineNanos(), baseline), MarkdownTable.millis(result.exitNanos()), result.runs());
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
