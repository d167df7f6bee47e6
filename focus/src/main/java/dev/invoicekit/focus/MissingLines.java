package dev.invoicekit.focus;

import dev.invoicekit.InstanceException;
import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.ProviderException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Fetches, with {@link InvoiceProvider#get}, the lines a vendor's listing leaves out, so that the
 * export itemises what the vendor itemises.
 *
 * <p>By default an invoice is fetched again when its listing gives a subtotal but no lines: the
 * vendor has lines and the listing omitted them. An invoice with neither (a vendor that keeps no
 * lines) is left as it is and exported as one row. Fetches run at most {@code maxConcurrency}
 * at a time, ahead of the consumer, on daemon threads named {@code invoicekit-focus-lines-<n>};
 * the order of the stream is kept. Closing the returned stream closes {@code invoices} and stops
 * the fetches.
 */
public final class MissingLines {
  /** The default choice of invoices to fetch again: a subtotal but no lines. */
  public static final Predicate<Invoice> SUBTOTAL_WITHOUT_LINES =
      invoice -> invoice.lines().isEmpty() && invoice.subtotal() != null;

  private MissingLines() {}

  /**
   * Returns {@code invoices} with the lines of those {@link #SUBTOTAL_WITHOUT_LINES} fetched from
   * their instance in {@code providers}.
   *
   * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
   */
  public static Stream<InstanceInvoice> fetch(Stream<InstanceInvoice> invoices,
      Map<String, ? extends InvoiceProvider> providers, int maxConcurrency) {
    return fetch(invoices, providers, maxConcurrency, SUBTOTAL_WITHOUT_LINES);
  }

  /**
   * Returns {@code invoices} with those matching {@code needsLines} replaced by what
   * {@code get} returns for them from their instance in {@code providers} (unchanged if the
   * vendor no longer knows them). A failed {@code get} fails the stream, in order, as an
   * {@link InstanceException} naming the instance.
   */
  public static Stream<InstanceInvoice> fetch(Stream<InstanceInvoice> invoices,
      Map<String, ? extends InvoiceProvider> providers, int maxConcurrency,
      Predicate<Invoice> needsLines) {
    Objects.requireNonNull(invoices, "invoices == null");
    Objects.requireNonNull(providers, "providers == null");
    Objects.requireNonNull(needsLines, "needsLines == null");
    if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
    Fetcher fetcher = new Fetcher(invoices, Map.copyOf(providers), maxConcurrency, needsLines);
    return StreamSupport.stream(fetcher, false).onClose(fetcher::close);
  }

  private record Pending(InstanceInvoice listed, Future<InstanceInvoice> future) {}

  private static final class Fetcher extends Spliterators.AbstractSpliterator<InstanceInvoice> {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Stream<InstanceInvoice> source;
    private final Iterator<InstanceInvoice> upstream;
    private final Map<String, ? extends InvoiceProvider> providers;
    private final int maxConcurrency;
    private final Predicate<Invoice> needsLines;
    private final Deque<Object> window = new ArrayDeque<>(); // InstanceInvoice or Pending
    private ExecutorService executor;
    private boolean closed;

    Fetcher(Stream<InstanceInvoice> source, Map<String, ? extends InvoiceProvider> providers,
        int maxConcurrency, Predicate<Invoice> needsLines) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.source = source;
      this.upstream = source.iterator();
      this.providers = providers;
      this.maxConcurrency = maxConcurrency;
      this.needsLines = needsLines;
    }

    @Override public boolean tryAdvance(Consumer<? super InstanceInvoice> action) {
      if (closed) return false;
      // Keep up to maxConcurrency fetches ahead; plain invoices wait behind them in order.
      while (pending() < maxConcurrency && upstream.hasNext()) {
        InstanceInvoice next = upstream.next();
        window.addLast(needsLines.test(next.invoice()) ? submit(next) : next);
        if (!(window.peekLast() instanceof Pending)) break;
      }
      Object head = window.pollFirst();
      if (head == null) return false;
      action.accept(head instanceof Pending ? await((Pending) head) : (InstanceInvoice) head);
      return true;
    }

    private int pending() {
      int count = 0;
      for (Object each : window) if (each instanceof Pending) count++;
      return count;
    }

    private Pending submit(InstanceInvoice listed) {
      if (executor == null) {
        executor = Executors.newFixedThreadPool(maxConcurrency, task -> {
          Thread thread = new Thread(task, "invoicekit-focus-lines-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
      }
      InvoiceProvider provider = providers.get(listed.instance());
      if (provider == null) {
        throw new IllegalArgumentException("no provider for instance " + listed.instance());
      }
      return new Pending(listed, executor.submit(() -> provider.get(listed.invoice().id())
          .map(full -> new InstanceInvoice(listed.instance(), full))
          .orElse(listed)));
    }

    private InstanceInvoice await(Pending pending) {
      try {
        return pending.future().get();
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new InstanceException(pending.listed().instance(), pending.listed().invoice().provider(),
            new ProviderException(pending.listed().invoice().provider(),
                "interrupted while fetching invoice lines", 0, null, null, false, e));
      } catch (ExecutionException | CancellationException e) {
        close();
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof Error) throw (Error) cause;
        RuntimeException failure = cause instanceof RuntimeException ? (RuntimeException) cause
            : new IllegalStateException(cause);
        throw new InstanceException(pending.listed().instance(), pending.listed().invoice().provider(),
            failure);
      }
    }

    void close() {
      if (closed) return;
      closed = true;
      window.clear();
      try {
        if (executor != null) {
          executor.shutdownNow();
          executor.awaitTermination(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        source.close();
      }
    }
  }
}
