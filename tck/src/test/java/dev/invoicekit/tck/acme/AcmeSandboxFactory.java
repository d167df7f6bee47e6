package dev.invoicekit.tck.acme;

import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxFactory;
import dev.invoicekit.sandbox.SandboxOptions;

/** Makes {@link AcmeSandbox} known to {@link dev.invoicekit.sandbox.Sandboxes}. */
public final class AcmeSandboxFactory implements SandboxFactory {
  @Override public String providerId() {
    return AcmeProviderFactory.ID;
  }

  @Override public Sandbox start(SandboxOptions options) {
    return AcmeSandbox.start(options);
  }
}
