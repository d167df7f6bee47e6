package dev.invoicekit.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every benchmark of the issue in one go and prints one Markdown report: the machine, each
 * benchmark's table, and a summary of the targets. {@code benchmarks/run.sh} prepares the
 * footprint class paths and runs it; {@code BENCHMARKS.md} holds its output.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.Report \
 *     --footprint "provider-v3=dir,provider.jar;provider-preview=..." --cli-jar cli/target/invoicekit.jar
 * </pre>
 *
 * <p>{@code --quick} shrinks every number (200 invoices, 1 ms latency, one JMH iteration...) to
 * prove in seconds that everything still runs; its timings mean nothing.
 */
public final class Report {
  private static final List<String> SECTIONS =
      List.of("listing", "get", "memory", "footprint", "startup");

  private Report() {}

  public static void main(String[] args) {
    Args options = new Args(args, defaults());
    System.out.print(run(options, System.err));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("sections", String.join(",", SECTIONS));
    defaults.put("quick", "false");
    defaults.putAll(ListingHarness.defaults()); // providers, invoices, page-size, latency-ms, runs...
    defaults.put("jmh-pairs", "5");
    defaults.put("jmh-iterations", "4");
    defaults.put("jmh-seconds", "2");
    defaults.put("memory-invoices", "1000000");
    defaults.put("heap", "64m");
    defaults.put("footprint", "");
    defaults.put("cli-jar", "cli/target/invoicekit.jar");
    defaults.put("startup-runs", "10");
    defaults.put("launcher", ""); // cli/invoicekit: also time the AppCDS launcher
    return defaults;
  }

  /** Runs the sections {@code options} names and returns the report; progress goes to {@code log}. */
  static String run(Args options, PrintStream log) {
    boolean quick = options.flag("quick");
    Set<String> sections = Set.copyOf(options.list("sections"));
    for (String section : sections) {
      if (!SECTIONS.contains(section)) {
        throw new IllegalArgumentException("unknown section '" + section + "'; sections: " + SECTIONS);
      }
    }
    List<String> providers = options.list("providers");
    Instant started = Instant.now();
    StringBuilder body = new StringBuilder();
    Summary summary = new Summary();

    if (sections.contains("listing")) {
      ListingHarness.Settings settings = quick
          ? new ListingHarness.Settings(providers, 200, 20, Duration.ofMillis(1), 1, 0)
          : ListingHarness.settings(options);
      List<ListingHarness.Result> results = ListingHarness.run(settings, log);
      body.append("## Listing against latency\n\n").append(ListingHarness.report(settings, results));
      for (ListingHarness.Result result : results) {
        if (result.target().isEmpty()) continue;
        summary.row("listing " + result.provider() + ", " + result.setting(),
            result.cursor() ? MarkdownTable.ratio(result.overFloor()) + " floor"
                : MarkdownTable.ratio(result.speedUp()) + " sequential",
            result.target(), result.met());
      }
    }
    if (sections.contains("get")) {
      List<GetRunner.Result> results = GetRunner.run(providers, quick ? 1 : options.integer("jmh-pairs"),
          quick ? 1 : options.integer("jmh-iterations"), quick ? 1 : options.integer("jmh-seconds"),
          quick ? "256m" : "512m", log);
      body.append("\n## Per-call overhead: get() of a ").append(GetBenchmark.LINES)
          .append("-line invoice (JMH, same sandbox, same run)\n\n").append(GetRunner.report(results));
      for (GetRunner.Result result : results) {
        summary.row("get() " + result.provider() + " vs bare OkHttp + Moshi",
            MarkdownTable.ratio(result.ratio()), "≤ 1.15×", result.met());
      }
    }
    if (sections.contains("memory")) {
      List<MemoryHarness.Result> results = MemoryHarness.run(providers,
          quick ? 2_000 : options.integer("memory-invoices"), options.string("heap"), log);
      body.append("\n## Memory\n\n").append(MemoryHarness.report(results));
      for (MemoryHarness.Result result : results) {
        summary.row("memory " + result.provider() + ", " + String.format(Locale.ROOT, "%,d", result.invoices())
                + " invoices", "completed, peak " + MarkdownTable.mebibytes(result.peakUsed()) + " MiB",
            "completes under -Xmx" + result.heapLimit(), true);
      }
    }
    if (sections.contains("footprint") && !options.string("footprint").isBlank()) {
      List<Footprint.Result> results = new ArrayList<>();
      Footprint.parse(options.string("footprint").split(";"))
          .forEach((provider, paths) -> results.add(Footprint.measure(provider, paths)));
      body.append("\n## ").append(Footprint.report(results));
      for (Footprint.Result result : results) {
        summary.row("footprint api + http + " + result.provider(),
            MarkdownTable.mebibytes(result.bytes()) + " MiB", "≤ 4.00 MiB", result.met());
      }
    }
    if (sections.contains("startup")) {
      String launcher = options.string("launcher");
      List<StartupHarness.Result> results = StartupHarness.run(Path.of(options.string("cli-jar")),
          launcher.isEmpty() ? null : Path.of(launcher), StartupHarness.DEFAULT_COMMAND,
          quick ? 1 : options.integer("startup-runs"), log);
      body.append("\n## ").append(StartupHarness.report(results));
      long baseline = results.get(0).firstLineNanos();
      for (StartupHarness.Result cli : results.subList(1, results.size())) {
        summary.row("start-up: first invoice, " + (cli.label().startsWith("cli/invoicekit")
                ? "cli/invoicekit launcher (AppCDS)" : "java -jar"),
            MarkdownTable.millis(cli.firstLineNanos()) + " ms, "
                + StartupHarness.ratio(cli.firstLineNanos(), baseline) + " a bare JVM",
            "≤ 5.00× a bare JVM", cli.firstLineNanos() <= 5 * baseline);
      }
    }

    long minutes = Duration.between(started, Instant.now()).toMinutes();
    return "# InvoiceKit benchmark report" + (quick ? " (QUICK SMOKE RUN: numbers mean nothing)" : "")
        + "\n\n" + machine() + ", run " + started.truncatedTo(ChronoUnit.SECONDS) + " in about "
        + minutes + " min\n\n## Targets\n\n" + summary + "\n" + body;
  }

  /** Cores, memory, JDK and OS of this machine. */
  static String machine() {
    return String.format(Locale.ROOT, "Machine: %d cores, %s %s (%s), %s %s, max heap of this JVM %s MiB",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
        System.getProperty("os.name"), System.getProperty("os.arch"),
        MarkdownTable.mebibytes(Runtime.getRuntime().maxMemory()));
  }

  /** The targets of the issue and how each fared. */
  private static final class Summary {
    private final MarkdownTable table = new MarkdownTable("benchmark", "measured", "target", "met");

    void row(String benchmark, String measured, String target, boolean met) {
      table.row(benchmark, measured, target, met ? "yes" : "NO");
    }

    @Override public String toString() {
      return table.toString();
    }
  }
}
