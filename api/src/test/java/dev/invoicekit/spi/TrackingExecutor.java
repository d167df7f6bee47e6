package dev.invoicekit.spi;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test's own pager executor: counts the tasks handed to it and those still pending (queued or
 * running), so tests assert on the pager's own work, never on the JVM's threads.
 */
final class TrackingExecutor implements java.util.concurrent.Executor {
  private final ExecutorService delegate;
  private final AtomicInteger submitted = new AtomicInteger();
  private int pending; // Guarded by this.
  private boolean refuse;

  TrackingExecutor(String name) {
    AtomicInteger numbers = new AtomicInteger();
    this.delegate = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "invoicekit-" + name + "-pager-" + numbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override public void execute(Runnable task) {
    synchronized (this) {
      if (refuse) throw new RejectedExecutionException("refusing as told");
      pending++;
    }
    submitted.incrementAndGet();
    delegate.execute(() -> {
      try {
        task.run();
      } finally {
        synchronized (this) {
          pending--;
          notifyAll();
        }
      }
    });
  }

  /** Makes every later {@link #execute} throw {@link RejectedExecutionException}. */
  synchronized void refuse() {
    refuse = true;
  }

  /** How many tasks the pager handed over. */
  int submitted() {
    return submitted.get();
  }

  /** Waits (up to 10 seconds, then fails) until no task is queued or running. */
  synchronized void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + SECONDS.toNanos(10);
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("pager tasks still pending: " + pending);
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  void shutdown() {
    delegate.shutdownNow();
  }
}
