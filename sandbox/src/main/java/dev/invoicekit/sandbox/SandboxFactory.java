package dev.invoicekit.sandbox;

/**
 * Starts the sandbox of one vendor; found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.invoicekit.sandbox.SandboxFactory}. Implementations have a public
 * no-argument constructor and are thread-safe.
 */
public interface SandboxFactory {
  /** The provider id the sandboxes emulate, such as {@code "acme"}; never null. */
  String providerId();

  /**
   * Returns a new sandbox serving on a free loopback port; the caller closes it.
   *
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  Sandbox start(SandboxOptions options);
}
