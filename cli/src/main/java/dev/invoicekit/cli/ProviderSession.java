package dev.invoicekit.cli;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider opened for a command, and the embedded sandbox it talks to under
 * {@code --sandbox}. Closing it closes both.
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
   * Opens provider {@code providerId} configured by {@code config}: the real vendor, never a
   * sandbox (that takes {@link #sandboxed}).
   *
   * @throws IllegalArgumentException if no provider has that id
   * @throws MissingCredentialException if a credential is missing: the message names the setting
   *     and its environment variable, and suggests {@code --sandbox} if the provider has a sandbox
   * @throws dev.invoicekit.ConfigurationException if another setting is missing or malformed
   */
  static ProviderSession open(String providerId, ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    Optional<String> missing = InvoiceProviders.factory(providerId).missingCredential(config);
    try {
      return new ProviderSession(InvoiceProviders.create(providerId, config), config, null);
    } catch (ConfigurationException e) {
      // create() names the setting and its environment variable; the factory said which is missing.
      if (missing.isEmpty() || !String.valueOf(e.getMessage()).contains(missing.get())) throw e;
      throw new MissingCredentialException(e, providerId, Sandboxes.available().contains(providerId));
    }
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
