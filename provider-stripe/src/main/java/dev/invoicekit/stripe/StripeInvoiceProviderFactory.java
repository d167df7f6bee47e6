package dev.invoicekit.stripe;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates the {@code stripe} provider: Stripe invoices ({@code /v1/invoices}).
 *
 * <p>Settings, under {@code invoicekit.stripe.} in properties: {@code api-key} (else the
 * environment variable {@code STRIPE_API_KEY}; required, sent as {@code Authorization: Bearer}),
 * {@code base-url} (default {@code https://api.stripe.com}), {@code stripe-account} (optional, a
 * Connect account {@code acct_...} sent as {@code Stripe-Account}), {@code api-version} (sent as
 * {@code Stripe-Version}; default {@value #DEFAULT_API_VERSION}, the mapping reads any version
 * from {@code 2025-03-31.basil}), {@code page-size} (1 to 100, default 100), {@code timeout},
 * {@code max-retries}, {@code max-concurrency}. Found by {@link java.util.ServiceLoader};
 * stateless and thread-safe.
 */
public final class StripeInvoiceProviderFactory implements InvoiceProviderFactory {
  static final String ID = "stripe";
  static final String DEFAULT_BASE_URL = "https://api.stripe.com";
  static final String API_KEY = "api-key";
  static final String API_KEY_ENV = "STRIPE_API_KEY";
  static final String STRIPE_ACCOUNT = "stripe-account";
  static final String API_VERSION = "api-version";
  /** The Stripe API version whose invoice shape the mapper is written for: the dahlia major. */
  static final String DEFAULT_API_VERSION = "2026-03-25.dahlia";
  /** Stripe's largest page ({@code limit} 1 to 100). */
  static final int MAX_PAGE_SIZE = 100;
  /** A Stripe API version: a date, and since 2024 a major release name. */
  private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

  /** For {@link java.util.ServiceLoader}. */
  public StripeInvoiceProviderFactory() {}

  @Override public String id() {
    return ID;
  }

  @Override public String description() {
    return "Stripe invoices: list (cursor), get (all lines), preview (customer or subscription)";
  }

  @Override public Optional<String> missingCredential(ProviderConfig config) {
    return config.get(API_KEY, API_KEY_ENV).isPresent() ? Optional.empty() : Optional.of(API_KEY_ENV);
  }

  /** {@code stripe-account} and {@code api-version} are no secrets; the key is. */
  @Override public Set<String> publicKeys() {
    return Set.of(STRIPE_ACCOUNT, API_VERSION);
  }

  /**
   * Returns a new provider. Every setting is validated first.
   *
   * @throws ConfigurationException naming the first missing or malformed setting
   */
  @Override public InvoiceProvider create(ProviderConfig config) {
    URI baseUrl = config.baseUrl(DEFAULT_BASE_URL, null);
    String key = config.require(API_KEY, API_KEY_ENV);
    String version = config.get(API_VERSION).map(String::trim).orElse(DEFAULT_API_VERSION);
    if (!VERSION.matcher(version).matches()) {
      String name = config.keyName(API_VERSION);
      throw new ConfigurationException(name, name + " is not a Stripe API version like "
          + DEFAULT_API_VERSION + ": '" + version + "'");
    }
    Optional<String> account = config.get(STRIPE_ACCOUNT).map(String::trim).filter(a -> !a.isEmpty());
    int pageSize = config.integer(ProviderConfig.PAGE_SIZE, MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    // Read now so that a malformed value fails here, naming its key, before anything is built.
    config.timeout();
    config.maxRetries();
    config.maxConcurrency();
    HttpTransport.Builder builder = HttpTransport.builder(config)
        .baseUrl(baseUrl)
        .credentialHeader("Authorization", "Bearer " + key, API_KEY)
        .header("Stripe-Version", version)
        .errorDecoder(new StripeErrorDecoder())
        .requestIdHeaders("Request-Id", "X-Request-Id")
        .retryHintHeader("Stripe-Should-Retry");
    if (account.isPresent()) builder.credentialHeader("Stripe-Account", account.get(), STRIPE_ACCOUNT);
    return new StripeInvoiceProvider(builder.build(), baseUrl, pageSize);
  }
}
