package dev.invoicekit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterators;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class InvoiceStreamsTest {
  /** A provider whose stream signals when it is first read, may wait for a gate, and may fail. */
  static final class ScriptedProvider implements InvoiceProvider {
    final String id;
    final List<Invoice> invoices;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch streamClosed = new CountDownLatch(1);
    final AtomicInteger streams = new AtomicInteger();
    volatile boolean gated;
    volatile int failAt = -1;
    volatile RuntimeException failure;

    ScriptedProvider(String id, String currency, String... totals) {
      this.id = id;
      this.invoices = new ArrayList<>();
      for (int i = 0; i < totals.length; i++) {
        invoices.add(Invoice.builder(id, id + "-" + i).status(InvoiceStatus.OPEN)
            .currency(Currency.getInstance(currency))
            .total(Money.of(totals[i], currency)).amountDue(Money.of(totals[i], currency)).build());
      }
    }

    ScriptedProvider gated() {
      gated = true;
      return this;
    }

    ScriptedProvider failingAt(int index, RuntimeException e) {
      failAt = index;
      failure = e;
      return this;
    }

    @Override public String id() { return id; }

    @Override public Stream<Invoice> stream(InvoiceQuery query) {
      streams.incrementAndGet();
      Iterator<Invoice> iterator = invoices.iterator();
      return StreamSupport.stream(new Spliterators.AbstractSpliterator<Invoice>(Long.MAX_VALUE, 0) {
        int index;

        @Override public boolean tryAdvance(Consumer<? super Invoice> action) {
          if (index == 0) {
            started.countDown();
            if (gated) {
              try {
                gate.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(id, "interrupted", 0, null, null, false, e);
              }
            }
          }
          if (index == failAt) throw failure;
          if (!iterator.hasNext()) return false;
          index++;
          action.accept(iterator.next());
          return true;
        }
      }, false).onClose(streamClosed::countDown);
    }

    @Override public Page<Invoice> list(InvoiceQuery query) { throw new UnsupportedOperationException(); }
    @Override public Optional<Invoice> get(String invoiceId) { return Optional.empty(); }
    @Override public Invoice preview(PreviewRequest request) { throw new UnsupportedOperationException(); }
    @Override public void close() {}
  }

  private static Map<String, InvoiceProvider> instances(ScriptedProvider... providers) {
    Map<String, InvoiceProvider> result = new LinkedHashMap<>();
    for (ScriptedProvider provider : providers) result.put(provider.id, provider);
    return result;
  }

  private static List<String> ids(Stream<InstanceInvoice> stream) {
    try (stream) {
      return stream.map(each -> each.instance() + "/" + each.invoice().id()).collect(Collectors.toList());
    }
  }

  @Test void deliversInstanceOrderThenVendorOrderWhateverFinishesFirst() throws Exception {
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1", "2").gated();
    ScriptedProvider b = new ScriptedProvider("b", "USD", "3", "4", "5");
    Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances(a, b), InvoiceQuery.all(), 2, 10);
    Iterator<InstanceInvoice> iterator = stream.iterator();
    Thread consumer = new Thread(() -> iterator.hasNext());
    consumer.start();
    // b runs to its end while a is held at its gate; a still comes first.
    assertThat(b.streamClosed.await(10, SECONDS)).isTrue();
    a.gate.countDown();
    consumer.join();
    List<String> seen = new ArrayList<>();
    iterator.forEachRemaining(each -> seen.add(each.instance() + "/" + each.invoice().id()));
    stream.close();
    assertThat(seen).containsExactly("a/a-0", "a/a-1", "b/b-0", "b/b-1", "b/b-2");
  }

  @Test void nothingIsReadBeforeTheFirstElementIsAskedFor() {
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1");
    try (Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances(a), InvoiceQuery.all(), 1)) {
      assertThat(a.streams).hasValue(0);
      assertThat(stream.findFirst()).isPresent();
      assertThat(a.streams).hasValue(1);
    }
  }

  @Test void readsTheNextInstancesWhileTheFirstIsConsumedWithinTheBound() throws Exception {
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1", "2");
    ScriptedProvider b = new ScriptedProvider("b", "USD", "3");
    ScriptedProvider c = new ScriptedProvider("c", "USD", "4");
    try (Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances(a, b, c), InvoiceQuery.all(), 2)) {
      Iterator<InstanceInvoice> iterator = stream.iterator();
      assertThat(iterator.next().invoice().id()).isEqualTo("a-0");
      assertThat(b.started.await(10, SECONDS)).isTrue(); // b is read while a is consumed
      assertThat(c.streams).hasValue(0); // c waits: two instances at once
      assertThat(iterator.next().invoice().id()).isEqualTo("a-1");
      assertThat(iterator.next().invoice().id()).isEqualTo("b-0"); // a ended: c may start
      assertThat(c.started.await(10, SECONDS)).isTrue();
      assertThat(iterator.next().invoice().id()).isEqualTo("c-0");
      assertThat(iterator.hasNext()).isFalse();
    }
  }

  @Test void aFailureNamesItsInstanceAndWrapsTheOriginalAfterWhatCameBefore() {
    AuthenticationException original = new AuthenticationException("b", "invalid token", 401, "auth",
        "req-7");
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1");
    ScriptedProvider b = new ScriptedProvider("b", "USD", "2", "3").failingAt(1, original);
    ScriptedProvider c = new ScriptedProvider("c", "USD", "4").gated();
    List<String> seen = new ArrayList<>();
    try (Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances(a, b, c), InvoiceQuery.all(), 3)) {
      assertThatThrownBy(() -> stream.forEachOrdered(each -> seen.add(each.invoice().id())))
          .isInstanceOf(InstanceException.class)
          .hasMessage("b: instance b: invalid token (HTTP 401, vendor code auth, request id req-7)")
          .hasCause(original)
          .satisfies(e -> {
            InstanceException failure = (InstanceException) e;
            assertThat(failure.instance()).isEqualTo("b");
            assertThat(failure.provider()).isEqualTo("b");
            assertThat(failure.httpStatus()).isEqualTo(401);
            assertThat(failure.getCause()).isSameAs(original);
          });
    }
    assertThat(seen).containsExactly("a-0", "b-0");
    assertThat(c.streamClosed.getCount()).isZero(); // c's prefetch was stopped by the failure
  }

  @Test void aFailureThatIsNotAnInvoiceExceptionIsWrappedToo() {
    IllegalStateException original = new IllegalStateException("boom");
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1").failingAt(0, original);
    Map<String, InvoiceProvider> named = new LinkedHashMap<>();
    named.put("a-eu", a);
    assertThatThrownBy(() -> ids(InvoiceStreams.stream(named, InvoiceQuery.all(), 1)))
        .isInstanceOf(InstanceException.class)
        .hasMessage("a: instance a-eu: java.lang.IllegalStateException: boom")
        .hasCause(original);
  }

  @Test void closeStopsEveryInstanceStillReading() throws Exception {
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1", "2");
    ScriptedProvider b = new ScriptedProvider("b", "USD", "3").gated();
    ScriptedProvider c = new ScriptedProvider("c", "USD", "4").gated();
    Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances(a, b, c), InvoiceQuery.all(), 3);
    Iterator<InstanceInvoice> iterator = stream.iterator();
    assertThat(iterator.next().invoice().id()).isEqualTo("a-0");
    assertThat(b.started.await(10, SECONDS)).isTrue();
    assertThat(c.started.await(10, SECONDS)).isTrue();
    stream.close(); // b and c are blocked in their vendors' streams: close interrupts and waits
    assertThat(a.streamClosed.getCount()).isZero();
    assertThat(b.streamClosed.getCount()).isZero();
    assertThat(c.streamClosed.getCount()).isZero();
    assertThat(iterator.hasNext()).isFalse();
    stream.close(); // idempotent
  }

  @Test void closeFromAnotherThreadWakesAWaitingConsumer() throws Exception {
    ScriptedProvider a = new ScriptedProvider("a", "USD", "1").gated();
    Stream<InstanceInvoice> stream = InvoiceStreams.stream(instances(a), InvoiceQuery.all(), 1);
    Iterator<InstanceInvoice> iterator = stream.iterator();
    boolean[] hasNext = {true};
    Thread consumer = new Thread(() -> hasNext[0] = iterator.hasNext());
    consumer.start();
    assertThat(a.started.await(10, SECONDS)).isTrue();
    stream.close();
    consumer.join();
    assertThat(hasNext[0]).isFalse();
    assertThat(a.streamClosed.getCount()).isZero();
  }

  @Test void totalsPerCurrencyAreExactAcrossInstances() {
    ScriptedProvider a = new ScriptedProvider("a", "USD", "0.10", "0.20", "1000");
    ScriptedProvider b = new ScriptedProvider("b", "JPY", "1000", "1");
    ScriptedProvider c = new ScriptedProvider("c", "USD", "0.000125");
    CurrencyTotals totals = InvoiceStreams.totals(
        InvoiceStreams.stream(instances(a, b, c), InvoiceQuery.all(), 2));
    assertThat(totals.count()).isEqualTo(6);
    assertThat(totals.totals()).containsExactly(
        Map.entry(Currency.getInstance("JPY"), Money.of("1001", "JPY")),
        Map.entry(Currency.getInstance("USD"), Money.of("1000.300125", "USD")));
    assertThat(totals.totals().get(Currency.getInstance("USD")).amount().toPlainString())
        .isEqualTo("1000.300125");
    assertThat(totals.entries().get(Currency.getInstance("USD")).count()).isEqualTo(4);
  }

  @Test void badArgumentsFailAtOnce() {
    assertThatThrownBy(() -> InvoiceStreams.stream(Map.of(), InvoiceQuery.all(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxConcurrency < 1: 0");
    assertThatThrownBy(() -> InvoiceStreams.stream(Map.of(), InvoiceQuery.all(), 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bufferPerInstance < 1: 0");
    assertThat(ids(InvoiceStreams.stream(Map.of(), InvoiceQuery.all(), 1))).isEmpty();
  }
}
