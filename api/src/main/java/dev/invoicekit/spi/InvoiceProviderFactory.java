package dev.invoicekit.spi;

import dev.invoicekit.InvoiceProvider;
import java.util.Optional;

/**
 * Creates the {@link InvoiceProvider} of one vendor. Found by {@link java.util.ServiceLoader}, so
 * implementations are public, have a public no-argument constructor, and are listed in
 * {@code META-INF/services/dev.invoicekit.spi.InvoiceProviderFactory}. Implementations are
 * stateless and thread-safe.
 */
public interface InvoiceProviderFactory {
  /** The provider id, lower case, unique on a class path: {@code "fastly"}. Never null. */
  String id();

  /**
   * Returns a new provider configured by {@code config}. Validates every setting first: a
   * missing or malformed one throws {@link dev.invoicekit.ConfigurationException} naming the key,
   * before any network call. Never returns null.
   */
  InvoiceProvider create(ProviderConfig config);

  /** A one-line description of the vendor and what this provider supports. */
  default String description() {
    return id();
  }

  /**
   * Returns the name of the first credential {@code config} lacks, as a user sets it (the
   * environment variable, like {@code "FASTLY_API_TOKEN"}), or empty when the credentials are
   * there. Never calls the network and never returns a secret.
   */
  default Optional<String> missingCredential(ProviderConfig config) {
    return Optional.empty();
  }
}
