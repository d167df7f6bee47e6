package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
final class ListingHarnessTest {
  @Test void tinyListingStreamsEveryInvoiceOfEveryProviderAndPrintsAReport() {
    ListingHarness.Settings settings = new ListingHarness.Settings(
        List.of("cloudflare", "fastly", "flexprice"), 200, 20, Duration.ofMillis(1), 1, 0);
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    List<ListingHarness.Result> results =
        ListingHarness.run(settings, new PrintStream(log, true, StandardCharsets.UTF_8));

    // Cursor paging is timed sequentially and by default; the others also at 8.
    assertThat(results).extracting(ListingHarness.Result::provider).containsExactly(
        "cloudflare", "cloudflare", "cloudflare", "fastly", "fastly", "flexprice", "flexprice", "flexprice");
    assertThat(results).allSatisfy(result -> {
      assertThat(result.invoices()).isEqualTo(200);
      assertThat(result.pages()).isEqualTo(10);
      assertThat(result.requests()).as("one request per page").isEqualTo(10);
      assertThat(result.medianNanos()).isPositive();
      assertThat(result.floorNanos()).isEqualTo(
          10 * Duration.ofMillis(1).toNanos() / (result.cursor() ? 1 : result.effectiveConcurrency()));
    });
    assertThat(results.get(3).cursor()).isTrue();
    assertThat(results.get(0).cursor()).isFalse();

    String report = ListingHarness.report(settings, results);
    assertThat(report)
        .contains("200 invoices, 20 per page (10 pages), 1 ms latency")
        .contains("| fastly     | cursor     | default (4)")
        .contains("| cloudflare | concurrent | max-concurrency 8")
        .contains("≥ 3.50× sequential", "≥ 6.00× sequential", "≤ 1.15× floor");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("flexprice max-concurrency 8 run 0");
  }

  @Test void targetsFollowTheIssue() {
    ListingHarness.Result fastCursor = new ListingHarness.Result("fastly", true, ListingHarness.DEFAULT,
        100, 10_000, 2_800_000_000L, 2_900_000_000L, 2_500_000_000L, 100);
    ListingHarness.Result slowCursor = new ListingHarness.Result("fastly", true, ListingHarness.DEFAULT,
        100, 10_000, 2_900_000_000L, 2_900_000_000L, 2_500_000_000L, 100);
    assertThat(fastCursor.met()).isTrue();
    assertThat(slowCursor.met()).isFalse();

    ListingHarness.Result wide = new ListingHarness.Result("flexprice", false, ListingHarness.WIDE,
        100, 10_000, 500_000_000L, 2_900_000_000L, 312_500_000L, 100);
    assertThat(wide.speedUp()).isEqualTo(5.8);
    assertThat(wide.met()).isFalse();
    assertThat(wide.target()).isEqualTo("≥ 6.00× sequential");
  }

  @Test void medianOfOddAndEvenCounts() {
    assertThat(ListingHarness.median(new long[] {5, 1, 3})).isEqualTo(3);
    assertThat(ListingHarness.median(new long[] {4, 1, 3, 2})).isEqualTo(2);
  }

  @Test void badSettingsFailNamingThem() {
    assertThatThrownBy(() -> new ListingHarness.Settings(List.of("fastly"), 0, 100,
        Duration.ofMillis(25), 1, 0)).hasMessageContaining("invoices");
    assertThatThrownBy(() -> ListingHarness.settings(new Args(new String[] {"--runs", "x"},
        ListingHarness.defaults()))).hasMessage("--runs is not a whole number: x");
  }
}
