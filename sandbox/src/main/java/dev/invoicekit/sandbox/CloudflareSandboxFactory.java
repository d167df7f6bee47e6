package dev.invoicekit.sandbox;

/** Starts {@link CloudflareSandbox}es for {@link Sandboxes}; found by {@link java.util.ServiceLoader}. */
public final class CloudflareSandboxFactory implements SandboxFactory {
  /** Used by {@link java.util.ServiceLoader}. */
  public CloudflareSandboxFactory() {}

  @Override public String providerId() {
    return "cloudflare";
  }

  @Override public Sandbox start(SandboxOptions options) {
    return CloudflareSandbox.start(options);
  }
}
