package dev.invoicekit.benchmarks;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.Invoice;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * N provider instances in one JVM: what each costs in threads and retained heap while open, how
 * long opening and closing all of them takes, and which threads outlive {@code close()}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.InstancesHarness \
 *     [--instances 1000] [--provider all|fastly|cloudflare,stripe] [--drain-seconds 20]
 * </pre>
 *
 * <p>One sandbox per provider runs in this JVM (its threads, named {@code MockWebServer ...}, are
 * counted apart). The instances are spread round-robin over the providers; each is created with
 * {@link InvoiceProviders#create} from a {@link ProviderConfig} of its own (its own instance name,
 * {@code inst-0001}, ...) and makes one real call, {@code list} of a first page, so that its
 * transport (client, dispatcher, connection) is live. Before any measurement one instance of
 * each provider is created, called and closed, so that class loading and static caches are not
 * counted as the instances' cost.
 *
 * <p>Heap figures are heap in use after {@code --gcs} full collections; retained heap per
 * instance is (heap with the N open after their calls − heap before) ÷ N. After {@code close()}
 * of all N, the harness polls the JVM's threads until the client threads are back to their count
 * before, or {@code --drain-seconds} pass, and prints the survivors by name.
 */
public final class InstancesHarness {
  private InstancesHarness() {}

  /** The emulators' threads, counted apart from the client's. */
  static final String EMULATOR_THREADS = "MockWebServer";

  /** What to measure. */
  record Settings(List<String> providers, int instances, int pageSize, Duration drainDeadline,
      int gcs) {
    Settings {
      providers = List.copyOf(providers);
      Objects.requireNonNull(drainDeadline, "drainDeadline == null");
      if (providers.isEmpty()) throw new IllegalArgumentException("no provider");
      if (instances < 1 || pageSize < 1 || gcs < 1) {
        throw new IllegalArgumentException("instances, page size and gcs must be positive");
      }
      if (drainDeadline.isNegative()) throw new IllegalArgumentException("drain deadline < 0");
    }

    /** The provider of the {@code index}-th instance (0-based): round-robin. */
    String providerOf(int index) {
      return providers.get(index % providers.size());
    }

    /** How many of the instances each provider gets, in provider order. */
    Map<String, Integer> instancesByProvider() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (int i = 0; i < instances; i++) counts.merge(providerOf(i), 1, Integer::sum);
      return counts;
    }
  }

  /**
   * What the harness reads from the JVM. The real one scans every thread and forces full
   * collections, as a benchmark may; the harness's tests pass a fixed one.
   */
  interface Probe {
    /** The names of the live threads of this JVM. */
    List<String> threadNames();

    /** Heap in use, in bytes, after {@code gcs} full collections. */
    long heapUsedAfterGc(int gcs);

    /** Waits about {@code millis} between two polls of the threads. */
    void pause(long millis) throws InterruptedException;

    /** The JVM's threads ({@link ThreadMXBean}) and heap ({@link MemoryMXBean}). */
    static Probe jvm() {
      return new Probe() {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        @Override public List<String> threadNames() {
          List<String> names = new ArrayList<>();
          for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) names.add(info.getThreadName()); // null: ended meanwhile
          }
          return names;
        }

        @Override public long heapUsedAfterGc(int gcs) {
          for (int i = 0; i < gcs; i++) memory.gc(); // System.gc(): a benchmark's full collection
          return memory.getHeapMemoryUsage().getUsed();
        }

        @Override public void pause(long millis) throws InterruptedException {
          Thread.sleep(millis); // polling in a benchmark, not synchronisation in a test
        }
      };
    }
  }

  /** The JVM's threads and heap at one moment; client threads grouped by name prefix. */
  record Census(String moment, int threads, int emulatorThreads, Map<String, Integer> clientByPrefix,
      long heapUsed) {
    int clientThreads() {
      return threads - emulatorThreads;
    }
  }

  /**
   * What one run measured.
   *
   * @param drainNanos from the end of the last {@code close()} until the client threads were back
   *     to their count before; -1 if they were not within the deadline
   */
  record Result(Settings settings, Census before, Census openBeforeCalls, Census openAfterCalls,
      Census afterClose, long openNanos, long callNanos, long closeNanos, long drainNanos,
      long invoicesRead, String machine) {
    /** Retained heap per open instance after its call, in bytes. */
    double heapPerInstanceAfterCalls() {
      return (double) (openAfterCalls.heapUsed() - before.heapUsed()) / settings.instances();
    }

    /** Retained heap per open instance before any call, in bytes. */
    double heapPerInstanceBeforeCalls() {
      return (double) (openBeforeCalls.heapUsed() - before.heapUsed()) / settings.instances();
    }
  }

  public static void main(String[] args) {
    Args options = new Args(args, defaults());
    String provider = options.string("provider");
    List<String> providers = provider.equals("all") ? SandboxedProvider.providerIds() : options.list("provider");
    Settings settings = new Settings(providers, options.integer("instances"),
        options.integer("page-size"), Duration.ofSeconds(options.integer("drain-seconds")),
        options.integer("gcs"));
    System.out.print(report(run(settings, Probe.jvm(), System.err)));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("instances", "1000");
    defaults.put("provider", "all"); // every provider with a sandbox, or a comma-separated list
    defaults.put("page-size", "1");
    defaults.put("drain-seconds", "20");
    defaults.put("gcs", "3");
    return defaults;
  }

  /** Runs the measurement; progress goes to {@code log}. */
  static Result run(Settings settings, Probe probe, PrintStream log) {
    String machine = machine();
    Map<String, Sandbox> sandboxes = new LinkedHashMap<>();
    try {
      SandboxOptions options = SandboxOptions.builder().invoices(Math.max(10, settings.pageSize())).build();
      for (String id : settings.providers()) sandboxes.put(id, SandboxedProvider.start(id, options));
      warmUp(settings, sandboxes, log);
      return measure(settings, sandboxes, probe, log, machine);
    } finally {
      sandboxes.values().forEach(Sandbox::close);
    }
  }

  /** One instance of each provider, created, called and closed: classes and caches loaded. */
  private static void warmUp(Settings settings, Map<String, Sandbox> sandboxes, PrintStream log) {
    for (String id : settings.providers()) {
      try (InvoiceProvider provider = InvoiceProviders.create(id,
          config(sandboxes.get(id), "warm-up", settings.pageSize()))) {
        provider.list(query(settings));
      }
    }
    log.printf("warmed up %s%n", settings.providers());
  }

  private static Result measure(Settings settings, Map<String, Sandbox> sandboxes, Probe probe,
      PrintStream log, String machine) {
    Census before = census("before", probe, settings.gcs());
    log.printf("before: %,d threads (%,d the emulators'), heap %s MiB%n", before.threads(),
        before.emulatorThreads(), MarkdownTable.mebibytes(before.heapUsed()));

    List<InvoiceProvider> instances = new ArrayList<>(settings.instances());
    long openNanos;
    long callNanos;
    long invoices = 0;
    Census openBeforeCalls;
    Census openAfterCalls;
    long closeNanos;
    try {
      long start = System.nanoTime();
      for (int i = 0; i < settings.instances(); i++) {
        String id = settings.providerOf(i);
        instances.add(InvoiceProviders.create(id, config(sandboxes.get(id), instanceName(i), settings.pageSize())));
      }
      openNanos = System.nanoTime() - start;
      log.printf("opened %,d instances in %,d ms%n", instances.size(), openNanos / 1_000_000);
      openBeforeCalls = census("open, before the calls", probe, settings.gcs());

      InvoiceQuery query = query(settings);
      start = System.nanoTime();
      for (InvoiceProvider instance : instances) {
        Page<Invoice> page = instance.list(query);
        invoices += page.items().size();
      }
      callNanos = System.nanoTime() - start;
      log.printf("one list() each: %,d calls, %,d invoices in %,d ms%n", instances.size(), invoices,
          callNanos / 1_000_000);
      openAfterCalls = census("open, after one call each", probe, settings.gcs());
      log.printf("open: %,d threads (%,d the emulators'), heap %s MiB%n", openAfterCalls.threads(),
          openAfterCalls.emulatorThreads(), MarkdownTable.mebibytes(openAfterCalls.heapUsed()));
    } finally {
      long start = System.nanoTime();
      instances.forEach(InvoiceProvider::close);
      closeNanos = System.nanoTime() - start;
      log.printf("closed %,d instances in %,d ms%n", instances.size(), closeNanos / 1_000_000);
      instances.clear(); // unreachable now: what remains is what close() left behind
    }
    long drainNanos = awaitClientThreads(before.clientThreads(), settings.drainDeadline(), probe, log);
    Census afterClose = census("after close", probe, settings.gcs());
    return new Result(settings, before, openBeforeCalls, openAfterCalls, afterClose, openNanos,
        callNanos, closeNanos, drainNanos, invoices, machine);
  }

  /**
   * Polls until no more client threads are alive than {@code target}, or {@code deadline} passes.
   *
   * @return the nanoseconds it took, or -1 if the deadline passed first
   */
  static long awaitClientThreads(int target, Duration deadline, Probe probe, PrintStream log) {
    return awaitClientThreads(target, deadline, probe, log, System::nanoTime);
  }

  static long awaitClientThreads(int target, Duration deadline, Probe probe, PrintStream log,
      LongSupplier nanoTime) {
    long start = nanoTime.getAsLong();
    log.printf("waiting until %s (at most %d s) for the client threads to be back to %,d%n",
        Instant.now().plus(deadline).truncatedTo(ChronoUnit.SECONDS), deadline.toSeconds(), target);
    while (true) {
      int alive = clientThreads(probe.threadNames());
      long elapsed = nanoTime.getAsLong() - start;
      if (alive <= target) {
        log.printf("client threads back to %,d after %,d ms%n", alive, elapsed / 1_000_000);
        return elapsed;
      }
      if (elapsed >= deadline.toNanos()) {
        log.printf("deadline passed: %,d client threads still alive (%,d before)%n", alive, target);
        return -1;
      }
      try {
        probe.pause(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
  }

  private static int clientThreads(List<String> names) {
    int count = 0;
    for (String name : names) {
      if (!name.startsWith(EMULATOR_THREADS)) count++;
    }
    return count;
  }

  /** The threads and heap now; client threads by name without their numbers. */
  static Census census(String moment, Probe probe, int gcs) {
    long heap = probe.heapUsedAfterGc(gcs);
    List<String> names = probe.threadNames();
    Map<String, Integer> byPrefix = new TreeMap<>();
    int emulator = 0;
    for (String name : names) {
      if (name.startsWith(EMULATOR_THREADS)) {
        emulator++;
      } else {
        byPrefix.merge(ManyAccountsHarness.prefix(name), 1, Integer::sum);
      }
    }
    return new Census(moment, names.size(), emulator, byPrefix, heap);
  }

  /** The config of one instance: the sandbox's settings, its own instance name, no environment. */
  static ProviderConfig config(Sandbox sandbox, String instanceName, int pageSize) {
    return ProviderConfig.builder(sandbox.providerId())
        .instanceName(instanceName)
        .environment(name -> null) // a vendor token in the environment must not change results
        .setAll(sandbox.providerSettings())
        .set(ProviderConfig.PAGE_SIZE, Integer.toString(pageSize))
        .build();
  }

  static String instanceName(int index) {
    return String.format(Locale.ROOT, "inst-%04d", index + 1);
  }

  private static InvoiceQuery query(Settings settings) {
    return InvoiceQuery.builder().pageSize(settings.pageSize()).build();
  }

  /** Cores, JDK, max heap and the load average (Linux) when the run started. */
  static String machine() {
    String load;
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      load = fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      load = "unknown";
    }
    return String.format(Locale.ROOT,
        "Machine: %d cores, %s %s, max heap of this JVM %s MiB, load average (1 / 5 / 15 min) at the start %s, run %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), MarkdownTable.mebibytes(Runtime.getRuntime().maxMemory()),
        load, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  static String report(Result result) {
    Settings settings = result.settings();
    StringBuilder spread = new StringBuilder();
    settings.instancesByProvider().forEach((id, count) -> spread.append(spread.length() == 0 ? "" : ", ")
        .append(id).append(' ').append(String.format(Locale.ROOT, "%,d", count)));

    MarkdownTable moments = new MarkdownTable("moment", "JVM threads", "of them the emulators'",
        "client threads", "heap used MiB");
    for (Census census : List.of(result.before(), result.openBeforeCalls(), result.openAfterCalls(),
        result.afterClose())) {
      moments.row(census.moment(), String.format(Locale.ROOT, "%,d", census.threads()),
          String.format(Locale.ROOT, "%,d", census.emulatorThreads()),
          String.format(Locale.ROOT, "%,d", census.clientThreads()), MarkdownTable.mebibytes(census.heapUsed()));
    }

    MarkdownTable figures = new MarkdownTable("instances", "open all ms", "one list() each ms",
        "close all ms", "client threads ended after close", "retained heap per instance KiB");
    figures.row(String.format(Locale.ROOT, "%,d", settings.instances()), MarkdownTable.millis(result.openNanos()),
        MarkdownTable.millis(result.callNanos()), MarkdownTable.millis(result.closeNanos()),
        result.drainNanos() < 0
            ? "not within " + settings.drainDeadline().toSeconds() + " s"
            : "in " + MarkdownTable.millis(result.drainNanos()) + " ms",
        String.format(Locale.ROOT, "%.1f (%.1f before the calls)", result.heapPerInstanceAfterCalls() / 1024,
            result.heapPerInstanceBeforeCalls() / 1024));

    return "Instances: " + String.format(Locale.ROOT, "%,d", settings.instances())
        + " provider instances in one JVM (" + spread + "), each created from its own ProviderConfig "
        + "and making one list() of " + settings.pageSize() + " invoice(s); one sandbox per provider in "
        + "this JVM, no latency; heap in use after " + settings.gcs() + " full collections, "
        + result.invoicesRead() + " invoices read\n\n"
        + result.machine() + "\n\n"
        + moments + "\n" + figures + "\n"
        + "Client threads by name, " + result.openAfterCalls().moment() + ":\n\n"
        + byName(result.openAfterCalls()) + "\n"
        + "Client threads by name, after close (the survivors"
        + (result.drainNanos() < 0 ? ", at the deadline" : "") + "):\n\n"
        + byName(result.afterClose());
  }

  /** One line per thread-name prefix, most threads first: {@code - `OkHttp TaskRunner`: 2}. */
  static String byName(Census census) {
    StringBuilder out = new StringBuilder();
    census.clientByPrefix().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(entry -> out.append("- `").append(entry.getKey()).append("`: ")
            .append(String.format(Locale.ROOT, "%,d", entry.getValue())).append('\n'));
    return out.toString();
  }
}
