package dev.invoicekit.cli;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One provider opened for a command, with the embedded sandbox it talks to when it has no
 * credentials. Closing it closes both.
 */
final class ProviderSession implements AutoCloseable {
  private final InvoiceProvider provider;
  private final ProviderConfig config;
  private final Sandbox sandbox;

  private ProviderSession(InvoiceProvider provider, ProviderConfig config, Sandbox sandbox) {
    this.provider = provider;
    this.config = config;
    this.sandbox = sandbox;
  }

  /**
   * Opens provider {@code providerId} configured by {@code config}. When the provider reports a
   * missing credential and has a sandbox, starts that sandbox in process, points the provider at it
   * and says so through {@code notice}; with credentials it talks to the real vendor.
   *
   * @throws IllegalArgumentException if no provider has that id
   * @throws dev.invoicekit.ConfigurationException if a setting is missing or malformed
   */
  static ProviderSession open(String providerId, ProviderConfig config, Consumer<String> notice) {
    Objects.requireNonNull(notice, "notice == null");
    Optional<String> missing = InvoiceProviders.factory(providerId).missingCredential(config);
    if (missing.isEmpty() || !Sandboxes.available().contains(providerId)) {
      // With credentials, the real vendor; without and without a sandbox, create() names the key.
      return new ProviderSession(InvoiceProviders.create(providerId, config), config, null);
    }
    notice.accept("no " + missing.get() + ": using the embedded " + providerId + " sandbox");
    return sandboxed(providerId, config);
  }

  /**
   * Opens provider {@code providerId} against a new embedded sandbox, whatever credentials
   * {@code config} has: the sandbox's base URL and credentials overlay those of {@code config}.
   *
   * @throws IllegalArgumentException if no provider or no sandbox has that id
   */
  static ProviderSession sandboxed(String providerId, ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    Sandbox sandbox = Sandboxes.start(providerId, SandboxOptions.defaults());
    try {
      ProviderConfig pointed = config.toBuilder().setAll(sandbox.providerSettings()).build();
      return new ProviderSession(InvoiceProviders.create(providerId, pointed), pointed, sandbox);
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  InvoiceProvider provider() {
    return provider;
  }

  /** The configuration the provider was created with; its {@code toString()} masks secrets. */
  ProviderConfig config() {
    return config;
  }

  /** True if the provider talks to an embedded sandbox rather than the vendor. */
  boolean sandboxed() {
    return sandbox != null;
  }

  @Override public void close() {
    try {
      provider.close();
    } finally {
      if (sandbox != null) sandbox.close();
    }
  }
}
