package dev.invoicekit.fastly.sandbox;

import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxFactory;
import dev.invoicekit.sandbox.SandboxOptions;

/** Starts {@link FastlySandbox}es; found by {@link java.util.ServiceLoader}. Thread-safe. */
public final class FastlySandboxFactory implements SandboxFactory {
  /** For {@link java.util.ServiceLoader}. */
  public FastlySandboxFactory() {}

  @Override public String providerId() {
    return "fastly";
  }

  @Override public Sandbox start(SandboxOptions options) {
    return FastlySandbox.start(options);
  }
}
