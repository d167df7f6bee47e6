package dev.invoicekit.fastly;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.net.URI;
import java.util.Optional;

/**
 * Creates the {@code fastly} provider: the Fastly Invoices API ({@code /billing/v3}).
 *
 * <p>Settings, under {@code invoicekit.fastly.} in properties: {@code api-token} (else the
 * environment variable {@code FASTLY_API_TOKEN}; required, sent as {@code Fastly-Key}),
 * {@code base-url} (default {@code https://api.fastly.com}), {@code page-size} (1 to 200, default
 * 200), {@code timeout}, {@code max-retries}, {@code max-concurrency}. Found by
 * {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class FastlyInvoiceProviderFactory implements InvoiceProviderFactory {
  static final String ID = "fastly";
  static final String DEFAULT_BASE_URL = "https://api.fastly.com";
  static final String API_TOKEN = "api-token";
  static final String API_TOKEN_ENV = "FASTLY_API_TOKEN";
  static final String AUTH_HEADER = "Fastly-Key";
  /** Fastly's largest page; it clamps larger limits and rejects some with HTTP 400. */
  static final int MAX_PAGE_SIZE = 200;

  /** For {@link java.util.ServiceLoader}. */
  public FastlyInvoiceProviderFactory() {}

  @Override public String id() {
    return ID;
  }

  @Override public String description() {
    return "Fastly Invoices API: list (cursor), get, preview (month-to-date)";
  }

  @Override public Optional<String> missingCredential(ProviderConfig config) {
    return config.get(API_TOKEN, API_TOKEN_ENV).isPresent()
        ? Optional.empty() : Optional.of(API_TOKEN_ENV);
  }

  /**
   * Returns a new provider. Every setting is validated first.
   *
   * @throws dev.invoicekit.ConfigurationException naming the first missing or malformed setting
   */
  @Override public InvoiceProvider create(ProviderConfig config) {
    URI baseUrl = config.baseUrl(DEFAULT_BASE_URL, null);
    String token = config.require(API_TOKEN, API_TOKEN_ENV);
    int pageSize = config.integer(ProviderConfig.PAGE_SIZE, MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    // Read now so that a malformed value fails here, naming its key, before anything is built.
    config.timeout();
    config.maxRetries();
    config.maxConcurrency();
    HttpTransport transport = HttpTransport.builder(config)
        .baseUrl(baseUrl)
        .credentialHeader(AUTH_HEADER, token, API_TOKEN)
        .errorDecoder(new FastlyErrorDecoder())
        .requestIdHeaders("Fastly-Request-Id", "X-Request-Id")
        .build();
    return new FastlyInvoiceProvider(transport, baseUrl, pageSize);
  }
}
