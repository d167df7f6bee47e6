package dev.invoicekit.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link GetBenchmark} as pairs of JMH forks, InvoiceKit's and the baseline's back to back,
 * the order alternating from pair to pair, and takes the median of the pairs' ratios. On a shared
 * machine a burst of load lasting a minute would otherwise land on one side only, as JMH runs all
 * forks of a benchmark before the next benchmark.
 */
final class GetRunner {
  /** The target: InvoiceKit's {@code get()} at most 15% slower than the baseline. */
  static final double TARGET = 1.15;

  private GetRunner() {}

  /**
   * The scores of one provider, in µs per call, one per fork, paired in the order they ran.
   */
  record Result(String provider, List<Double> invoiceKit, List<Double> baseline) {
    Result {
      invoiceKit = List.copyOf(invoiceKit);
      baseline = List.copyOf(baseline);
      if (invoiceKit.size() != baseline.size()) {
        throw new IllegalArgumentException("unpaired scores: " + invoiceKit + ", " + baseline);
      }
    }

    List<Double> ratios() {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < invoiceKit.size(); i++) ratios.add(invoiceKit.get(i) / baseline.get(i));
      return ratios;
    }

    /** The median of the pairs' ratios. */
    double ratio() {
      return median(ratios());
    }

    boolean met() {
      return ratio() <= TARGET;
    }
  }

  /**
   * Runs {@code pairs} pairs of forks for each of {@code providers} that has a get endpoint, each
   * fork {@code iterations} warm-up and measured iterations of {@code seconds}; JMH's output goes
   * to {@code log}.
   */
  static List<Result> run(List<String> providers, int pairs, int iterations, int seconds,
      String heap, PrintStream log) {
    List<String> measured = new ArrayList<>(providers);
    measured.retainAll(providersWithGet());
    Map<String, List<Double>> invoiceKit = new LinkedHashMap<>();
    Map<String, List<Double>> baseline = new LinkedHashMap<>();
    for (int pair = 0; pair < pairs; pair++) {
      for (String provider : measured) {
        List<String> order = pair % 2 == 0
            ? List.of("baseline", "invoiceKit") : List.of("invoiceKit", "baseline");
        for (String method : order) {
          double score = fork(method, provider, iterations, seconds, heap, log);
          (method.equals("invoiceKit") ? invoiceKit : baseline)
              .computeIfAbsent(provider, key -> new ArrayList<>()).add(score);
        }
      }
    }
    return measured.stream()
        .map(provider -> new Result(provider, invoiceKit.get(provider), baseline.get(provider)))
        .collect(Collectors.toList());
  }

  /** The providers on the class path whose emulator has a get-by-id endpoint, in discovery order. */
  static List<String> providersWithGet() {
    List<String> result = new ArrayList<>();
    for (String id : SandboxedProvider.providerIds()) {
      try (Sandbox sandbox = SandboxedProvider.start(id, SandboxOptions.builder().invoices(1).build())) {
        if (sandbox.invoicePath(0) != null) result.add(id);
      }
    }
    return result;
  }

  /** Runs one JMH fork of {@code method} for {@code provider}; returns its score in µs/op. */
  private static double fork(String method, String provider, int iterations, int seconds,
      String heap, PrintStream log) {
    Options options = new OptionsBuilder()
        .include(GetBenchmark.class.getName() + "\\." + method + "$")
        .param("provider", provider)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds))
        .forks(1)
        .shouldFailOnError(true)
        .jvmArgsAppend("-Xms" + heap, "-Xmx" + heap)
        .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options, OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL))
          .run();
    } catch (RunnerException e) {
      throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
    }
    if (results.size() != 1) {
      throw new IllegalStateException("expected one JMH result for " + method + " " + provider
          + ", got " + results.size());
    }
    return results.iterator().next().getPrimaryResult().getScore();
  }

  /** The results as a Markdown table. */
  static String report(List<Result> results) {
    MarkdownTable table = new MarkdownTable("provider", "InvoiceKit get() µs/op",
        "bare OkHttp + Moshi µs/op", "ratio per pair of forks", "median ratio", "target", "met");
    for (Result result : results) {
      table.row(result.provider(), scores(result.invoiceKit()), scores(result.baseline()),
          result.ratios().stream().map(MarkdownTable::ratio).collect(Collectors.joining(" ")),
          MarkdownTable.ratio(result.ratio()), String.format(Locale.ROOT, "≤ %.2f×", TARGET),
          result.met() ? "yes" : "NO");
    }
    return "Scores: the median of the forks' mean time per call (JMH, average time), then each"
        + " fork's\n\n" + table;
  }

  private static String scores(List<Double> scores) {
    return String.format(Locale.ROOT, "%.1f (%s)", median(scores), scores.stream()
        .map(score -> String.format(Locale.ROOT, "%.0f", score)).collect(Collectors.joining(", ")));
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) return Double.NaN;
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
