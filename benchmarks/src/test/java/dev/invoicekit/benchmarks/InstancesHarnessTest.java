package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The harness against the real sandboxes with a scripted {@link InstancesHarness.Probe}: the
 * test neither scans the JVM's threads nor forces collections. No time is asserted.
 */
class InstancesHarnessTest {
  /** Answers the thread lists and heap readings it is given, in order; the last one repeats. */
  static final class ScriptedProbe implements InstancesHarness.Probe {
    private final Deque<List<String>> threads = new ArrayDeque<>();
    private final Deque<Long> heaps = new ArrayDeque<>();
    final AtomicInteger pauses = new AtomicInteger();
    final AtomicInteger gcRequests = new AtomicInteger();

    ScriptedProbe threads(List<String> names) {
      threads.add(names);
      return this;
    }

    ScriptedProbe heap(long bytes) {
      heaps.add(bytes);
      return this;
    }

    @Override public List<String> threadNames() {
      return threads.size() > 1 ? threads.poll() : threads.peek();
    }

    @Override public long heapUsedAfterGc(int gcs) {
      gcRequests.addAndGet(gcs);
      return heaps.size() > 1 ? heaps.poll() : heaps.peek();
    }

    @Override public void pause(long millis) {
      pauses.incrementAndGet();
    }
  }

  @Test void opensCallsAndClosesEveryInstanceSpreadOverTheProviders() {
    List<String> providers = SandboxedProvider.providerIds();
    int instances = 2 * providers.size() + 1;
    List<String> idle = List.of("main", "Reference Handler", "MockWebServer 127.0.0.1");
    List<String> busy = List.of("main", "Reference Handler", "MockWebServer 127.0.0.1",
        "MockWebServer 127.0.0.1 connection", "invoicekit-acme-http-1", "invoicekit-acme-http-2",
        "OkHttp TaskRunner");
    ScriptedProbe probe = new ScriptedProbe()
        .threads(idle).threads(idle).threads(busy).threads(busy).threads(idle)
        .heap(10L << 20).heap(12L << 20).heap(14L << 20).heap(10L << 20);
    InstancesHarness.Settings settings = new InstancesHarness.Settings(providers, instances, 1,
        Duration.ofSeconds(5), 2);

    InstancesHarness.Result result = InstancesHarness.run(settings, probe, silent());

    assertThat(result.invoicesRead()).isEqualTo(instances); // one page of one invoice each
    assertThat(settings.instancesByProvider().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(instances);
    assertThat(settings.instancesByProvider().get(providers.get(0))).isEqualTo(3);
    assertThat(result.before().clientThreads()).isEqualTo(2);
    assertThat(result.openAfterCalls().emulatorThreads()).isEqualTo(2);
    assertThat(result.openAfterCalls().clientByPrefix())
        .containsEntry("invoicekit-acme-http-#", 2).containsEntry("OkHttp TaskRunner", 1);
    assertThat(result.drainNanos()).isNotNegative();
    assertThat(result.heapPerInstanceAfterCalls()).isEqualTo((4.0 * (1 << 20)) / instances);
    assertThat(result.heapPerInstanceBeforeCalls()).isEqualTo((2.0 * (1 << 20)) / instances);
    assertThat(probe.gcRequests).hasValue(4 * 2);

    String report = InstancesHarness.report(result);
    assertThat(report).startsWith("Instances: " + instances + " provider instances in one JVM (" + providers.get(0) + " 3")
        .contains("| before ", "| open, after one call each ", "| after close ", "retained heap per instance KiB",
            "- `invoicekit-acme-http-#`: 2\n- `OkHttp TaskRunner`: 1\n");
  }

  @Test void waitingForThreadsStopsAtTheDeadlineAndSaysSo() {
    List<String> lingering = List.of("main", "OkHttp TaskRunner");
    ScriptedProbe probe = new ScriptedProbe().threads(lingering);
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    long waited = InstancesHarness.awaitClientThreads(1, Duration.ofSeconds(1), probe,
        new PrintStream(log, true, StandardCharsets.UTF_8), () -> clock.getAndAdd(300_000_000L));

    assertThat(waited).isEqualTo(-1);
    assertThat(probe.pauses).hasValue(3); // polled at 0.3, 0.6 and 0.9 s; 1.2 s is past the deadline
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("at most 1 s", "deadline passed: 2 client threads still alive (1 before)");
  }

  @Test void survivorsAreListedMostFirst() {
    InstancesHarness.Census census = new InstancesHarness.Census("after close", 5, 0,
        Map.of("OkHttp TaskRunner", 1, "invoicekit-fastly-http-#", 3, "Common-Cleaner", 1), 0);
    assertThat(InstancesHarness.byName(census)).isEqualTo(
        "- `invoicekit-fastly-http-#`: 3\n- `Common-Cleaner`: 1\n- `OkHttp TaskRunner`: 1\n");
  }

  @Test void settingsRejectNonsense() {
    assertThatThrownBy(() -> new InstancesHarness.Settings(List.of(), 1, 1, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InstancesHarness.Settings(List.of("x"), 0, 1, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(InstancesHarness.instanceName(0)).isEqualTo("inst-0001");
  }

  private static PrintStream silent() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
