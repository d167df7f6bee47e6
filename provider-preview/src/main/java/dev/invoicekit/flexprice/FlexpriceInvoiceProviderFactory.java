package dev.invoicekit.flexprice;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the Flexprice provider, id {@value #ID}. Found by {@link java.util.ServiceLoader}; use it
 * through {@link dev.invoicekit.InvoiceProviders#create}.
 *
 * <p>Settings, under {@code invoicekit.flexprice.}:
 *
 * <ul>
 *   <li>{@code api-key} (required; else the environment variable {@code FLEXPRICE_API_KEY}): sent
 *       as {@code x-api-key}, only to the base URL's host.
 *   <li>{@code base-url} (else {@code FLEXPRICE_BASE_URL}; default
 *       {@value #DEFAULT_BASE_URL}): the India region is {@code https://api.cloud.flexprice.io/v1},
 *       a self-hosted server its own {@code …/v1}.
 *   <li>{@code page-size} (1–1000, default 100), {@code timeout}, {@code max-retries},
 *       {@code max-concurrency}: see {@link ProviderConfig}.
 * </ul>
 *
 * <p>Previews are per subscription ({@code PreviewRequest.subscriptionId} is required) and return
 * a DRAFT that Flexprice does not store: its id cannot be fetched later. Stateless and thread-safe.
 */
public final class FlexpriceInvoiceProviderFactory implements InvoiceProviderFactory {
  /** The provider id. */
  public static final String ID = "flexprice";
  /** The US region's endpoint. */
  public static final String DEFAULT_BASE_URL = "https://us.api.flexprice.io/v1";

  static final String API_KEY = "api-key";
  static final String API_KEY_ENV = "FLEXPRICE_API_KEY";
  static final String BASE_URL_ENV = "FLEXPRICE_BASE_URL";

  /** For {@link java.util.ServiceLoader}. */
  public FlexpriceInvoiceProviderFactory() {}

  @Override public String id() {
    return ID;
  }

  @Override public String description() {
    return "Flexprice API: list (search, offset, concurrent stream), get, preview (per subscription;"
        + " a draft whose id cannot be fetched later)";
  }

  @Override public Optional<String> missingCredential(ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    return config.get(API_KEY, API_KEY_ENV).isPresent() ? Optional.empty() : Optional.of(API_KEY_ENV);
  }

  /**
   * Returns a provider for {@code config}, after validating every setting.
   *
   * @throws dev.invoicekit.ConfigurationException naming the first missing or malformed setting,
   *     before any network call
   */
  @Override public InvoiceProvider create(ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    URI baseUrl = config.baseUrl(DEFAULT_BASE_URL, BASE_URL_ENV);
    String apiKey = config.require(API_KEY, API_KEY_ENV);
    int pageSize = config.integer(ProviderConfig.PAGE_SIZE, FlexpriceSearch.DEFAULT_PAGE_SIZE, 1,
        FlexpriceSearch.MAX_PAGE_SIZE);
    config.timeout();
    config.maxRetries();
    int maxConcurrency = config.maxConcurrency();
    HttpTransport transport = HttpTransport.builder(config)
        .baseUrl(baseUrl)
        .credentialHeader("x-api-key", apiKey, API_KEY)
        .errorDecoder(new FlexpriceErrorDecoder())
        .build();
    return new FlexpriceInvoiceProvider(transport, baseUrl, pageSize, maxConcurrency);
  }
}
