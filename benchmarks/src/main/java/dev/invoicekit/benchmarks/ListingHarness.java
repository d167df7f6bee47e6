package dev.invoicekit.benchmarks;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Listing against latency: times {@code stream()} to exhaustion against each vendor's sandbox with
 * latency added to every response, sequentially ({@code max-concurrency 1}, how the official SDKs
 * page), with the default settings and with {@code max-concurrency 8}, and prints each time next
 * to its floor ({@code pages × latency ÷ concurrency}; for a cursor vendor, whose next page is
 * known only from the previous one, {@code pages × latency}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.ListingHarness \
 *     --invoices 10000 --page-size 100 --latency-ms 25 --runs 5
 * </pre>
 *
 * <p>Every run of every setting of a provider is interleaved with the others (run 1 of each
 * setting, then run 2 of each...), each after warm-up runs, and the median is reported; the
 * speed-ups divide the medians of one such run.
 */
public final class ListingHarness {
  /** The concurrency settings timed: 1 (sequential), the default and 8. */
  static final int SEQUENTIAL = 1;
  static final int DEFAULT = 0;
  static final int WIDE = 8;

  private ListingHarness() {}

  /**
   * What to time.
   *
   * @param runs timed runs per setting; the median is reported
   * @param warmups untimed runs per setting first, to warm the JIT and the connection pools
   */
  record Settings(List<String> providers, int invoices, int pageSize, Duration latency, int runs,
      int warmups) {
    Settings {
      providers = List.copyOf(providers);
      Objects.requireNonNull(latency, "latency == null");
      if (invoices < 1 || pageSize < 1 || runs < 1 || warmups < 0) {
        throw new IllegalArgumentException("invoices, pageSize and runs must be positive, warmups"
            + " not negative: " + invoices + ", " + pageSize + ", " + runs + ", " + warmups);
      }
    }

    int pages() {
      return (invoices + pageSize - 1) / pageSize;
    }
  }

  /**
   * One timed setting of one provider.
   *
   * @param concurrency the {@code max-concurrency} setting, or {@link #DEFAULT} when not set
   * @param medianNanos the median wall time of {@code stream()} to exhaustion
   * @param sequentialNanos the median of the same provider with {@code max-concurrency 1}
   * @param requests the requests the sandbox received per run: the pages fetched
   */
  record Result(String provider, boolean cursor, int concurrency, int pages, long invoices,
      long medianNanos, long sequentialNanos, long floorNanos, long requests) {
    String setting() {
      return concurrency == DEFAULT
          ? "default (" + ProviderConfig.DEFAULT_MAX_CONCURRENCY + ")"
          : "max-concurrency " + concurrency;
    }

    int effectiveConcurrency() {
      return concurrency == DEFAULT ? ProviderConfig.DEFAULT_MAX_CONCURRENCY : concurrency;
    }

    double speedUp() {
      return (double) sequentialNanos / medianNanos;
    }

    double overFloor() {
      return (double) medianNanos / floorNanos;
    }

    /** The target for this row, or empty if it has none. */
    String target() {
      if (cursor) return concurrency == DEFAULT ? "≤ 1.15× floor" : "";
      if (concurrency == DEFAULT) return "≥ 3.50× sequential";
      return concurrency == WIDE ? "≥ 6.00× sequential" : "";
    }

    /** True if the target is met or there is none. */
    boolean met() {
      if (cursor) return concurrency != DEFAULT || overFloor() <= 1.15;
      if (concurrency == DEFAULT) return speedUp() >= 3.5;
      return concurrency != WIDE || speedUp() >= 6.0;
    }
  }

  public static void main(String[] args) {
    Args options = new Args(args, defaults());
    Settings settings = settings(options);
    List<Result> results = run(settings, System.err);
    System.out.print(report(settings, results));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("providers", String.join(",", SandboxedProvider.providerIds()));
    defaults.put("invoices", "10000");
    defaults.put("page-size", "100");
    defaults.put("latency-ms", "25");
    defaults.put("runs", "5");
    defaults.put("warmups", "2");
    return defaults;
  }

  static Settings settings(Args options) {
    return new Settings(options.list("providers"), options.integer("invoices"),
        options.integer("page-size"), Duration.ofMillis(options.integer("latency-ms")),
        options.integer("runs"), options.integer("warmups"));
  }

  /** Times every setting of every provider; progress goes to {@code log}. */
  static List<Result> run(Settings settings, PrintStream log) {
    List<Result> results = new ArrayList<>();
    for (String provider : settings.providers()) {
      results.addAll(run(settings, provider, log));
    }
    return results;
  }

  private static List<Result> run(Settings settings, String providerId, PrintStream log) {
    SandboxOptions options = SandboxOptions.builder()
        .invoices(settings.invoices())
        .latency(settings.latency())
        .build();
    try (Sandbox sandbox = SandboxedProvider.start(providerId, options)) {
      // A cursor vendor's next page is known only from the previous one: concurrency cannot apply.
      boolean cursor = sandbox.paging() == Paging.CURSOR;
      List<Integer> concurrencies = cursor
          ? List.of(SEQUENTIAL, DEFAULT)
          : List.of(SEQUENTIAL, DEFAULT, WIDE);
      List<InvoiceProvider> providers = new ArrayList<>();
      try {
        for (int concurrency : concurrencies) {
          Map<String, String> config = new LinkedHashMap<>();
          config.put(ProviderConfig.PAGE_SIZE, Integer.toString(settings.pageSize()));
          if (concurrency != DEFAULT) {
            config.put(ProviderConfig.MAX_CONCURRENCY, Integer.toString(concurrency));
          }
          providers.add(SandboxedProvider.create(sandbox, config));
        }
        long[][] nanos = new long[concurrencies.size()][settings.runs()];
        long[] requests = new long[concurrencies.size()];
        for (int run = -settings.warmups(); run < settings.runs(); run++) {
          for (int s = 0; s < concurrencies.size(); s++) {
            int before = sandbox.requestCount();
            long elapsed = timeStream(providers.get(s), settings.invoices());
            requests[s] = sandbox.requestCount() - before;
            if (run >= 0) nanos[s][run] = elapsed;
            log.printf("%s %s run %d: %s ms%n", providerId, label(concurrencies.get(s)),
                run, MarkdownTable.millis(elapsed));
          }
        }
        List<Result> results = new ArrayList<>();
        long sequential = median(nanos[0]);
        for (int s = 0; s < concurrencies.size(); s++) {
          int concurrency = concurrencies.get(s);
          int effective = concurrency == DEFAULT
              ? ProviderConfig.DEFAULT_MAX_CONCURRENCY : concurrency;
          long floor = settings.pages() * settings.latency().toNanos() / (cursor ? 1 : effective);
          results.add(new Result(providerId, cursor, concurrency, settings.pages(),
              settings.invoices(), median(nanos[s]), sequential, floor, requests[s]));
        }
        return results;
      } finally {
        for (InvoiceProvider provider : providers) provider.close();
      }
    }
  }

  private static String label(int concurrency) {
    return concurrency == DEFAULT ? "default" : "max-concurrency " + concurrency;
  }

  /** Streams every invoice of {@code provider} and returns the wall time in nanoseconds. */
  private static long timeStream(InvoiceProvider provider, int expected) {
    long start = System.nanoTime();
    long count = 0;
    long lines = 0;
    try (Stream<Invoice> invoices = provider.stream(InvoiceQuery.all())) {
      for (Invoice invoice : (Iterable<Invoice>) invoices::iterator) {
        count++;
        lines += invoice.id().length(); // touch each invoice
      }
    }
    long elapsed = System.nanoTime() - start;
    if (count != expected || lines == 0) {
      throw new IllegalStateException(provider.id() + " streamed " + count + " invoices, expected "
          + expected);
    }
    return elapsed;
  }

  static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The results as a Markdown table. */
  static String report(Settings settings, List<Result> results) {
    MarkdownTable table = new MarkdownTable("provider", "paging", "setting", "requests",
        "median ms", "floor ms", "time ÷ floor", "speed-up vs sequential", "target", "met");
    for (Result result : results) {
      table.row(result.provider(), result.cursor() ? "cursor" : "concurrent", result.setting(),
          result.requests(), MarkdownTable.millis(result.medianNanos()),
          MarkdownTable.millis(result.floorNanos()), MarkdownTable.ratio(result.overFloor()),
          MarkdownTable.ratio(result.speedUp()), result.target(), result.met() ? "yes" : "NO");
    }
    return "Listing: " + settings.invoices() + " invoices, " + settings.pageSize() + " per page ("
        + settings.pages() + " pages), " + settings.latency().toMillis() + " ms latency per response, median of "
        + settings.runs() + " runs after " + settings.warmups() + " warm-up runs\n\n" + table;
  }
}
