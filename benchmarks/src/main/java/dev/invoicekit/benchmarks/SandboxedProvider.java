package dev.invoicekit.benchmarks;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A provider created through the public API and pointed at a sandbox of its vendor. */
final class SandboxedProvider {
  private SandboxedProvider() {}

  /** Returns the settings that point provider {@code sandbox.providerId()} at {@code sandbox}. */
  static ProviderConfig config(Sandbox sandbox, Map<String, String> settings) {
    Objects.requireNonNull(sandbox, "sandbox == null");
    Objects.requireNonNull(settings, "settings == null");
    return ProviderConfig.builder(sandbox.providerId())
        .environment(name -> null) // a vendor token in the environment must not change results
        .setAll(sandbox.providerSettings())
        .setAll(settings)
        .build();
  }

  /** Creates provider {@code sandbox.providerId()} against {@code sandbox}; the caller closes it. */
  static InvoiceProvider create(Sandbox sandbox, Map<String, String> settings) {
    return InvoiceProviders.create(sandbox.providerId(), config(sandbox, settings));
  }

  /** Starts the sandbox of {@code providerId}; the caller closes it. */
  static Sandbox start(String providerId, SandboxOptions options) {
    return Sandboxes.start(providerId, options);
  }

  /**
   * Returns the ids of the providers on the class path that also have a sandbox, sorted: every
   * harness's default, found with {@link java.util.ServiceLoader} rather than listed.
   *
   * @throws IllegalStateException if there is none
   */
  static List<String> providerIds() {
    Set<String> ids = new TreeSet<>(InvoiceProviders.available());
    ids.retainAll(Sandboxes.available());
    if (ids.isEmpty()) throw new IllegalStateException("no provider with a sandbox on the class path");
    return List.copyOf(ids);
  }
}
