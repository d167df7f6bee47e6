package dev.invoicekit.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The client side of {@link MemoryHarness}, run in a JVM of its own (with {@code -Xmx64m}):
 * streams every invoice of a provider and reports the heap it used.
 *
 * <p>Arguments: the provider id and the number of invoices expected. Standard input: the provider
 * settings as {@link Properties} (so that no credential appears on a command line). Standard
 * output: one line {@code memory-probe key=value ...} with {@code invoices}, {@code peakUsed}
 * (the most heap in use, read just before each collection), {@code live10}, {@code live50} and
 * {@code live100} (heap in use after a full collection at 10%, 50% and 100% of the stream: flat if
 * nothing is retained per invoice), {@code collections}, {@code elapsedMillis}, {@code maxHeap}
 * and {@code collectors}.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: MemoryProbe <provider> <invoices> < settings.properties");
    }
    String providerId = args[0];
    long expected = Long.parseLong(args[1]);
    Properties settings = new Properties();
    settings.load(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Map<String, String> map = new LinkedHashMap<>();
    settings.stringPropertyNames().forEach(key -> map.put(key, settings.getProperty(key)));
    System.out.println(run(providerId, expected, map));
  }

  /** Streams {@code expected} invoices of {@code providerId} and returns the report line. */
  static String run(String providerId, long expected, Map<String, String> settings) {
    HeapWatch watch = new HeapWatch();
    ProviderConfig config = ProviderConfig.builder(providerId)
        .environment(name -> null)
        .setAll(settings)
        .build();
    long[] checkpoints = {Math.max(1, expected / 10), Math.max(1, expected / 2)};
    long[] live = new long[3];
    long count = 0;
    long start = System.nanoTime();
    try (InvoiceProvider provider = InvoiceProviders.create(providerId, config);
        Stream<Invoice> invoices = provider.stream(InvoiceQuery.all())) {
      for (Invoice invoice : (Iterable<Invoice>) invoices::iterator) {
        if (invoice.id().isEmpty()) throw new IllegalStateException("invoice without id");
        count++;
        if (count == checkpoints[0]) live[0] = liveHeap();
        if (count == checkpoints[1]) live[1] = liveHeap();
      }
      live[2] = liveHeap(); // still open: what the provider holds at the end of the stream
    }
    long elapsed = System.nanoTime() - start;
    if (count != expected) {
      throw new IllegalStateException(providerId + " streamed " + count + " invoices, expected " + expected);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("provider", providerId);
    result.put("invoices", count);
    result.put("peakUsed", Math.max(watch.peakUsed(), HeapWatch.used()));
    result.put("live10", live[0]);
    result.put("live50", live[1]);
    result.put("live100", live[2]);
    result.put("collections", watch.collections());
    result.put("elapsedMillis", elapsed / 1_000_000);
    result.put("maxHeap", Runtime.getRuntime().maxMemory());
    result.put("collectors", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).map(name -> name.replace(' ', '_'))
        .collect(Collectors.joining(",")));
    return "memory-probe " + result.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(" "));
  }

  /** Returns the heap in use after a full collection: what is reachable. */
  private static long liveHeap() {
    System.gc();
    return HeapWatch.used();
  }

  /** Follows every collection and keeps the largest heap use seen just before one. */
  private static final class HeapWatch {
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();

    HeapWatch() {
      Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
          if (!notification.getType().equals(
              GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
          }
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) notification.getUserData());
          long before = 0;
          for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) before += pool.getValue().getUsed();
          }
          peakUsed.accumulateAndGet(before, Math::max);
          collections.incrementAndGet();
        }, null, null);
      }
    }

    long peakUsed() {
      return peakUsed.get();
    }

    int collections() {
      return collections.get();
    }

    static long used() {
      List<Long> used = new ArrayList<>();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) used.add(pool.getUsage().getUsed());
      }
      return used.stream().mapToLong(Long::longValue).sum();
    }
  }
}
