package dev.invoicekit.http;

import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Invocation;

/**
 * The retry loop: an application interceptor that runs each attempt as a call of its own on the
 * attempt client (so that the per-attempt call timeout bounds headers and body together), reads
 * the whole body inside the loop, and retries idempotent calls on I/O errors and retryable
 * statuses. It throws only {@link IOException}s: typed failures travel as
 * {@link TransportFailure}.
 */
final class RetryInterceptor implements Interceptor {
  /** Statuses retried for every idempotent call. */
  private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
  /** Error bodies are cut to this many bytes: enough for any vendor message. */
  static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final String providerId;
  private final OkHttpClient attempts;
  private final String userAgent;
  private final int maxRetries;
  private final long maxResponseSize;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final RequestIds requestIds;
  private final OriginHeaders origin;
  private final Map<Request, CallState> states;
  private final String retryHintHeader;
  private final Map<Method, Policy> policies = new ConcurrentHashMap<>();
  private final WireLog log;

  RetryInterceptor(String providerId, OkHttpClient attempts, String userAgent, int maxRetries,
      long maxResponseSize, Backoff backoff, Sleeper sleeper, RequestIds requestIds,
      OriginHeaders origin, Map<Request, CallState> states, String retryHintHeader) {
    this.providerId = providerId;
    this.attempts = attempts;
    this.userAgent = userAgent;
    this.maxRetries = maxRetries;
    this.maxResponseSize = maxResponseSize;
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.requestIds = requestIds;
    this.origin = origin;
    this.states = states;
    this.retryHintHeader = retryHintHeader;
    this.log = new WireLog(providerId, requestIds);
  }

  @Override public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallState registered = states.get(request);
    CallState state = registered != null ? registered : new CallState();
    Invocation invocation = request.tag(Invocation.class);
    Policy policy = invocation == null
        ? Policy.NONE : policies.computeIfAbsent(invocation.method(), Policy::of);
    boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD")
        || policy.idempotent();
    Request outgoing = request.newBuilder().header("User-Agent", userAgent).build();
    int allowed = maxRetries + 1;
    for (int attempt = 1; ; attempt++) {
      if (chain.call().isCanceled()) state.cancel();
      long started = System.nanoTime();
      Response response;
      try {
        response = attempt(outgoing, state);
      } catch (TransportFailure e) {
        throw e;
      } catch (IOException e) {
        if (state.isCanceled() || chain.call().isCanceled()) throw new IOException("Canceled", e);
        String failure = e.getClass().getSimpleName();
        log.attempt(request, null, failure, started, attempt, allowed);
        if (!idempotent || attempt == allowed) {
          throw new TransportFailure(new ProviderException(providerId, describe(e, attempt), 0,
              null, null, true, origin.redact(e)));
        }
        state.sleep(sleeper, log.retry(request, failure, attempt, allowed, backoff.delay(attempt, null)));
        continue;
      }
      int status = response.code();
      log.attempt(request, response, Integer.toString(status), started, attempt, allowed);
      Boolean hint = retryHint(response);
      boolean retryable = hint != null
          ? hint && idempotent
          : policy.retryOn().contains(status) || idempotent && RETRYABLE.contains(status);
      if (retryable && attempt < allowed) {
        state.sleep(sleeper, log.retry(request, Integer.toString(status), attempt, allowed,
            backoff.delay(attempt, response.header("Retry-After"))));
        continue;
      }
      if (policy.retryOn().contains(status) && !RETRYABLE.contains(status)) {
        throw new TransportFailure(new ProviderException(providerId, "HTTP " + status
            + ": still not ready after " + attempt + " attempts", status, null,
            requestIds.find(response.headers()), true, null));
      }
      state.answered(response);
      return response;
    }
  }

  /**
   * Returns what the vendor's retry hint header says of an unsuccessful answer: true (retry),
   * false (do not), or null when there is no hint header, the answer is a success, or the value
   * is neither {@code true} nor {@code false}.
   */
  private Boolean retryHint(Response response) {
    if (retryHintHeader == null || response.isSuccessful()) return null;
    String value = response.header(retryHintHeader);
    if (value == null) return null;
    switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      default: return null;
    }
  }

  /** Runs one attempt and returns its answer with the body read into memory. */
  private Response attempt(Request request, CallState state) throws IOException {
    Call call = attempts.newCall(request);
    state.begin(call);
    try (Response response = NoSilentRetry.restore(call.execute())) {
      ResponseBody body = response.body();
      Buffer bytes = response.isSuccessful()
          ? readAll(response, body)
          : readPrefix(body.source(), ERROR_BODY_LIMIT);
      // The buffer itself becomes the body: no copy of what may be megabytes.
      return response.newBuilder()
          .body(ResponseBody.create(bytes, body.contentType(), bytes.size()))
          .build();
    } finally {
      state.end();
    }
  }

  /** Reads the whole body; more than {@code maxResponseSize} bytes is a malformed answer. */
  private Buffer readAll(Response response, ResponseBody body) throws IOException {
    if (body.contentLength() <= maxResponseSize) {
      Buffer bytes = readPrefix(body.source(), maxResponseSize + 1);
      if (bytes.size() <= maxResponseSize) return bytes;
    }
    throw new TransportFailure(new MalformedResponseException(providerId,
        "response body larger than " + maxResponseSize + " bytes", response.code(), null,
        requestIds.find(response.headers()), null));
  }

  /** Reads at most {@code limit} bytes of {@code source}. */
  private static Buffer readPrefix(BufferedSource source, long limit) throws IOException {
    Buffer buffer = new Buffer();
    while (buffer.size() < limit) {
      if (source.read(buffer, Math.min(8192, limit - buffer.size())) == -1) break;
    }
    return buffer;
  }

  private String describe(IOException e, int attempts) {
    String what = e instanceof InterruptedIOException
        ? "timed out" : "I/O error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    return origin.redact(what) + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
  }

  /** What a Retrofit method's annotations allow: retries after failures, extra not-ready statuses. */
  private record Policy(boolean idempotent, Set<Integer> retryOn) {
    static final Policy NONE = new Policy(false, Set.of());

    static Policy of(Method method) {
      RetryOnStatus retryOn = method.getAnnotation(RetryOnStatus.class);
      return new Policy(method.isAnnotationPresent(Idempotent.class), retryOn == null
          ? Set.of() : Arrays.stream(retryOn.value()).boxed().collect(Collectors.toUnmodifiableSet()));
    }
  }
}
