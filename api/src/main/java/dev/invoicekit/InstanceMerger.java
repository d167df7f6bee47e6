package dev.invoicekit;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The engine of {@link InvoiceStreams#stream}: one reader thread per started instance, read in order. */
final class InstanceMerger implements Spliterator<InstanceInvoice> {
  private static final Object END = new Object();
  private static final Object CLOSED = new Object();
  private static final long JOIN_SECONDS = 10;

  record Source(String name, InvoiceProvider provider) {}

  private record Failure(Throwable error) {}

  private final List<Source> sources;
  private final InvoiceQuery query;
  private final int maxConcurrency;
  private final Lane[] lanes;
  private final int bufferPerInstance;
  /** The lane the consumer reads; confined to the consumer's thread. */
  private int current;
  /** How many lanes were started. */
  private int started;
  private volatile boolean closed;

  InstanceMerger(List<Source> sources, InvoiceQuery query, int maxConcurrency, int bufferPerInstance) {
    this.sources = List.copyOf(sources);
    this.query = query;
    this.maxConcurrency = maxConcurrency;
    this.bufferPerInstance = bufferPerInstance;
    this.lanes = new Lane[sources.size()];
  }

  @Override public boolean tryAdvance(Consumer<? super InstanceInvoice> action) {
    if (closed) return false;
    startLanes();
    while (current < lanes.length) {
      Lane lane = lanes[current];
      Object item;
      try {
        item = lane.queue.take();
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new InstanceException(lane.source.name(), lane.source.provider().id(),
            new ProviderException(lane.source.provider().id(), "interrupted while waiting for invoices",
                0, null, null, false, e));
      }
      if (item instanceof InstanceInvoice) {
        action.accept((InstanceInvoice) item);
        return true;
      }
      if (item == CLOSED) return false;
      if (item instanceof Failure) {
        close();
        Throwable error = ((Failure) item).error();
        if (error instanceof Error) throw (Error) error;
        throw new InstanceException(lane.source.name(), lane.source.provider().id(),
            (RuntimeException) error);
      }
      current++; // END
      startLanes();
    }
    close();
    return false;
  }

  /** Starts lanes until {@code maxConcurrency} are open past the consumer's. */
  private synchronized void startLanes() {
    while (!closed && started < lanes.length && started - current < maxConcurrency) {
      Lane lane = new Lane(sources.get(started), bufferPerInstance);
      lanes[started++] = lane;
      lane.thread.start();
    }
  }

  /** Stops every lane still reading, waits for its thread, and wakes a waiting consumer. */
  synchronized void close() {
    if (closed) return;
    closed = true;
    for (int i = 0; i < started; i++) lanes[i].thread.interrupt();
    boolean interrupted = false;
    for (int i = 0; i < started; i++) {
      try {
        lanes[i].thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
      } catch (InterruptedException e) {
        interrupted = true;
      }
      lanes[i].queue.clear();
      lanes[i].queue.offer(CLOSED);
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  @Override public Spliterator<InstanceInvoice> trySplit() {
    return null;
  }

  @Override public long estimateSize() {
    return Long.MAX_VALUE;
  }

  @Override public int characteristics() {
    return ORDERED | NONNULL;
  }

  /** One instance read on its own thread into a bounded queue. */
  private final class Lane implements Runnable {
    final Source source;
    final BlockingQueue<Object> queue;
    final Thread thread;

    Lane(Source source, int capacity) {
      this.source = source;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.thread = new Thread(this, "invoicekit-instances-" + source.name());
      this.thread.setDaemon(true);
    }

    @Override public void run() {
      Object last;
      try (Stream<Invoice> invoices = source.provider().stream(query)) {
        Iterator<Invoice> iterator = invoices.iterator();
        while (iterator.hasNext()) {
          Invoice invoice = iterator.next();
          if (closed) return;
          queue.put(new InstanceInvoice(source.name(), invoice));
        }
        last = END;
      } catch (InterruptedException e) {
        return; // closed: nobody waits for this lane any more
      } catch (RuntimeException | Error e) {
        last = new Failure(e);
      }
      if (closed) return;
      try {
        queue.put(last);
      } catch (InterruptedException e) {
        // closed while the consumer had not made room: nothing left to deliver
      }
    }
  }
}
