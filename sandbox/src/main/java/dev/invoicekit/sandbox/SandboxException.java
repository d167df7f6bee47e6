package dev.invoicekit.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * Thrown by a vendor handler or a request helper to answer with an HTTP error: the sandbox turns
 * it into the vendor's error body ({@link Sandbox#error}) with {@link #status()}.
 *
 * <p>For example {@code throw new SandboxException(404, "invoice not found")}, or the 400 that
 * {@link SandboxRequest#intQuery} throws for {@code ?limit=abc}. Carries no stack trace: it is an
 * answer, not a failure of the sandbox.
 */
public final class SandboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String vendorCode;
  private final Map<String, Object> details;

  /**
   * Answers with {@code status} and the vendor's usual error code for it.
   *
   * @throws IllegalArgumentException if {@code status} is not 400 to 599
   */
  public SandboxException(int status, String message) {
    this(status, null, message);
  }

  /**
   * Answers with {@code status} and vendor error code {@code vendorCode}, such as
   * {@code "not_found"}; a null code means the vendor's usual code for the status.
   *
   * @throws IllegalArgumentException if {@code status} is not 400 to 599
   */
  public SandboxException(int status, String vendorCode, String message) {
    this(status, vendorCode, message, Map.of());
  }

  /**
   * Answers with {@code status}, vendor error code {@code vendorCode} (null: the usual one) and
   * {@code details}, such as {@code {"invoice_id": "inv_…"}}, for vendors whose error bodies carry
   * details ({@link Sandbox#error(int, String, String, Map)}).
   *
   * @throws IllegalArgumentException if {@code status} is not 400 to 599
   */
  public SandboxException(int status, String vendorCode, String message, Map<String, ?> details) {
    super(message, null, false, false);
    if (status < 400 || status > 599) throw new IllegalArgumentException("not an error status: " + status);
    this.status = status;
    this.vendorCode = vendorCode;
    this.details = Map.copyOf(Objects.requireNonNull(details, "details == null"));
  }

  /** The HTTP status to answer with, 400 to 599. */
  public int status() {
    return status;
  }

  /** The vendor's error code to answer with, or null for the vendor's usual code for the status. */
  public String vendorCode() {
    return vendorCode;
  }

  /** What the error is about, such as {@code {"field": "sort"}}; empty if nothing. Unmodifiable. */
  public Map<String, Object> details() {
    return details;
  }
}
