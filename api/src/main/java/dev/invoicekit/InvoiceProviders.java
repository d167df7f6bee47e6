package dev.invoicekit;

import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * <p>Providers are found with {@link ServiceLoader}: a provider jar on the class path is all it
 * takes. An unknown id fails listing the ids available; two factories with one id fail. There is
 * no silent fallback.
 */
public final class InvoiceProviders {
  /** The property naming the provider {@link #fromProperties} creates. */
  public static final String PROVIDER_PROPERTY = "invoicekit.provider";

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
   * {@return a new provider named by {@code invoicekit.provider} in {@code properties}, configured
   * by its {@code invoicekit.<id>.*} keys}
   *
   * @param properties {@code invoicekit.provider} and the {@code invoicekit.<id>.*} settings
   * @throws ConfigurationException if {@code invoicekit.provider} is not set, or a setting is bad
   * @throws IllegalArgumentException if no provider has that id
   */
  public static InvoiceProvider fromProperties(Properties properties) {
    Objects.requireNonNull(properties, "properties == null");
    String id = properties.getProperty(PROVIDER_PROPERTY);
    if (id == null || id.isBlank()) {
      throw new ConfigurationException(PROVIDER_PROPERTY,
          PROVIDER_PROPERTY + " is not set; available providers: " + available());
    }
    id = id.trim();
    return create(id, ProviderConfig.fromProperties(id, properties));
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
