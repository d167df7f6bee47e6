package dev.invoicekit.http;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The transport's log, through {@link System.Logger} {@value #NAME} (the JDK's platform logging,
 * so java.util.logging by default, SLF4J or Log4j through their bridges).
 *
 * <ul>
 *   <li>DEBUG, one line per HTTP attempt: provider, method, path, outcome (the status, or the
 *       I/O error's type), duration, attempt number, and the vendor's request id.
 *   <li>INFO, one line per retry: what failed and how long the transport waits before the next
 *       attempt.
 * </ul>
 *
 * <p>Never logged: the query (a vendor may take a key or a customer's e-mail there), headers,
 * bodies and exception messages, so no line can carry a secret. The request id is redacted like
 * every text a vendor sends.
 */
final class WireLog {
  /** The logger's name; a host sets its level to see these lines. */
  static final String NAME = "dev.invoicekit.http";

  private final Logger logger;
  private final String providerId;
  private final RequestIds requestIds;

  WireLog(String providerId, RequestIds requestIds) {
    this(System.getLogger(NAME), providerId, requestIds);
  }

  WireLog(Logger logger, String providerId, RequestIds requestIds) {
    this.logger = logger;
    this.providerId = providerId;
    this.requestIds = requestIds;
  }

  /**
   * Logs one attempt at DEBUG: {@code acme GET /v1/invoices -> 200 in 41 ms (attempt 1 of 4,
   * request id req-7)}. {@code response} is null when the attempt failed with {@code outcome}.
   */
  void attempt(Request request, Response response, String outcome, long startedNanos, int attempt,
      int allowed) {
    if (!logger.isLoggable(Level.DEBUG)) return;
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    String requestId = response != null ? requestIds.find(response.headers()) : null;
    logger.log(Level.DEBUG, describe(request) + " -> " + outcome + " in " + millis + " ms (attempt "
        + attempt + " of " + allowed + (requestId != null ? ", request id " + requestId : "") + ")");
  }

  /**
   * Logs at INFO that attempt {@code attempt} ended in {@code outcome} and the next one follows
   * after {@code wait}: {@code acme GET /v1/invoices -> 503, retrying in 250 ms (attempt 2 of 4)}.
   *
   * @return {@code wait}, so that the caller sleeps what was logged
   */
  Duration retry(Request request, String outcome, int attempt, int allowed, Duration wait) {
    if (logger.isLoggable(Level.INFO)) {
      logger.log(Level.INFO, describe(request) + " -> " + outcome + ", retrying in "
          + wait.toMillis() + " ms (attempt " + (attempt + 1) + " of " + allowed + ")");
    }
    return wait;
  }

  private String describe(Request request) {
    return providerId + " " + request.method() + " " + request.url().encodedPath();
  }
}
