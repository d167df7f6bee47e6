package dev.invoicekit.spi;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProviders;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typed view of one provider's flat settings: the keys under {@code invoicekit.<id>.} in
 * properties, with environment-variable fallbacks for credentials.
 *
 * <p>Every getter validates: a malformed value throws {@link ConfigurationException} naming the
 * full key ({@code invoicekit.acme.timeout}). {@link #toString()} shows only settings known not
 * to be secret: the common ones ({@value #BASE_URL}, {@value #TIMEOUT}, {@value #MAX_RETRIES},
 * {@value #MAX_CONCURRENCY}, {@value #PAGE_SIZE}, {@code max-response-size},
 * {@code retry-base-delay}) and those the provider's factory declares in
 * {@link InvoiceProviderFactory#publicKeys()}; every other value is masked. Immutable and
 * thread-safe.
 */
public final class ProviderConfig {
  /** The vendor endpoint; {@code https} unless the host is loopback. */
  public static final String BASE_URL = "base-url";
  /** The per-attempt timeout, as {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 {@code PT30S}. */
  public static final String TIMEOUT = "timeout";
  /** How many times a failed idempotent call is retried. */
  public static final String MAX_RETRIES = "max-retries";
  /** How many pages {@code stream} fetches at once where the vendor allows. */
  public static final String MAX_CONCURRENCY = "max-concurrency";
  /** The page size asked for. */
  public static final String PAGE_SIZE = "page-size";
  /**
   * In properties, {@code invoicekit.<name>.provider=<id>} makes {@code <name>} an instance of
   * provider {@code <id>}; it is not a setting of the provider.
   */
  public static final String PROVIDER = "provider";

  /** The {@link #TIMEOUT} when it is not set. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  /** The {@link #MAX_RETRIES} when it is not set. */
  public static final int DEFAULT_MAX_RETRIES = 3;
  /** The {@link #MAX_CONCURRENCY} when it is not set. */
  public static final int DEFAULT_MAX_CONCURRENCY = 4;

  /** Keys of every provider whose values are never secret, so {@link #toString()} may show them. */
  private static final Set<String> COMMON_PUBLIC_KEYS = Set.of(
      BASE_URL, TIMEOUT, MAX_RETRIES, MAX_CONCURRENCY, PAGE_SIZE, "max-response-size",
      "retry-base-delay");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  private final String providerId;
  private final String instanceName;
  private final Map<String, String> settings;
  private final Function<String, String> environment;
  /** The keys the provider's factory declares public; looked up on first use of toString(). */
  private volatile Set<String> declaredPublicKeys;

  private ProviderConfig(Builder builder) {
    this.providerId = builder.providerId;
    this.instanceName = builder.instanceName != null ? builder.instanceName : builder.providerId;
    this.settings = Map.copyOf(builder.settings);
    this.environment = builder.environment;
  }

  /**
   * {@return a builder for the settings of provider {@code providerId}}
   *
   * @param providerId the provider id, like {@code "acme"}
   */
  public static Builder builder(String providerId) {
    return new Builder(providerId);
  }

  /**
   * {@return the settings of {@code providerId} in {@code properties}: every key under
   * {@code invoicekit.<providerId>.}, with the prefix removed} Environment fallbacks read the
   * process environment.
   *
   * @param properties {@code invoicekit.provider} and the {@code invoicekit.<id>.*} settings
   * @param providerId the provider id, like {@code "acme"}
   */
  public static ProviderConfig fromProperties(String providerId, Properties properties) {
    return fromProperties(providerId, providerId, properties);
  }

  /**
   * Returns the settings of instance {@code instanceName} of provider {@code providerId} in
   * {@code properties}: every key under {@code invoicekit.<instanceName>.} but
   * {@code invoicekit.<instanceName>.provider}, with the prefix removed. See
   * {@link Builder#instanceName} for environment fallbacks.
   *
   * @param providerId the provider id, like {@code "acme"}
   * @param instanceName the instance name, like {@code "acme-eu"}
   * @param properties the {@code invoicekit.<instanceName>.*} settings
   * @return the settings of that instance
   */
  public static ProviderConfig fromProperties(String providerId, String instanceName,
      Properties properties) {
    Objects.requireNonNull(properties, "properties == null");
    Builder builder = builder(providerId).instanceName(instanceName);
    String prefix = "invoicekit." + instanceName + ".";
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(prefix) && name.length() > prefix.length()
          && !name.equals(prefix + PROVIDER)) {
        builder.set(name.substring(prefix.length()), properties.getProperty(name));
      }
    }
    return builder.build();
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return the provider these settings are for} */
  public String providerId() {
    return providerId;
  }

  /**
   * {@return the name of the instance these settings configure, like {@code acme-eu}; the provider id
   * unless {@link Builder#instanceName} set another (SPEC §9)}
   */
  public String instanceName() {
    return instanceName;
  }

  /**
   * {@return the full name of {@code key} as it is written in properties:
   * {@code invoicekit.acme.timeout}, or {@code invoicekit.acme-eu.timeout} for instance
   * {@code acme-eu}}
   *
   * @param key the key, without the {@code invoicekit.<id>.} prefix
   */
  public String keyName(String key) {
    return "invoicekit." + instanceName + "." + key;
  }

  /** {@return the keys set, without their prefix} Values are not exposed in bulk: secrets stay behind getters. */
  public Set<String> keys() {
    return settings.keySet();
  }

  /**
   * {@return the setting {@code key}, trimmed; empty when absent or blank}
   *
   * @param key the key, without the {@code invoicekit.<id>.} prefix
   */
  public Optional<String> get(String key) {
    Objects.requireNonNull(key, "key == null");
    return nonBlank(settings.get(key));
  }

  /**
   * {@return the setting {@code key}, else the environment variable {@code envVar}; empty when
   * neither is set} An instance named otherwise than its provider reads no environment variable:
   * two accounts of one vendor never share a credential by accident.
   *
   * @param envVar the environment variable read when the setting is absent; null for none
   * @param key the key, without the {@code invoicekit.<id>.} prefix
   */
  public Optional<String> get(String key, String envVar) {
    Optional<String> value = get(key);
    if (value.isPresent() || envVar == null || !instanceName.equals(providerId)) return value;
    return nonBlank(environment.apply(envVar));
  }

  /**
   * {@return the setting {@code key}, else the environment variable {@code envVar} (nullable)}
   *
   * @param envVar the environment variable read when the setting is absent; null for none
   * @param key the key, without the {@code invoicekit.<id>.} prefix
   * @throws ConfigurationException naming both when neither is set
   */
  public String require(String key, String envVar) {
    return get(key, envVar).orElseThrow(() -> new ConfigurationException(keyName(key),
        keyName(key) + " is not set" + (envVar != null ? " (nor the environment variable " + envVar + ")" : "")));
  }

  /**
   * {@return {@link #BASE_URL}, else {@code defaultUrl}, validated and ending in {@code /}}
   *
   * @param defaultUrl the vendor's public URL, used when {@code base-url} is not set
   */
  public URI baseUrl(String defaultUrl) {
    return baseUrl(defaultUrl, null);
  }

  /**
   * {@return {@link #BASE_URL}, else the environment variable {@code envVar} (nullable), else
   * {@code defaultUrl}: an absolute {@code https} URL, or {@code http} to a loopback host, with a
   * path ending in {@code /}}
   *
   * @param defaultUrl the vendor's public URL, used when {@code base-url} is not set
   * @param envVar the environment variable read when the setting is absent; null for none
   * @throws ConfigurationException if the URL is malformed or plain {@code http} to another host
   */
  public URI baseUrl(String defaultUrl, String envVar) {
    String text = get(BASE_URL, envVar).orElse(defaultUrl);
    String key = keyName(BASE_URL);
    if (text == null) throw new ConfigurationException(key, key + " is not set");
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigurationException(key, key + " is not a URL: '" + text + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      throw new ConfigurationException(key, key + " must be an absolute http(s) URL: '" + text + "'");
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigurationException(key,
          key + " must not carry user info, a query or a fragment: '" + uri.getHost() + "'");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new ConfigurationException(key, key + " must use https unless the host is loopback: '"
          + text + "'");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (!path.endsWith("/")) path = path + "/";
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  /**
   * {@return {@link #TIMEOUT}, default 30 seconds}
   *
   * @throws dev.invoicekit.ConfigurationException if it is malformed
   */
  public Duration timeout() {
    return duration(TIMEOUT, DEFAULT_TIMEOUT);
  }

  /**
   * {@return {@link #MAX_RETRIES}, from 0 to 10, default 3}
   *
   * @throws dev.invoicekit.ConfigurationException if it is malformed or out of range
   */
  public int maxRetries() {
    return integer(MAX_RETRIES, DEFAULT_MAX_RETRIES, 0, 10);
  }

  /**
   * {@return {@link #MAX_CONCURRENCY}, from 1 to 64, default 4}
   *
   * @throws dev.invoicekit.ConfigurationException if it is malformed or out of range
   */
  public int maxConcurrency() {
    return integer(MAX_CONCURRENCY, DEFAULT_MAX_CONCURRENCY, 1, 64);
  }

  /**
   * {@return {@link #PAGE_SIZE}, at least 1; empty to use the vendor's default}
   *
   * @throws dev.invoicekit.ConfigurationException if it is malformed or below 1
   */
  public OptionalInt pageSize() {
    return get(PAGE_SIZE).isPresent()
        ? OptionalInt.of(integer(PAGE_SIZE, 0, 1, Integer.MAX_VALUE))
        : OptionalInt.empty();
  }

  /**
   * {@return the duration setting {@code key}, written {@code 30s}, {@code 500ms}, {@code 2m},
   * {@code 1h} or ISO-8601 ({@code PT30S}); {@code defaultValue} when absent}
   *
   * @param defaultValue the value when the setting is absent
   * @param key the key, without the {@code invoicekit.<id>.} prefix
   * @throws ConfigurationException if malformed, zero or negative
   */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> value = get(key);
    if (value.isEmpty()) return defaultValue;
    Duration result = parseDuration(value.get());
    if (result == null) {
      throw new ConfigurationException(keyName(key), keyName(key) + " is not a duration: '"
          + value.get() + "' (write 30s, 500ms, 2m or PT30S)");
    }
    if (result.isZero() || result.isNegative()) {
      throw new ConfigurationException(keyName(key), keyName(key) + " must be positive: '" + value.get() + "'");
    }
    return result;
  }

  /**
   * {@return the whole-number setting {@code key} in {@code [min, max]}; {@code defaultValue} when absent}
   *
   * @param defaultValue the value when the setting is absent
   * @param key the key, without the {@code invoicekit.<id>.} prefix
   * @param max the largest value allowed
   * @param min the smallest value allowed
   * @throws ConfigurationException if not a whole number or out of range
   */
  public int integer(String key, int defaultValue, int min, int max) {
    Optional<String> value = get(key);
    if (value.isEmpty()) return defaultValue;
    int result;
    try {
      result = Integer.parseInt(value.get());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(keyName(key),
          keyName(key) + " is not a whole number: '" + value.get() + "'", e);
    }
    if (result < min || result > max) {
      throw new ConfigurationException(keyName(key), keyName(key) + " must be between " + min
          + " and " + max + ": " + result);
    }
    return result;
  }

  /**
   * {@return true if {@code host} names the loopback interface ({@code localhost}, {@code 127.x.x.x}, {@code ::1})}
   *
   * @param host a host name or address
   */
  public static boolean isLoopback(String host) {
    if (host == null) return false;
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /**
   * Shows the provider and its settings, sorted by key. Only the values of the common public keys
   * and of those the provider's factory declares public are shown; every other value (tokens,
   * keys, e-mails, any key the factory does not declare, every key of a provider not on the class
   * path) is masked as {@code ****}.
   */
  @Override public String toString() {
    Set<String> declared = declaredPublicKeys();
    StringBuilder result = new StringBuilder("ProviderConfig{provider=").append(providerId);
    if (!instanceName.equals(providerId)) result.append(", instance=").append(instanceName);
    for (Map.Entry<String, String> entry : new TreeMap<>(settings).entrySet()) {
      String key = entry.getKey();
      boolean shown = COMMON_PUBLIC_KEYS.contains(key) || declared.contains(key);
      result.append(", ").append(key).append('=').append(shown ? entry.getValue() : "****");
    }
    return result.append('}').toString();
  }

  /** The public keys {@code providerId}'s factory declares; none if it cannot be found. */
  private Set<String> declaredPublicKeys() {
    Set<String> result = declaredPublicKeys;
    if (result == null) {
      try {
        result = Set.copyOf(InvoiceProviders.factory(providerId).publicKeys());
      } catch (RuntimeException | ServiceConfigurationError e) {
        result = Set.of(); // Unknown, duplicate or broken: mask every provider-specific key.
      }
      declaredPublicKeys = result;
    }
    return result;
  }

  static Duration parseDuration(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT_DURATION.matcher(trimmed);
    if (matcher.matches()) {
      long amount;
      try {
        amount = Long.parseLong(matcher.group(1));
      } catch (NumberFormatException e) {
        return null;
      }
      switch (matcher.group(2)) {
        case "ms": return Duration.ofMillis(amount);
        case "s": return Duration.ofSeconds(amount);
        case "m": return Duration.ofMinutes(amount);
        default: return Duration.ofHours(amount);
      }
    }
    try {
      return Duration.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Returns {@code name} if it can name an instance in properties: not blank, without a dot,
   * whitespace or a comma.
   *
   * @param name the instance name to check
   * @return {@code name}, unchanged
   * @throws IllegalArgumentException otherwise
   */
  public static String checkInstanceName(String name) {
    Objects.requireNonNull(name, "instanceName == null");
    if (name.isEmpty() || !name.matches("[^.,\\s]+")) {
      throw new IllegalArgumentException(
          "not an instance name (no dot, comma or whitespace): '" + name + "'");
    }
    return name;
  }

  private static Optional<String> nonBlank(String value) {
    if (value == null) return Optional.empty();
    String trimmed = value.trim();
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  /** Builds a {@link ProviderConfig}. Not thread-safe. */
  public static final class Builder {
    private final String providerId;
    private String instanceName;
    private final Map<String, String> settings = new TreeMap<>();
    private Function<String, String> environment = System::getenv;

    Builder(String providerId) {
      Objects.requireNonNull(providerId, "providerId == null");
      if (providerId.isBlank()) throw new IllegalArgumentException("providerId is blank");
      this.providerId = providerId;
    }

    Builder(ProviderConfig config) {
      this.providerId = config.providerId;
      this.instanceName = config.instanceName;
      this.settings.putAll(config.settings);
      this.environment = config.environment;
    }

    /**
     * Names the instance these settings configure (default: the provider id), so errors name
     * its keys ({@code invoicekit.acme-eu.api-token}). An instance named otherwise than its
     * provider reads no environment-variable fallback.
     *
     * @param instanceName the instance name
     * @return this builder
     * @throws IllegalArgumentException if {@code instanceName} is blank or holds a dot,
     *     whitespace or a comma
     */
    public Builder instanceName(String instanceName) {
      this.instanceName = checkInstanceName(instanceName);
      return this;
    }

    /**
     * Sets {@code key} (without the {@code invoicekit.<id>.} prefix); a null value removes it.
     *
     * @param key the key, without the {@code invoicekit.<id>.} prefix
     * @param value the value; null removes the setting
     * @return this builder
     */
    public Builder set(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      if (value == null) {
        settings.remove(key);
      } else {
        settings.put(key, value);
      }
      return this;
    }

    /**
     * Sets every entry of {@code settings}.
     *
     * @param settings settings by key, without the {@code invoicekit.<id>.} prefix
     * @return this builder
     */
    public Builder setAll(Map<String, String> settings) {
      Objects.requireNonNull(settings, "settings == null");
      settings.forEach(this::set);
      return this;
    }

    /**
     * Sets {@link ProviderConfig#BASE_URL}.
     *
     * @param baseUrl the vendor endpoint
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      return set(BASE_URL, baseUrl);
    }

    /**
     * Reads environment-variable fallbacks from {@code environment} instead of the process
     * environment; tests pass {@code Map.of(...)::get}.
     *
     * @param environment reads an environment variable by name, null when unset
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * {@return a new providerconfig of the values set}
     */
    public ProviderConfig build() {
      return new ProviderConfig(this);
    }
  }
}
