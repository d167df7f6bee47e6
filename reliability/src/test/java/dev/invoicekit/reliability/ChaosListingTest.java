package dev.invoicekit.reliability;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Money;
import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streams 5,000 invoices from each sandbox while a seeded 20% of requests fail (429 with
 * {@code Retry-After: 0}, 503, connections dropped before or in the middle of the body) and every
 * answer waits 2 ms, in pages of 50 (so about 100 pages, each a chance to fail): the stream delivers exactly the data set, in order, with the same amounts,
 * nothing lost and nothing repeated. With {@code max-retries=8} a page fails for good only after
 * 9 faults in a row (0.2^9, about 5 in 10 million).
 */
@Timeout(value = 60, unit = SECONDS)
final class ChaosListingTest {
  private static final int INVOICES = 5_000;
  private static final int FAULT_PERCENT = 20;
  private static final List<String> SUMMARY = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.invoicekit.reliability.SandboxData#providerIds")
  void streamThroughInjectedFaultsDeliversExactlyTheDataSet(String providerId) {
    SandboxOptions options = SandboxOptions.builder()
        .seed(20_261_121)
        .invoices(INVOICES)
        .faultPercent(FAULT_PERCENT)
        .faults(Fault.RATE_LIMIT, Fault.UNAVAILABLE, Fault.DISCONNECT)
        .retryAfterSeconds(0)
        .latency(Duration.ofMillis(2))
        .build();
    try (Sandbox sandbox = Sandboxes.start(providerId, options);
        InvoiceProvider provider = SandboxData.provider(sandbox,
            "max-retries", "8", "retry-base-delay", "1ms", "timeout", "10s", "page-size", "50")) {
      SandboxData expected = SandboxData.of(sandbox);

      List<Invoice> invoices;
      try (Stream<Invoice> stream = provider.stream(InvoiceQuery.all())) {
        invoices = stream.collect(Collectors.toList());
      }

      List<String> ids = invoices.stream().map(Invoice::id).collect(Collectors.toList());
      List<Money> totals = invoices.stream().map(Invoice::total).collect(Collectors.toList());
      assertThat(new HashSet<>(ids)).as("distinct ids").hasSize(ids.size());
      assertThat(ids).as("ids, in the vendor's order").isEqualTo(expected.ids);
      assertThat(totals).as("totals").isEqualTo(expected.totals);
      assertThat(sandbox.faultCount()).as("injected faults").isPositive();
      synchronized (SUMMARY) {
        SUMMARY.add(providerId + " " + ids.size() + "/" + INVOICES + " invoices through "
            + sandbox.faultCount() + " injected faults in " + sandbox.requestCount() + " requests");
      }
    }
  }

  @AfterAll static void printSummary() {
    System.out.println("reliability: chaos listing (" + FAULT_PERCENT + "% faults) passed "
        + String.join("; ", SUMMARY) + "; 0 lost, 0 repeated, every amount exact");
  }
}
