package dev.invoicekit.cloudflare.sandbox;

import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxFactory;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;

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
