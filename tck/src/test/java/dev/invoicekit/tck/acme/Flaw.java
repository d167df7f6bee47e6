package dev.invoicekit.tck.acme;

/** A deliberate defect of {@link AcmeProvider}, each of which the kit must catch. */
public enum Flaw {
  /** Every page loses its last invoice. */
  DROPS_LAST_INVOICE_OF_A_PAGE,
  /** Every page after the first starts with the previous page's last invoice again. */
  REPEATS_AN_INVOICE_ACROSS_PAGES,
  /** Does not check that the vendor answered the offset it asked for: a repeated page is delivered again. */
  ACCEPTS_A_REPEATED_PAGE,
  /** Retries at once, whatever {@code Retry-After} says. */
  IGNORES_RETRY_AFTER,
  /** Tries a call that failed with HTTP 400 twice more. */
  RETRIES_A_400,
  /** Never retries: max-retries is ignored. */
  NEVER_RETRIES,
  /** Shows the API key in {@code toString()}. */
  LEAKS_THE_KEY_IN_TO_STRING,
  /** Logs the API key at FINE. */
  LOGS_THE_KEY,
  /** Follows a redirect to any host with the API key. */
  SENDS_THE_KEY_ACROSS_A_REDIRECT,
  /** {@code stream()} fetches the first page before it returns. */
  FETCHES_EAGERLY,
  /** Starts a thread that outlives {@code close()}. */
  LEAVES_A_THREAD_AFTER_CLOSE,
  /** Maps HTTP 401 to InvalidRequestException. */
  MAPS_401_TO_THE_WRONG_TYPE,
  /** Fetches every page at once, whatever max-concurrency says. */
  IGNORES_MAX_CONCURRENCY,
  /** Puts the invoice id into the path unencoded. */
  RAW_INVOICE_ID,
  /** Reads its settings on first use instead of in {@code create}. */
  VALIDATES_SETTINGS_LATE,
  /** {@code get()} of an unknown id throws NotFoundException instead of answering empty. */
  THROWS_ON_AN_UNKNOWN_ID,
  /** {@code close()} does nothing: calls after it still reach the vendor. */
  WORKS_AFTER_CLOSE,
  /** Keeps one paging position for the whole instance: a second stream, on any thread, starts where the first stopped. */
  SHARES_ONE_CURSOR_BETWEEN_CALLS
}
