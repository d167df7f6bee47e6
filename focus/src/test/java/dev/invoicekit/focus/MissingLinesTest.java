package dev.invoicekit.focus;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InstanceException;
import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MissingLinesTest {
  /** get() answers with one line; it counts calls in flight and may wait for a gate. */
  static final class LinesProvider implements InvoiceProvider {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch gate;
    final CountDownLatch arrived;
    volatile String failOn;

    LinesProvider(CountDownLatch gate, int expectedArrivals) {
      this.gate = gate;
      this.arrived = new CountDownLatch(expectedArrivals);
    }

    @Override public Optional<Invoice> get(String invoiceId) {
      calls.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        arrived.countDown();
        if (!gate.await(10, SECONDS)) throw new IllegalStateException("gate never opened");
        if (invoiceId.equals(failOn)) throw new AuthenticationException("acme", "invalid token", 401, null, null);
        return Optional.of(listed(invoiceId, true));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override public String id() { return "acme"; }
    @Override public Page<Invoice> list(InvoiceQuery query) { throw new UnsupportedOperationException(); }
    @Override public Stream<Invoice> stream(InvoiceQuery query) { throw new UnsupportedOperationException(); }
    @Override public Invoice preview(PreviewRequest request) { throw new UnsupportedOperationException(); }
    @Override public void close() {}
  }

  static Invoice listed(String id, boolean withLines) {
    Invoice.Builder builder = Invoice.builder("acme", id).status(InvoiceStatus.OPEN)
        .currency(Currency.getInstance("USD"))
        .subtotal(Money.of("1", "USD")).total(Money.of("1", "USD")).amountDue(Money.of("1", "USD"));
    if (withLines) builder.lines(List.of(InvoiceLine.builder("line of " + id, Money.of("1", "USD")).build()));
    return builder.build();
  }

  private static List<InstanceInvoice> invoices(int count) {
    List<InstanceInvoice> result = new ArrayList<>();
    for (int i = 0; i < count; i++) result.add(new InstanceInvoice("acme-eu", listed("inv-" + i, false)));
    return result;
  }

  @Test void fetchesAtMostMaxConcurrencyAtOnceAndKeepsTheOrder() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    LinesProvider provider = new LinesProvider(gate, 3);
    try (Stream<InstanceInvoice> stream = MissingLines.fetch(invoices(8).stream(),
        Map.of("acme-eu", provider), 3)) {
      Iterator<InstanceInvoice> iterator = stream.iterator();
      List<String> seen = new ArrayList<>();
      Thread consumer = new Thread(() -> iterator.forEachRemaining(
          each -> seen.add(each.invoice().id() + ":" + each.invoice().lines().size())));
      consumer.start();
      assertThat(provider.arrived.await(10, SECONDS)).isTrue(); // three fetches wait at the gate
      assertThat(provider.inFlight).hasValue(3);
      gate.countDown();
      consumer.join();
      assertThat(seen).containsExactly("inv-0:1", "inv-1:1", "inv-2:1", "inv-3:1", "inv-4:1",
          "inv-5:1", "inv-6:1", "inv-7:1");
      assertThat(provider.maxInFlight).hasValue(3);
      assertThat(provider.calls).hasValue(8);
    }
  }

  @Test void invoicesWithLinesOrWithoutSubtotalAreLeftAlone() {
    LinesProvider provider = new LinesProvider(new CountDownLatch(0), 0);
    InstanceInvoice withLines = new InstanceInvoice("acme-eu", listed("a", true));
    Invoice bare = Invoice.builder("acme", "b").status(InvoiceStatus.OPEN).currency(Currency.getInstance("USD"))
        .total(Money.of("1", "USD")).amountDue(Money.of("1", "USD")).build();
    InstanceInvoice noSubtotal = new InstanceInvoice("acme-eu", bare);
    try (Stream<InstanceInvoice> stream = MissingLines.fetch(Stream.of(withLines, noSubtotal),
        Map.of("acme-eu", provider), 2)) {
      assertThat(stream.toList()).containsExactly(withLines, noSubtotal);
    }
    assertThat(provider.calls).hasValue(0);
  }

  @Test void aFailedFetchNamesTheInstanceAfterTheInvoicesBeforeIt() {
    LinesProvider provider = new LinesProvider(new CountDownLatch(0), 0);
    provider.failOn = "inv-2";
    List<String> seen = new ArrayList<>();
    boolean[] sourceClosed = {false};
    Stream<InstanceInvoice> source = invoices(5).stream().onClose(() -> sourceClosed[0] = true);
    try (Stream<InstanceInvoice> stream = MissingLines.fetch(source, Map.of("acme-eu", provider), 2)) {
      assertThatThrownBy(() -> stream.forEachOrdered(each -> seen.add(each.invoice().id())))
          .isInstanceOf(InstanceException.class)
          .hasMessage("acme: instance acme-eu: invalid token (HTTP 401)")
          .hasCauseInstanceOf(AuthenticationException.class);
    }
    assertThat(seen).containsExactly("inv-0", "inv-1");
    assertThat(sourceClosed[0]).isTrue();
  }
}
