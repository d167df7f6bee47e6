package dev.invoicekit.flexprice.sandbox;

import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxFactory;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;

/** Starts {@link FlexpriceSandbox}es for {@link Sandboxes}; found by {@link java.util.ServiceLoader}. */
public final class FlexpriceSandboxFactory implements SandboxFactory {
  /** Used by {@link java.util.ServiceLoader}. */
  public FlexpriceSandboxFactory() {}

  @Override public String providerId() {
    return "flexprice";
  }

  @Override public Sandbox start(SandboxOptions options) {
    return FlexpriceSandbox.start(options);
  }
}
