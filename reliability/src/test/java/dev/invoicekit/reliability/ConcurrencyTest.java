package dev.invoicekit.reliability;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One provider instance shared by 32 threads, each making 200 mixed calls ({@code list},
 * {@code get}, {@code preview}, {@code stream}) against its sandbox: every call succeeds and
 * answers exactly what the sandbox holds. Then {@code close()} releases every InvoiceKit and
 * OkHttp thread and every pooled connection, a second {@code close()} is harmless and any later
 * call fails with {@link IllegalStateException}.
 */
@Timeout(value = 90, unit = SECONDS)
final class ConcurrencyTest {
  private static final int THREADS = 32;
  private static final int CALLS_PER_THREAD = 200;
  private static final int INVOICES = 120;
  private static final int LIST_PAGE = 25;
  private static final List<String> SUMMARY = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.invoicekit.reliability.SandboxData#providerIds")
  void oneProviderServesManyThreadsThenCloseReleasesEverything(String providerId) throws Exception {
    try (Sandbox sandbox = Sandboxes.start(providerId, SandboxOptions.builder().seed(7).invoices(INVOICES).build())) {
      SandboxData expected = SandboxData.of(sandbox);
      PreviewRequest previewRequest = SandboxData.previewRequest(sandbox);
      InvoiceProvider provider = SandboxData.provider(sandbox, "page-size", "50");
      Invoice preview = provider.preview(previewRequest);

      int calls = runConcurrently(provider, expected, previewRequest, preview);

      assertThat(HttpTransports.connectionCount(provider)).as("pooled connections before close").isPositive();
      assertThat(Threads.transportThreads(Threads.HTTP)).as("transport threads before close").isNotEmpty();
      provider.close();
      provider.close(); // harmless
      // The only open provider of this JVM: its close is the last, which ends the shared resources.
      assertThat(HttpTransports.connectionCount(provider)).as("pooled connections after close").isZero();
      List<Thread> left = Threads.stillAliveAfter(Threads.HTTP, 10, SECONDS);
      assertThat(left).as("transport threads left after the last close").isEmpty();
      assertThatThrownBy(() -> provider.list(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> provider.stream(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> provider.get(expected.ids.get(0))).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> provider.preview(previewRequest)).isInstanceOf(IllegalStateException.class);
      synchronized (SUMMARY) {
        SUMMARY.add(providerId + " " + calls + " calls on " + THREADS + " threads ("
            + sandbox.requestCount() + " requests), 0 errors");
      }
    }
  }

  @AfterAll static void printSummary() {
    System.out.println("reliability: concurrency passed " + String.join("; ", SUMMARY)
        + "; after close(): 0 threads, 0 pooled connections");
  }

  /** Runs the mixed calls; returns how many were made, each checked. */
  private static int runConcurrently(InvoiceProvider provider, SandboxData expected,
      PreviewRequest previewRequest, Invoice preview) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(callers.submit(() -> {
          start.await();
          for (int k = 0; k < CALLS_PER_THREAD; k++) {
            call(provider, expected, previewRequest, preview, (thread * CALLS_PER_THREAD + k) % 4,
                (thread * 31 + k * 7) % INVOICES);
            calls.incrementAndGet();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> result : results) result.get(80, SECONDS); // rethrows the first failure
    } finally {
      callers.shutdownNow();
      assertThat(callers.awaitTermination(10, SECONDS)).isTrue();
    }
    return calls.get();
  }

  private static void call(InvoiceProvider provider, SandboxData expected, PreviewRequest previewRequest,
      Invoice preview, int kind, int index) {
    switch (kind) {
      case 0: {
        Page<Invoice> page = provider.list(InvoiceQuery.builder().pageSize(LIST_PAGE).build());
        assertThat(page.items().stream().map(Invoice::id).collect(Collectors.toList()))
            .isEqualTo(expected.ids.subList(0, LIST_PAGE));
        assertThat(page.nextPageToken()).isPresent();
        break;
      }
      case 1: {
        Invoice invoice = provider.get(expected.ids.get(index)).orElseThrow();
        assertThat(invoice.id()).isEqualTo(expected.ids.get(index));
        assertThat(invoice.total()).isEqualTo(expected.totals.get(index));
        break;
      }
      case 2: {
        Invoice again = provider.preview(previewRequest);
        assertThat(again.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(again.total()).isEqualTo(preview.total());
        assertThat(again.lines()).isEqualTo(preview.lines());
        break;
      }
      default: {
        try (Stream<Invoice> invoices = provider.stream(InvoiceQuery.all())) {
          List<Invoice> all = invoices.collect(Collectors.toList());
          assertThat(all.stream().map(Invoice::id).collect(Collectors.toList())).isEqualTo(expected.ids);
          assertThat(all.stream().map(Invoice::total).collect(Collectors.toList())).isEqualTo(expected.totals);
        }
      }
    }
  }
}
