package dev.invoicekit.spi;

import dev.invoicekit.InvoiceProvider;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the {@link InvoiceProvider} of one vendor. Found by {@link java.util.ServiceLoader}, so
 * implementations are public, have a public no-argument constructor, and are listed in
 * {@code META-INF/services/dev.invoicekit.spi.InvoiceProviderFactory}. Implementations are
 * stateless and thread-safe.
 *
 * <p>Everything vendor-specific is declared here, not in the core: the provider's id, its
 * non-secret settings ({@link #publicKeys()}) and, in {@link #create}, its endpoint, credential
 * headers and request-id headers. {@link ProviderChecks} holds the checks every provider makes.
 */
public interface InvoiceProviderFactory {
  /** {@return the provider id, lower case, unique on a class path: {@code "acme"}} Never null. */
  String id();

  /**
   * {@return a new provider configured by {@code config}} Validates every setting first: a
   * missing or malformed one throws {@link dev.invoicekit.ConfigurationException} naming the key,
   * before any network call. Never returns null.
   *
   * @param config the provider's settings
   */
  InvoiceProvider create(ProviderConfig config);

  /** {@return a one-line description of the vendor and what this provider supports} */
  default String description() {
    return id();
  }

  /**
   * {@return the name of the first credential {@code config} lacks, as a user sets it (the
   * environment variable, like {@code "ACME_API_TOKEN"}), or empty when the credentials are
   * there} Never calls the network and never returns a secret.
   *
   * @param config the provider's settings
   */
  default Optional<String> missingCredential(ProviderConfig config) {
    return Optional.empty();
  }

  /**
   * {@return this provider's own setting keys whose values are never secret, like
   * {@code "account-id"} or {@code "region"}, without the {@code invoicekit.<id>.} prefix}
   * {@link ProviderConfig#toString()} shows them and the common keys ({@code base-url},
   * {@code timeout}, …) and masks every other value, so a key left out is only masked, never
   * leaked. Default: none. Never null.
   */
  default Set<String> publicKeys() {
    return Set.of();
  }
}
