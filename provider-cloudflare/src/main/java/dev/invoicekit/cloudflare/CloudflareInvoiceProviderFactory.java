package dev.invoicekit.cloudflare;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the {@code cloudflare} provider: Cloudflare AI Gateway billing (invoice history and the
 * upcoming-invoice preview) through the Cloudflare v4 API.
 *
 * <p>Settings, under {@code invoicekit.cloudflare.} in properties:
 * <ul>
 *   <li>{@code account-id} (env {@code CLOUDFLARE_ACCOUNT_ID}), required;
 *   <li>{@code api-token} (env {@code CLOUDFLARE_API_TOKEN}), sent as {@code Authorization: Bearer};
 *       or {@code api-email} (env {@code CLOUDFLARE_EMAIL}) with {@code api-key} (env
 *       {@code CLOUDFLARE_API_KEY}), sent as {@code X-Auth-Email}/{@code X-Auth-Key}, which win
 *       over a token (settings win over environment variables: a configured {@code api-token}
 *       beats an e-mail and key found only in the environment);
 *   <li>{@code base-url}, default {@value #DEFAULT_BASE_URL};
 *   <li>{@code page-size} 1 to 100, default 50; {@code timeout}, {@code max-retries},
 *       {@code max-concurrency} as for every provider.
 * </ul>
 *
 * <p>Found by {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class CloudflareInvoiceProviderFactory implements InvoiceProviderFactory {
  /** Cloudflare's public v4 endpoint. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
  static final int DEFAULT_PAGE_SIZE = 50;

  static final String ACCOUNT_ID = "account-id";
  static final String API_TOKEN = "api-token";
  static final String API_EMAIL = "api-email";
  static final String API_KEY = "api-key";
  static final String ACCOUNT_ID_ENV = "CLOUDFLARE_ACCOUNT_ID";
  static final String API_TOKEN_ENV = "CLOUDFLARE_API_TOKEN";
  static final String API_EMAIL_ENV = "CLOUDFLARE_EMAIL";
  static final String API_KEY_ENV = "CLOUDFLARE_API_KEY";
  /**
   * Where Cloudflare's answers carry a request id: its {@code CF-Ray} (what Cloudflare support
   * asks for), after the generic headers a proxy in front of it may set.
   */
  private static final String[] REQUEST_ID_HEADERS = {"X-Request-Id", "Request-Id", "CF-Ray"};

  /** Used by {@link java.util.ServiceLoader}. */
  public CloudflareInvoiceProviderFactory() {}

  @Override public String id() {
    return CloudflareMapper.PROVIDER;
  }

  @Override public String description() {
    return "Cloudflare AI Gateway billing: list (page-based, concurrent), get (history scan),"
        + " preview (upcoming invoice)";
  }

  /** The account id is not secret: it is in every URL and shown by {@link ProviderConfig#toString()}. */
  @Override public Set<String> publicKeys() {
    return Set.of(ACCOUNT_ID);
  }

  @Override public Optional<String> missingCredential(ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    if (config.get(ACCOUNT_ID, ACCOUNT_ID_ENV).isEmpty()) return Optional.of(ACCOUNT_ID_ENV);
    if (usesEmailAndKey(config)) {
      if (config.get(API_EMAIL, API_EMAIL_ENV).isEmpty()) return Optional.of(API_EMAIL_ENV);
      if (config.get(API_KEY, API_KEY_ENV).isEmpty()) return Optional.of(API_KEY_ENV);
    } else if (config.get(API_TOKEN, API_TOKEN_ENV).isEmpty()) {
      return Optional.of(API_TOKEN_ENV);
    }
    return Optional.empty();
  }

  /**
   * Returns a new provider after validating every setting.
   *
   * @throws ConfigurationException naming the first missing or malformed setting, before any
   *     network call
   */
  @Override public InvoiceProvider create(ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    if (!config.providerId().equals(id())) {
      throw new IllegalArgumentException("config is for provider '" + config.providerId() + "', not 'cloudflare'");
    }
    URI baseUrl = config.baseUrl(DEFAULT_BASE_URL, null);
    String accountId = config.require(ACCOUNT_ID, ACCOUNT_ID_ENV);
    if (accountId.equals(".") || accountId.equals("..")) {
      throw new ConfigurationException(config.keyName(ACCOUNT_ID),
          config.keyName(ACCOUNT_ID) + " is not an account id: '" + accountId + "'");
    }
    HttpTransport.Builder transport = HttpTransport.builder(config)
        .baseUrl(baseUrl)
        .requestIdHeaders(REQUEST_ID_HEADERS);
    if (usesEmailAndKey(config)) {
      transport.credentialHeader("X-Auth-Email", config.require(API_EMAIL, API_EMAIL_ENV), API_EMAIL);
      transport.credentialHeader("X-Auth-Key", config.require(API_KEY, API_KEY_ENV), API_KEY);
    } else {
      transport.credentialHeader("Authorization", "Bearer " + config.require(API_TOKEN, API_TOKEN_ENV),
          API_TOKEN);
    }
    int pageSize = config.integer(ProviderConfig.PAGE_SIZE, DEFAULT_PAGE_SIZE, 1,
        CloudflareInvoiceProvider.MAX_PAGE_SIZE);
    config.timeout();
    config.maxRetries();
    int maxConcurrency = config.maxConcurrency();
    return new CloudflareInvoiceProvider(transport.errorDecoder(new CloudflareErrorDecoder()).build(),
        baseUrl, accountId, pageSize, maxConcurrency);
  }

  /**
   * True if the credentials are {@code api-email} and {@code api-key}: either of them is set, or
   * neither they nor {@code api-token} are set and the environment holds either of them. Email and
   * key win over a token; settings win over the environment.
   */
  private static boolean usesEmailAndKey(ProviderConfig config) {
    if (config.get(API_EMAIL).isPresent() || config.get(API_KEY).isPresent()) return true;
    if (config.get(API_TOKEN).isPresent()) return false;
    return config.get(API_EMAIL, API_EMAIL_ENV).isPresent() || config.get(API_KEY, API_KEY_ENV).isPresent();
  }

}
