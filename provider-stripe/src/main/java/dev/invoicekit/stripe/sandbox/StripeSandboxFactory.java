package dev.invoicekit.stripe.sandbox;

import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxFactory;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;

/** Starts {@link StripeSandbox}es for {@link Sandboxes}; found by {@link java.util.ServiceLoader}. */
public final class StripeSandboxFactory implements SandboxFactory {
  /** Used by {@link java.util.ServiceLoader}. */
  public StripeSandboxFactory() {}

  @Override public String providerId() {
    return "stripe";
  }

  @Override public Sandbox start(SandboxOptions options) {
    return StripeSandbox.start(options);
  }
}
