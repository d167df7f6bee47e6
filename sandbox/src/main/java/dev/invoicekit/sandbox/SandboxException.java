package dev.invoicekit.sandbox;

/**
 * Thrown by a vendor handler or a request helper to answer with an HTTP error: the sandbox turns
 * it into the vendor's error body ({@link Sandbox#error}) with {@link #status()}.
 *
 * <p>For example {@code throw new SandboxException(404, "invoice not found")}, or the 400 that
 * {@link SandboxRequest#intQuery} throws for {@code ?limit=abc}. Carries no stack trace: it is an
 * answer, not a failure of the sandbox.
 */
final class SandboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  SandboxException(int status, String message) {
    super(message, null, false, false);
    if (status < 400 || status > 599) throw new IllegalArgumentException("not an error status: " + status);
    this.status = status;
  }

  /** The HTTP status to answer with, 400 to 599. */
  int status() {
    return status;
  }
}
