package dev.invoicekit.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Response;

/**
 * One execution of a call, shared by the thread waiting for it and the thread running its
 * attempts: cancellation reaches the attempt in flight or the backoff wait, and the answer the
 * retries settled on is kept for error reports.
 */
final class CallState {
  private boolean canceled;
  private Call attempt;
  private Thread waiting;
  private volatile Response answer;

  /** Cancels the attempt in flight and wakes a backoff wait; later attempts fail at once. */
  synchronized void cancel() {
    canceled = true;
    if (attempt != null) attempt.cancel();
    if (waiting != null) waiting.interrupt();
  }

  synchronized boolean isCanceled() {
    return canceled;
  }

  /** Registers {@code call} as the attempt in flight. */
  synchronized void begin(Call call) throws IOException {
    if (canceled) throw new IOException("Canceled");
    attempt = call;
  }

  synchronized void end() {
    attempt = null;
  }

  /** Waits {@code duration} with {@code sleeper}, unless or until the call is cancelled. */
  void sleep(Sleeper sleeper, Duration duration) throws IOException {
    synchronized (this) {
      if (canceled) throw new IOException("Canceled");
      waiting = Thread.currentThread();
    }
    boolean interrupted = false;
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      synchronized (this) {
        waiting = null;
        if (canceled) {
          Thread.interrupted(); // Our own wake-up call: not for the thread's next task.
        } else if (interrupted) {
          Thread.currentThread().interrupt(); // Someone else's: keep it.
        }
      }
    }
    if (interrupted || isCanceled()) throw new InterruptedIOException("Canceled");
  }

  /** Records the answer the retries settled on. */
  void answered(Response response) {
    this.answer = response;
  }

  /** The answer the retries settled on, or null if there was none. */
  Response answer() {
    return answer;
  }
}
