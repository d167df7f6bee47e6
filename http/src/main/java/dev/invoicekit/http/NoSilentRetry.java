package dev.invoicekit.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Stops OkHttp from silently repeating a request answered 503 with {@code Retry-After: 0}.
 *
 * <p>OkHttp follows such an answer with one more attempt of its own, whatever
 * {@code retryOnConnectionFailure} says and whatever the method, so a POST that is not idempotent
 * would be sent twice and an idempotent call would get one attempt more than {@code max-retries}.
 * As a network interceptor this sees the answer before OkHttp decides, and moves
 * {@code Retry-After} of a 503 aside to {@value #STASHED}; {@link #restore} puts it back once the
 * attempt is over, for {@link CallRunner} to honour within its own budget.
 */
final class NoSilentRetry implements Interceptor {
  static final String STASHED = "InvoiceKit-Stashed-Retry-After";

  @Override public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null) return response;
    return response.newBuilder().removeHeader("Retry-After").header(STASHED, retryAfter).build();
  }

  /** Returns {@code response} with a stashed {@code Retry-After} put back. */
  static Response restore(Response response) {
    String retryAfter = response.header(STASHED);
    if (retryAfter == null) return response;
    return response.newBuilder().removeHeader(STASHED).header("Retry-After", retryAfter).build();
  }
}
