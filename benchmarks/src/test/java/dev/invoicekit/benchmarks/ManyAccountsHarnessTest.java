package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A smoke run: 20 accounts, 1 ms latency. No time is asserted. */
class ManyAccountsHarnessTest {
  @Test void listsEveryAccountOnceAndReportsThreadsHeapAndFloor() {
    String provider = SandboxedProvider.providerIds().get(0);
    ManyAccountsHarness.Settings settings = new ManyAccountsHarness.Settings(provider, 20, 3,
        Duration.ofMillis(1), 4, 1);
    ManyAccountsHarness.Result result = ManyAccountsHarness.run(settings,
        new PrintStream(new ByteArrayOutputStream()));

    assertThat(result.invoices()).isEqualTo(20 * 3);
    assertThat(result.runNanos()).hasSize(1);
    assertThat(result.requests()).isGreaterThanOrEqualTo(2 * 20); // warm-up and run: a page per account
    assertThat(result.snapshots()).extracting(ManyAccountsHarness.Snapshot::moment)
        .containsExactly("before (emulator only)", "open, before listing", "open, after listing", "after close");
    assertThat(settings.floorNanos()).isEqualTo(Duration.ofMillis(5).toNanos());
    String report = ManyAccountsHarness.report(result);
    assertThat(report).startsWith("Many accounts: 20 instances of " + provider)
        .contains("| moment", "| after close", "× floor");
  }

  @Test void threadNamesAreGroupedWithoutTheirNumbers() {
    assertThat(ManyAccountsHarness.prefix("invoicekit-instances-acct-0042")).isEqualTo("invoicekit-instances-<account>");
    assertThat(ManyAccountsHarness.prefix("OkHttp TaskRunner 12")).isEqualTo("OkHttp TaskRunner #");
    assertThat(ManyAccountsHarness.prefix("OkHttp http://127.0.0.1:4000/... for x")).isEqualTo("OkHttp http://#.#.#.#:#/...");
  }
}
