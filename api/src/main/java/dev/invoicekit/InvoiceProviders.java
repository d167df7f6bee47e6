package dev.invoicekit;

import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds providers on the class path and creates them from configuration.
 *
 * <pre>{@code
 * Properties properties = new Properties();
 * properties.setProperty("invoicekit.provider", "acme");
 * properties.setProperty("invoicekit.acme.api-token", token);
 * try (InvoiceProvider invoices = InvoiceProviders.fromProperties(properties)) {
 *   invoices.stream(InvoiceQuery.all()).forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p><b>Instances.</b> {@code invoicekit.<name>.provider=<id>} makes {@code <name>} an instance
 * of provider {@code <id>}, configured by its own keys under {@code invoicekit.<name>.}; a name
 * without that key is the provider id itself. {@code invoicekit.providers=a,b} lists the instances
 * used together ({@link #instancesFromProperties}):
 *
 * <pre>{@code
 * invoicekit.providers=acme-eu,acme-us
 * invoicekit.acme-eu.provider=acme
 * invoicekit.acme-eu.api-token=...
 * invoicekit.acme-us.provider=acme
 * invoicekit.acme-us.api-token=...
 * }</pre>
 *
 * <p>An instance named otherwise than its provider reads no environment-variable fallback.
 * {@link Invoice#provider()} stays the provider id; the instance name is the key of the map.
 *
 * <p>Providers are found with {@link ServiceLoader}: a provider jar on the class path is all it
 * takes. An unknown id fails listing the ids available; two factories with one id fail. There is
 * no silent fallback.
 */
public final class InvoiceProviders {
  /** The property naming the provider {@link #fromProperties} creates. */
  public static final String PROVIDER_PROPERTY = "invoicekit.provider";
  /** The property listing the instances {@link #instancesFromProperties} creates, in order. */
  public static final String PROVIDERS_PROPERTY = "invoicekit.providers";

  private InvoiceProviders() {}

  /**
   * {@return a new provider {@code providerId} configured by {@code config}}
   *
   * @param config the provider's settings
   * @param providerId the provider id, like {@code "acme"}
   * @throws IllegalArgumentException if no provider has that id (the message lists those that do)
   * @throws ConfigurationException if a setting is missing or malformed
   * @throws IllegalStateException if two providers on the class path share that id
   */
  public static InvoiceProvider create(String providerId, ProviderConfig config) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(config, "config == null");
    if (!config.providerId().equals(providerId)) {
      throw new IllegalArgumentException("config is for provider '" + config.providerId()
          + "', not '" + providerId + "'");
    }
    return factory(providerId).create(config);
  }

  /**
   * {@return a new provider configured by {@code config}, for the provider it names}
   *
   * @param config the provider's settings
   */
  public static InvoiceProvider create(ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    return create(config.providerId(), config);
  }

  /**
   * {@return a new provider named by {@code invoicekit.provider} in {@code properties}: a provider
   * id configured by its {@code invoicekit.<id>.*} keys, or an instance name (see above)}
   *
   * @param properties {@code invoicekit.provider} and the {@code invoicekit.<id>.*} settings
   * @throws ConfigurationException if {@code invoicekit.provider} is not set, names an unknown
   *     provider or instance, or a setting is bad
   */
  public static InvoiceProvider fromProperties(Properties properties) {
    Objects.requireNonNull(properties, "properties == null");
    String name = properties.getProperty(PROVIDER_PROPERTY);
    if (name == null || name.isBlank()) {
      throw new ConfigurationException(PROVIDER_PROPERTY,
          PROVIDER_PROPERTY + " is not set; available providers: " + available());
    }
    return create(instanceConfig(name.trim(), PROVIDER_PROPERTY, properties, load()));
  }

  /**
   * Returns new providers for the instances {@code invoicekit.providers} lists, keyed by instance
   * name in the order listed. If one cannot be created, those created before it are closed.
   *
   * @param properties {@code invoicekit.providers} and the {@code invoicekit.<name>.*} settings of
   *     each instance it lists
   * @return a new provider for each listed instance, keyed by instance name in the order listed;
   *     unmodifiable. The caller owns and closes them
   * @throws ConfigurationException naming the key: {@code invoicekit.providers} not set or listing
   *     an instance twice; {@code invoicekit.<name>.provider} naming an unknown provider; a name
   *     that is neither a provider id nor has that key; an instance without settings; a bad setting
   */
  public static Map<String, InvoiceProvider> instancesFromProperties(Properties properties) {
    Map<String, InvoiceProviderFactory> factories = load(); // once, not once per instance
    Map<String, ProviderConfig> configs = instanceConfigs(properties, factories);
    Map<String, InvoiceProvider> result = new LinkedHashMap<>();
    try {
      configs.forEach((name, config) -> result.put(name,
          find(factories, config.providerId()).create(config)));
    } catch (RuntimeException e) {
      for (InvoiceProvider created : result.values()) {
        try {
          created.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Returns the configuration of every instance {@code invoicekit.providers} lists, keyed by
   * instance name in the order listed, without creating any provider.
   *
   * @param properties {@code invoicekit.providers} and the {@code invoicekit.<name>.*} settings of
   *     each instance it lists
   * @return the configuration of each listed instance, keyed by instance name in the order listed;
   *     unmodifiable
   * @throws ConfigurationException as {@link #instancesFromProperties} does, settings aside
   */
  public static Map<String, ProviderConfig> instanceConfigs(Properties properties) {
    return instanceConfigs(properties, load());
  }

  private static Map<String, ProviderConfig> instanceConfigs(Properties properties,
      Map<String, InvoiceProviderFactory> factories) {
    Objects.requireNonNull(properties, "properties == null");
    Map<String, ProviderConfig> result = new LinkedHashMap<>();
    for (String name : instanceNames(properties)) {
      result.put(name, instanceConfig(name, PROVIDERS_PROPERTY, properties, factories));
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Returns the instance names {@code invoicekit.providers} lists, in order.
   *
   * @param properties the properties holding {@code invoicekit.providers}
   * @return the listed instance names, trimmed, in order; unmodifiable
   * @throws ConfigurationException naming {@code invoicekit.providers} if it is not set, is
   *     empty, lists a name twice or a malformed name
   */
  public static List<String> instanceNames(Properties properties) {
    Objects.requireNonNull(properties, "properties == null");
    String text = properties.getProperty(PROVIDERS_PROPERTY);
    if (text == null || text.isBlank()) {
      throw new ConfigurationException(PROVIDERS_PROPERTY, PROVIDERS_PROPERTY + " is not set");
    }
    List<String> result = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty()) {
        throw new ConfigurationException(PROVIDERS_PROPERTY,
            PROVIDERS_PROPERTY + " has an empty name: '" + text + "'");
      }
      if (result.contains(name)) {
        throw new ConfigurationException(PROVIDERS_PROPERTY,
            PROVIDERS_PROPERTY + " lists instance '" + name + "' twice");
      }
      checkName(name, PROVIDERS_PROPERTY);
      result.add(name);
    }
    return List.copyOf(result);
  }

  /**
   * Returns the configuration of instance {@code name}: the provider {@code invoicekit.<name>.provider}
   * names (else {@code name} itself as a provider id), with the keys under {@code invoicekit.<name>.}.
   *
   * @param name the instance name, like {@code acme-eu}, or a provider id
   * @param properties the {@code invoicekit.<name>.*} settings
   * @return the configuration of instance {@code name}
   * @throws ConfigurationException naming the key at fault: {@code invoicekit.<name>.provider} for
   *     an unknown provider, for an instance named after another provider, or for an instance
   *     without settings, and for a name that is neither a provider id nor an instance
   */
  public static ProviderConfig instanceConfig(String name, Properties properties) {
    Objects.requireNonNull(name, "name == null");
    return instanceConfig(name, "invoicekit." + name + "." + ProviderConfig.PROVIDER, properties, load());
  }

  private static ProviderConfig instanceConfig(String name, String listedIn, Properties properties,
      Map<String, InvoiceProviderFactory> factories) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(properties, "properties == null");
    checkName(name, listedIn);
    String providerKey = "invoicekit." + name + "." + ProviderConfig.PROVIDER;
    String declared = properties.getProperty(providerKey);
    if (declared == null || declared.isBlank()) {
      if (!factories.containsKey(name)) {
        throw new ConfigurationException(listedIn, listedIn + ": no InvoiceKit provider '" + name
            + "' on the class path, and no instance of that name (" + providerKey
            + " is not set); available providers: " + factories.keySet());
      }
      return ProviderConfig.fromProperties(name, properties);
    }
    String id = declared.trim();
    if (!factories.containsKey(id)) {
      throw new ConfigurationException(providerKey, providerKey + ": no InvoiceKit provider '" + id
          + "' on the class path; available: " + factories.keySet());
    }
    if (!name.equals(id) && factories.containsKey(name)) {
      throw new ConfigurationException(providerKey, providerKey + ": '" + name
          + "' is the id of another provider; name the instance otherwise");
    }
    ProviderConfig config = ProviderConfig.fromProperties(id, name, properties);
    if (!name.equals(id) && config.keys().isEmpty()) {
      throw new ConfigurationException(providerKey, "instance '" + name + "' of provider '" + id
          + "' has no settings: set its credentials under invoicekit." + name + ".");
    }
    return config;
  }

  private static void checkName(String name, String key) {
    try {
      ProviderConfig.checkInstanceName(name);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(key, key + ": " + e.getMessage(), e);
    }
  }

  /** {@return the ids of the providers on the class path, sorted} */
  public static Set<String> available() {
    return Collections.unmodifiableSet(load().keySet());
  }

  /**
   * {@return the factory of provider {@code providerId}, for tools that describe providers}
   *
   * @param providerId the provider id, like {@code "acme"}
   * @throws IllegalArgumentException if no provider has that id
   */
  public static InvoiceProviderFactory factory(String providerId) {
    Objects.requireNonNull(providerId, "providerId == null");
    return find(load(), providerId);
  }

  static InvoiceProviderFactory find(Map<String, InvoiceProviderFactory> factories, String id) {
    InvoiceProviderFactory factory = factories.get(id);
    if (factory == null) {
      throw new IllegalArgumentException("no InvoiceKit provider '" + id + "' on the class path; available: "
          + factories.keySet());
    }
    return factory;
  }

  private static Map<String, InvoiceProviderFactory> load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = InvoiceProviders.class.getClassLoader();
    try {
      return index(ServiceLoader.load(InvoiceProviderFactory.class, loader));
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load InvoiceKit providers: " + e.getMessage(), e);
    }
  }

  /** Indexes {@code factories} by id, failing on a duplicate id. */
  static Map<String, InvoiceProviderFactory> index(Iterable<? extends InvoiceProviderFactory> factories) {
    Map<String, InvoiceProviderFactory> result = new TreeMap<>();
    Map<String, String> classes = new LinkedHashMap<>();
    for (InvoiceProviderFactory factory : factories) {
      String id = Objects.requireNonNull(factory.id(), factory.getClass().getName() + ".id() == null");
      InvoiceProviderFactory previous = result.putIfAbsent(id, factory);
      if (previous != null) {
        throw new IllegalStateException("two InvoiceKit providers have the id '" + id + "': "
            + classes.get(id) + " and " + factory.getClass().getName());
      }
      classes.put(id, factory.getClass().getName());
    }
    return result;
  }
}
