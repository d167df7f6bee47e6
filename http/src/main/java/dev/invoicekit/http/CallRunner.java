package dev.invoicekit.http;

import dev.invoicekit.InvoiceException;
import dev.invoicekit.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one call's attempts, on the calling thread: each attempt is an OkHttp call of its own on
 * the shared dispatcher (so the attempt's call timeout bounds headers and body together, and the
 * caller can be interrupted or closed out while it waits), its body read into memory on the
 * dispatcher's thread; between attempts the calling thread waits out the backoff. Answers the
 * response the retries settled on, or throws the typed failure.
 *
 * <p>An {@link Error} on the dispatcher's thread (thrown while the body is read, or inside OkHttp,
 * which reports it to the callback before rethrowing it) ends the call with a
 * {@link ProviderException} that is not retryable, at once: the caller never waits for an answer
 * that cannot come. As a last guard, a caller whose attempt is running but silent for
 * {@link #GRACE} past its timeout cancels it and counts it as timed out.
 */
final class CallRunner {
  /** How long past an attempt's own timeout its caller still waits for it. */
  static final Duration GRACE = Duration.ofSeconds(1);

  private final String providerId;
  private final OkHttpClient client;
  private final String userAgent;
  private final long waitMillis;
  private final RetryPolicy policy;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final BodyLimits limits;
  private final RequestIds requestIds;
  private final OriginHeaders origin;
  private final WireLog log;

  CallRunner(String providerId, OkHttpClient client, String userAgent, Duration timeout, RetryPolicy policy,
      Backoff backoff, Sleeper sleeper, BodyLimits limits, RequestIds requestIds, OriginHeaders origin) {
    this.providerId = providerId;
    this.client = client;
    this.userAgent = userAgent;
    this.waitMillis = timeout.plus(GRACE).toMillis();
    this.policy = policy;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.limits = limits;
    this.requestIds = requestIds;
    this.origin = origin;
    this.log = new WireLog(providerId, requestIds);
  }

  /**
   * Runs {@code request} until an answer the retries settle on, its body in memory.
   *
   * @throws InvoiceException the typed failure: I/O errors after the retries, a body too large,
   *     a method's not-ready status after the retries, an Error on the dispatcher's thread
   * @throws CanceledException if {@code state} was cancelled (the transport closed)
   * @throws InterruptedException if the calling thread was interrupted
   */
  Response run(Request request, CallState state) throws InterruptedException {
    RetryPolicy.Rules rules = policy.rules(request);
    Request outgoing = request.newBuilder().header("User-Agent", userAgent).build();
    int allowed = policy.attempts();
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      Response response;
      try {
        response = attempt(outgoing, state);
      } catch (IOException e) {
        if (state.isCanceled()) throw new CanceledException();
        String failure = e.getClass().getSimpleName();
        log.attempt(request, null, failure, started, attempt, allowed);
        if (!rules.idempotent() || attempt == allowed) {
          throw new ProviderException(providerId, describe(e, attempt), 0, null, null, true, origin.redact(e));
        }
        sleep(state, log.retry(request, failure, attempt, allowed, backoff.delay(attempt, null)));
        continue;
      }
      int status = response.code();
      log.attempt(request, response, Integer.toString(status), started, attempt, allowed);
      if (policy.retries(rules, response) && attempt < allowed) {
        sleep(state, log.retry(request, Integer.toString(status), attempt, allowed,
            backoff.delay(attempt, response.headers())));
        continue;
      }
      if (rules.notReady(status)) {
        throw new ProviderException(providerId, "HTTP " + status + ": still not ready after " + attempt
            + " attempts", status, null, requestIds.find(response.headers()), true, null);
      }
      return response;
    }
  }

  private void sleep(CallState state, Duration wait) throws InterruptedException {
    try {
      state.sleep(sleeper, wait);
    } catch (IOException canceled) {
      throw new CanceledException();
    }
  }

  /** Runs one attempt and returns its answer with the body read into memory. */
  private Response attempt(Request request, CallState state) throws IOException, InterruptedException {
    Call call = client.newCall(request);
    CompletableFuture<Response> answer = new CompletableFuture<>();
    state.begin(call, answer);
    try {
      call.enqueue(new Callback() {
        @Override public void onFailure(Call c, IOException e) {
          answer.completeExceptionally(e);
        }

        @Override public void onResponse(Call c, Response response) {
          try {
            answer.complete(limits.buffer(NoSilentRetry.restore(response)));
          } catch (Throwable t) { // An Error too: the caller must hear of it, not wait.
            answer.completeExceptionally(t);
          }
        }
      });
      return await(call, answer);
    } finally {
      state.end();
    }
  }

  private Response await(Call call, CompletableFuture<Response> answer) throws IOException, InterruptedException {
    while (true) {
      try {
        return answer.get(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        call.cancel();
        throw e;
      } catch (ExecutionException e) {
        throw unwrap(e.getCause());
      } catch (TimeoutException e) {
        // Waiting in the dispatcher's queue does not count: the attempt's timeout starts when it runs.
        if (client.dispatcher().queuedCalls().contains(call)) continue;
        call.cancel();
        throw new InterruptedIOException("timeout");
      }
    }
  }

  private IOException unwrap(Throwable t) {
    Error error = t instanceof Error ? (Error) t : null;
    if (error == null && t instanceof IOException) { // OkHttp's "canceled due to" report of an Error.
      if (t.getCause() instanceof Error) error = (Error) t.getCause();
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof Error) error = (Error) suppressed;
      }
    }
    if (error != null) {
      throw new ProviderException(providerId, "internal error on the transport's thread: "
          + error.getClass().getName(), 0, null, null, false, origin.redact(error));
    }
    if (t instanceof IOException) return (IOException) t;
    if (t instanceof InvoiceException) throw (InvoiceException) t;
    throw new ProviderException(providerId, "internal error on the transport's thread: "
        + t.getClass().getName(), 0, null, null, false, origin.redact(t));
  }

  private String describe(IOException e, int attempts) {
    String what = e instanceof InterruptedIOException
        ? "timed out" : "I/O error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    return origin.redact(what) + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
  }

  /** The call was cancelled by {@link HttpTransport#close()}. */
  static final class CanceledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CanceledException() {
      super("canceled", null, false, false);
    }
  }
}
