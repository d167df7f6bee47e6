package dev.invoicekit.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Binds {@link InvoiceProvider} from properties.
 *
 * <ul>
 *   <li>{@code invoicekit.provider=acme} binds {@code InvoiceProvider} to the provider with id
 *       {@code acme}, configured by the {@code invoicekit.acme.*} keys.
 *   <li>{@code invoicekit.providers=acme,globex} binds {@code Map<String, InvoiceProvider>},
 *       one provider per id, in the order given. When both keys are set and the map holds the
 *       single provider's id, both bindings share one instance.
 * </ul>
 *
 * <p>Providers are singletons, created on first injection (eagerly in {@code Stage.PRODUCTION});
 * a missing or malformed setting fails then, naming the key. Ids are checked against the providers
 * on the class path when the injector is created. The host application owns the providers: close
 * them (for example from a shutdown hook) when it stops.
 */
public final class InvoiceKitModule extends AbstractModule {
  /** The property listing the providers bound in the {@code Map<String, InvoiceProvider>}. */
  public static final String PROVIDERS_PROPERTY = "invoicekit.providers";

  private final Properties properties;
  private final String providerId;
  private final List<String> providerIds;

  /** Reads {@code invoicekit.provider} and {@code invoicekit.providers}; the properties are copied. */
  public InvoiceKitModule(Properties properties) {
    Objects.requireNonNull(properties, "properties == null");
    this.properties = new Properties();
    for (String name : properties.stringPropertyNames()) {
      this.properties.setProperty(name, properties.getProperty(name));
    }
    String single = this.properties.getProperty(InvoiceProviders.PROVIDER_PROPERTY);
    this.providerId = single == null || single.isBlank() ? null : single.trim();
    this.providerIds = parseIds(this.properties.getProperty(PROVIDERS_PROPERTY));
  }

  @Override protected void configure() {
    if (providerId == null && providerIds.isEmpty()) {
      addError("set %s or %s; available providers: %s", InvoiceProviders.PROVIDER_PROPERTY,
          PROVIDERS_PROPERTY, InvoiceProviders.available());
      return;
    }
    Set<String> available = InvoiceProviders.available();
    Set<String> wanted = new LinkedHashSet<>(providerIds);
    if (providerId != null) wanted.add(providerId);
    for (String id : wanted) {
      if (!available.contains(id)) {
        addError("no InvoiceKit provider '%s' on the class path; available: %s", id, available);
      }
    }
  }

  @Provides @Singleton
  Map<String, InvoiceProvider> provideProviders() {
    if (providerIds.isEmpty()) {
      throw new ConfigurationException(PROVIDERS_PROPERTY, PROVIDERS_PROPERTY + " is not set");
    }
    Map<String, InvoiceProvider> result = new LinkedHashMap<>();
    try {
      for (String id : providerIds) {
        result.put(id, create(id));
      }
    } catch (RuntimeException e) {
      result.values().forEach(InvoiceProvider::close);
      throw e;
    }
    return Collections.unmodifiableMap(result);
  }

  @Provides @Singleton
  InvoiceProvider provideProvider(com.google.inject.Injector injector) {
    if (providerId == null) {
      throw new ConfigurationException(InvoiceProviders.PROVIDER_PROPERTY,
          InvoiceProviders.PROVIDER_PROPERTY + " is not set");
    }
    if (providerIds.contains(providerId)) {
      return injector.getInstance(com.google.inject.Key.get(
          new com.google.inject.TypeLiteral<Map<String, InvoiceProvider>>() {})).get(providerId);
    }
    return create(providerId);
  }

  private InvoiceProvider create(String id) {
    return InvoiceProviders.create(id, ProviderConfig.fromProperties(id, properties));
  }

  private static List<String> parseIds(String text) {
    List<String> result = new ArrayList<>();
    if (text == null) return result;
    for (String part : text.split(",")) {
      String id = part.trim();
      if (!id.isEmpty() && !result.contains(id)) result.add(id);
    }
    return List.copyOf(result);
  }

  @Override public String toString() {
    return "InvoiceKitModule{provider=" + providerId + ", providers=" + providerIds + "}";
  }
}
