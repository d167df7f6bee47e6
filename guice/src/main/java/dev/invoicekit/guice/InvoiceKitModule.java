package dev.invoicekit.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Binds {@link InvoiceProvider} from properties.
 *
 * <ul>
 *   <li>{@code invoicekit.provider=acme} binds {@code InvoiceProvider} to the provider with id
 *       {@code acme}, configured by the {@code invoicekit.acme.*} keys; the value may also name
 *       an instance (below).
 *   <li>{@code invoicekit.providers=acme-eu,acme-us,globex} binds {@code Map<String, InvoiceProvider>},
 *       keyed by instance name in the order given. {@code invoicekit.acme-eu.provider=acme} makes
 *       {@code acme-eu} an instance of provider {@code acme} with its own settings under
 *       {@code invoicekit.acme-eu.}; a name without that key is a provider id (SPEC §9). When
 *       both keys are set and the map holds the single provider's name, both bindings share one
 *       instance.
 * </ul>
 *
 * <p>Providers are singletons, created on first injection (eagerly in {@code Stage.PRODUCTION});
 * a missing or malformed setting fails then, naming the key. Names are checked when the injector
 * is created: an unknown provider id, an instance listed twice, an instance without settings, each
 * fail naming the key ({@link InvoiceProviders#instanceConfigs}). The host application owns the
 * providers: close them (for example from a shutdown hook) when it stops.
 */
public final class InvoiceKitModule extends AbstractModule {
  /** The property listing the instances bound in the {@code Map<String, InvoiceProvider>}. */
  public static final String PROVIDERS_PROPERTY = InvoiceProviders.PROVIDERS_PROPERTY;

  private final Properties properties;
  private final String providerName;
  private final boolean hasInstances;

  /** Reads {@code invoicekit.provider} and {@code invoicekit.providers}; the properties are copied. */
  public InvoiceKitModule(Properties properties) {
    Objects.requireNonNull(properties, "properties == null");
    this.properties = new Properties();
    for (String name : properties.stringPropertyNames()) {
      this.properties.setProperty(name, properties.getProperty(name));
    }
    String single = this.properties.getProperty(InvoiceProviders.PROVIDER_PROPERTY);
    this.providerName = single == null || single.isBlank() ? null : single.trim();
    String several = this.properties.getProperty(PROVIDERS_PROPERTY);
    this.hasInstances = several != null && !several.isBlank();
  }

  @Override protected void configure() {
    if (providerName == null && !hasInstances) {
      addError("set %s or %s; available providers: %s", InvoiceProviders.PROVIDER_PROPERTY,
          PROVIDERS_PROPERTY, InvoiceProviders.available());
      return;
    }
    try {
      if (hasInstances) InvoiceProviders.instanceConfigs(properties);
    } catch (ConfigurationException e) {
      addError("%s", e.getMessage());
    }
    try {
      if (providerName != null) InvoiceProviders.instanceConfig(providerName, properties);
    } catch (ConfigurationException e) {
      addError("%s", e.getMessage());
    }
  }

  @Provides @Singleton
  Map<String, InvoiceProvider> provideProviders() {
    return InvoiceProviders.instancesFromProperties(properties);
  }

  @Provides @Singleton
  InvoiceProvider provideProvider(com.google.inject.Injector injector) {
    if (providerName == null) {
      throw new ConfigurationException(InvoiceProviders.PROVIDER_PROPERTY,
          InvoiceProviders.PROVIDER_PROPERTY + " is not set");
    }
    if (hasInstances && InvoiceProviders.instanceNames(properties).contains(providerName)) {
      return injector.getInstance(com.google.inject.Key.get(
          new com.google.inject.TypeLiteral<Map<String, InvoiceProvider>>() {})).get(providerName);
    }
    return InvoiceProviders.create(InvoiceProviders.instanceConfig(providerName, properties));
  }

  @Override public String toString() {
    return "InvoiceKitModule{provider=" + providerName + ", providers="
        + properties.getProperty(PROVIDERS_PROPERTY) + "}";
  }
}
