package dev.invoicekit.sandbox;

/**
 * A failure a sandbox can inject in place of a normal answer, as a real vendor or network would.
 *
 * <p>The share of requests that get a fault is {@link SandboxOptions#faultPercent()}; which fault
 * each one gets is drawn from {@link SandboxOptions#faults()} by a random sequence seeded with
 * {@link SandboxOptions#seed()}, so a chaos run can be replayed.
 */
public enum Fault {
  /** HTTP 429 with a {@code Retry-After} header and the vendor's error body. */
  RATE_LIMIT,
  /** HTTP 503 with the vendor's error body. */
  UNAVAILABLE,
  /**
   * The connection is dropped: either before any byte of the response, or halfway through the
   * body of the normal answer (the client then sees a truncated body). Either way the client gets
   * an {@link java.io.IOException}.
   */
  DISCONNECT
}
