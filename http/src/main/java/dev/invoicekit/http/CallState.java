package dev.invoicekit.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Response;

/**
 * One execution of a call, from its first attempt to its answer, as {@link HttpTransport#close()}
 * sees it: closing cancels the attempt in flight (and wakes the caller waiting for it) or the
 * backoff wait, and every later attempt fails at once.
 */
final class CallState {
  private boolean canceled; // Guarded by this.
  private Call attempt; // Guarded by this.
  private CompletableFuture<Response> answer; // Guarded by this.
  private Thread sleeping; // Guarded by this.

  /** Cancels the attempt in flight and wakes a backoff wait; later attempts fail at once. */
  synchronized void cancel() {
    canceled = true;
    if (attempt != null) {
      attempt.cancel();
      answer.completeExceptionally(new IOException("Canceled"));
    }
    if (sleeping != null) sleeping.interrupt();
  }

  synchronized boolean isCanceled() {
    return canceled;
  }

  /** Registers {@code call}, whose answer completes {@code answer}, as the attempt in flight. */
  synchronized void begin(Call call, CompletableFuture<Response> answer) throws IOException {
    if (canceled) throw new IOException("Canceled");
    this.attempt = call;
    this.answer = answer;
  }

  synchronized void end() {
    attempt = null;
    answer = null;
  }

  /**
   * Waits {@code duration} with {@code sleeper} on the calling thread.
   *
   * @throws IOException if the call is cancelled before or during the wait (its interrupt,
   *     which woke the wait, cleared)
   * @throws InterruptedException if someone else interrupted the waiting thread
   */
  void sleep(Sleeper sleeper, Duration duration) throws IOException, InterruptedException {
    synchronized (this) {
      if (canceled) throw new IOException("Canceled");
      sleeping = Thread.currentThread();
    }
    InterruptedException interrupted = null;
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      interrupted = e;
    } finally {
      synchronized (this) {
        sleeping = null;
        if (canceled) Thread.interrupted(); // Our own wake-up call: not the caller's.
      }
    }
    if (isCanceled()) throw new IOException("Canceled");
    if (interrupted != null) throw interrupted;
  }
}
