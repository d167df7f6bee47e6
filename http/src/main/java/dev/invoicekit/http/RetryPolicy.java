package dev.invoicekit.http;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Which calls are retried, and after what: idempotent calls after an I/O error and after the
 * statuses of {@link #RETRYABLE}; a method's {@link RetryOnStatus} statuses; the vendor's retry
 * hint header over both. How long to wait is {@link Backoff}'s.
 */
final class RetryPolicy {
  /** Statuses retried for every idempotent call. */
  static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

  private final int maxRetries;
  private final String retryHintHeader;
  private final Map<Method, Rules> byMethod = new ConcurrentHashMap<>();

  RetryPolicy(int maxRetries, String retryHintHeader) {
    this.maxRetries = maxRetries;
    this.retryHintHeader = retryHintHeader;
  }

  /** The most attempts of one call: the first and {@code max-retries} more. */
  int attempts() {
    return maxRetries + 1;
  }

  /** The rules of {@code request}, from its method and its Retrofit method's annotations. */
  Rules rules(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    Rules annotated = invocation == null ? Rules.NONE : byMethod.computeIfAbsent(invocation.method(), Rules::of);
    boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD") || annotated.idempotent;
    return idempotent == annotated.idempotent ? annotated : new Rules(true, annotated.retryOn);
  }

  /** True if {@code response} may be followed by another attempt under {@code rules}. */
  boolean retries(Rules rules, Response response) {
    Boolean hint = retryHint(response);
    if (hint != null) return hint && rules.idempotent;
    int status = response.code();
    return rules.retryOn.contains(status) || rules.idempotent && RETRYABLE.contains(status);
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
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      default: return null;
    }
  }

  /**
   * What a call allows: retries after failures ({@code idempotent}), and extra statuses that mean
   * "not ready yet" ({@code retryOn}, from {@link RetryOnStatus}).
   */
  record Rules(boolean idempotent, Set<Integer> retryOn) {
    static final Rules NONE = new Rules(false, Set.of());

    static Rules of(Method method) {
      RetryOnStatus retryOn = method.getAnnotation(RetryOnStatus.class);
      return new Rules(method.isAnnotationPresent(Idempotent.class), retryOn == null
          ? Set.of() : Arrays.stream(retryOn.value()).boxed().collect(Collectors.toUnmodifiableSet()));
    }

    /** True if {@code status} is one of the method's own not-ready statuses, not a usual retryable one. */
    boolean notReady(int status) {
      return retryOn.contains(status) && !RETRYABLE.contains(status);
    }
  }
}
