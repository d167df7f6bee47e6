package dev.invoicekit.cli;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How a command that serves until stopped ({@code invoicekit sandbox}) learns that it must stop. */
interface StopSignal {
  /**
   * Blocks until the tool is asked to stop, then runs {@code stop} (which releases what the
   * command holds) before returning.
   *
   * @throws InterruptedException if the waiting thread is interrupted; {@code stop} has then not run
   */
  void awaitThen(Runnable stop) throws InterruptedException;

  /**
   * Returns the signal of a process: Ctrl-C or SIGTERM. A shutdown hook wakes the command, then
   * holds the JVM's exit until {@code stop} has run (at most {@code graceSeconds}), so the sandboxes
   * close their sockets and the last line on stderr gets out.
   */
  static StopSignal shutdownHook(long graceSeconds) {
    return stop -> {
      Objects.requireNonNull(stop, "stop == null");
      CountDownLatch asked = new CountDownLatch(1);
      CountDownLatch done = new CountDownLatch(1);
      Thread hook = new Thread(() -> {
        asked.countDown();
        try {
          done.await(graceSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "invoicekit-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        asked.await();
      } catch (InterruptedException e) {
        done.countDown();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook runs anyway and finds done counted down.
        }
        throw e;
      }
      try {
        stop.run();
      } finally {
        done.countDown();
      }
    };
  }
}
