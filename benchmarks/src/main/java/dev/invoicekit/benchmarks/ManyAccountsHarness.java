package dev.invoicekit.benchmarks;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStreams;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Many accounts: {@code --accounts} instances of one provider in one JVM, all reading one
 * emulator with {@code --latency-ms} per response, one page each, read as one stream
 * ({@link InvoiceStreams}) {@code --concurrency} accounts at a time. Prints the JVM's threads and
 * heap (after a full collection) before the instances exist, while they are open, after listing
 * and after close, and the time to list every account once next to its floor
 * ({@code accounts × latency ÷ concurrency}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.ManyAccountsHarness \
 *     --accounts 1000 --latency-ms 25 --concurrency 8 --runs 3
 * </pre>
 *
 * <p>Each instance is configured as a host would: {@code invoicekit.providers=acct-0001,...} and
 * {@code invoicekit.acct-0001.provider=<id>} with its own settings, created by
 * {@link InvoiceProviders#instancesFromProperties}. The emulator runs in this JVM; its threads
 * (named {@code MockWebServer ...}) are counted apart from the client's.
 */
public final class ManyAccountsHarness {
  private ManyAccountsHarness() {}

  /** What to measure. */
  record Settings(String provider, int accounts, int invoicesPerAccount, Duration latency,
      int concurrency, int runs) {
    Settings {
      Objects.requireNonNull(provider, "provider == null");
      Objects.requireNonNull(latency, "latency == null");
      if (accounts < 1 || invoicesPerAccount < 1 || concurrency < 1 || runs < 1) {
        throw new IllegalArgumentException("accounts, invoices, concurrency and runs must be positive");
      }
    }

    long floorNanos() {
      return latency.toNanos() * accounts / concurrency;
    }
  }

  /** Threads and heap at one moment: client threads by name prefix, the emulator's apart. */
  record Snapshot(String moment, int threads, int emulatorThreads, Map<String, Integer> byPrefix,
      long liveHeap) {}

  record Result(Settings settings, List<Snapshot> snapshots, List<Long> runNanos, long invoices,
      int requests, long closeNanos) {
    long medianNanos() {
      List<Long> sorted = new ArrayList<>(runNanos);
      Collections.sort(sorted);
      return sorted.get(sorted.size() / 2);
    }
  }

  public static void main(String[] args) {
    Args options = new Args(args, defaults());
    Settings settings = new Settings(options.string("provider"), options.integer("accounts"),
        options.integer("invoices"), Duration.ofMillis(options.integer("latency-ms")),
        options.integer("concurrency"), options.integer("runs"));
    System.out.print(report(run(settings, System.err)));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("provider", SandboxedProvider.providerIds().get(0));
    defaults.put("accounts", "1000");
    defaults.put("invoices", "10");
    defaults.put("latency-ms", "25");
    defaults.put("concurrency", "8");
    defaults.put("runs", "3");
    return defaults;
  }

  static Result run(Settings settings, PrintStream log) {
    List<Snapshot> snapshots = new ArrayList<>();
    List<Long> runs = new ArrayList<>();
    long invoices = 0;
    SandboxOptions options = SandboxOptions.builder()
        .invoices(settings.invoicesPerAccount())
        .latency(settings.latency())
        .build();
    try (Sandbox sandbox = SandboxedProvider.start(settings.provider(), options)) {
      snapshots.add(snapshot("before (emulator only)"));
      long[] counted = new long[2];
      listEveryAccount(settings, sandbox, snapshots, runs, counted, log);
      // The instances are closed and unreachable now: what remains is what close() left behind.
      snapshots.add(snapshot("after close"));
      log.printf("%s: closed %,d instances in %,d ms%n", settings.provider(), settings.accounts(),
          counted[1] / 1_000_000);
      return new Result(settings, snapshots, runs, counted[0], sandbox.requestCount(), counted[1]);
    }
  }

  /** Creates the instances, lists every account {@code runs + 1} times (the first warms up), closes them. */
  private static void listEveryAccount(Settings settings, Sandbox sandbox, List<Snapshot> snapshots,
      List<Long> runs, long[] counted, PrintStream log) {
    Properties properties = properties(settings, sandbox);
    log.printf("%s: creating %,d instances%n", settings.provider(), settings.accounts());
    Map<String, InvoiceProvider> instances = InvoiceProviders.instancesFromProperties(properties);
    try {
      snapshots.add(snapshot("open, before listing"));
      for (int run = 0; run <= settings.runs(); run++) {
        long start = System.nanoTime();
        long count;
        try (Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances, InvoiceQuery.all(),
            settings.concurrency())) {
          count = stream.count();
        }
        long elapsed = System.nanoTime() - start;
        log.printf("%s: run %d listed %,d invoices of %,d accounts in %,d ms%n", settings.provider(),
            run, count, settings.accounts(), elapsed / 1_000_000);
        if (run > 0) runs.add(elapsed);
        counted[0] = count;
      }
      snapshots.add(snapshot("open, after listing"));
    } finally {
      long start = System.nanoTime();
      instances.values().forEach(InvoiceProvider::close);
      counted[1] = System.nanoTime() - start;
    }
  }

  /** {@code invoicekit.providers=acct-0001,...}, each an instance of the provider with its own settings. */
  static Properties properties(Settings settings, Sandbox sandbox) {
    Properties properties = new Properties();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= settings.accounts(); i++) {
      String name = String.format(Locale.ROOT, "acct-%04d", i);
      names.add(name);
      String prefix = "invoicekit." + name + ".";
      properties.setProperty(prefix + ProviderConfig.PROVIDER, settings.provider());
      sandbox.providerSettings().forEach((key, value) -> properties.setProperty(prefix + key, value));
      properties.setProperty(prefix + ProviderConfig.PAGE_SIZE, Integer.toString(settings.invoicesPerAccount()));
    }
    properties.setProperty(InvoiceProviders.PROVIDERS_PROPERTY, String.join(",", names));
    return properties;
  }

  /** The JVM's threads, grouped by name prefix, and the live heap after a full collection. */
  static Snapshot snapshot(String moment) {
    System.gc();
    ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
    Map<String, Integer> byPrefix = new TreeMap<>();
    int emulator = 0;
    for (ThreadInfo thread : threads) {
      String name = thread.getThreadName();
      if (name.startsWith("MockWebServer")) {
        emulator++;
        continue;
      }
      byPrefix.merge(prefix(name), 1, Integer::sum);
    }
    long heap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) heap += pool.getUsage().getUsed();
    }
    return new Snapshot(moment, threads.length, emulator, byPrefix, heap);
  }

  /** A thread name without its numbers: {@code OkHttp TaskRunner}, {@code invoicekit-pager}. */
  static String prefix(String name) {
    String words = name.replaceAll("\\d+", "#").replaceAll("acct-#", "<account>");
    int cut = words.indexOf(" for ");
    return cut > 0 ? words.substring(0, cut) : words;
  }

  static String report(Result result) {
    Settings settings = result.settings();
    MarkdownTable memory = new MarkdownTable("moment", "JVM threads", "of them the emulator's",
        "client threads (by name)", "live heap MiB");
    for (Snapshot snapshot : result.snapshots()) {
      StringBuilder names = new StringBuilder();
      snapshot.byPrefix().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(4)
          .forEach(entry -> names.append(names.length() == 0 ? "" : ", ")
              .append(entry.getValue()).append(" ").append(entry.getKey()));
      memory.row(snapshot.moment(), snapshot.threads(), snapshot.emulatorThreads(), names,
          MarkdownTable.mebibytes(snapshot.liveHeap()));
    }
    MarkdownTable time = new MarkdownTable("accounts", "invoices listed", "requests (all runs)",
        "concurrency", "median ms", "floor ms", "× floor", "close all ms");
    time.row(String.format(Locale.ROOT, "%,d", settings.accounts()),
        String.format(Locale.ROOT, "%,d", result.invoices()), result.requests(), settings.concurrency(),
        MarkdownTable.millis(result.medianNanos()), MarkdownTable.millis(settings.floorNanos()),
        MarkdownTable.ratio((double) result.medianNanos() / settings.floorNanos()),
        MarkdownTable.millis(result.closeNanos()));
    return "Many accounts: " + String.format(Locale.ROOT, "%,d", settings.accounts()) + " instances of "
        + settings.provider() + " in one JVM, one emulator with " + settings.latency().toMillis()
        + " ms latency, one page of " + settings.invoicesPerAccount() + " invoices each; "
        + "median of " + settings.runs() + " runs after a warm-up run\n\n" + memory + "\n" + time;
  }
}
