package dev.invoicekit.spring;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The providers the context created, one per instance name, closed with the context. The
 * {@code InvoiceProvider} bean and the map bean take theirs from here, so a name in both is one
 * provider. Thread-safe.
 */
final class InvoiceKitInstances implements AutoCloseable {
  private final InvoiceKitSettings.Settings settings;
  private final Map<String, InvoiceProvider> created = new LinkedHashMap<>();

  InvoiceKitInstances(InvoiceKitSettings.Settings settings) {
    this.settings = settings;
  }

  /** {@return the provider of {@code invoicekit.provider}} */
  synchronized InvoiceProvider single() {
    return instance(settings.names().single());
  }

  /** {@return the providers of {@code invoicekit.providers}, in that order} */
  synchronized Map<String, InvoiceProvider> several() {
    Map<String, InvoiceProvider> result = new LinkedHashMap<>();
    for (String name : settings.names().several()) result.put(name, instance(name));
    return new InvoiceProviderMap(result);
  }

  private InvoiceProvider instance(String name) {
    InvoiceProvider provider = created.get(name);
    if (provider == null) {
      Properties properties = new Properties();
      properties.putAll(settings.properties());
      properties.setProperty(InvoiceKitSettings.PROVIDER, name);
      // The core's own path: its checks and its ConfigurationException naming the key.
      provider = InvoiceProviders.fromProperties(properties);
      created.put(name, provider);
    }
    return provider;
  }

  /** Closes every provider created, the last first. */
  @Override public synchronized void close() {
    List<InvoiceProvider> providers = new ArrayList<>(created.values());
    RuntimeException failure = null;
    for (int i = providers.size() - 1; i >= 0; i--) {
      try {
        providers.get(i).close();
      } catch (RuntimeException e) {
        if (failure == null) failure = e; else failure.addSuppressed(e);
      }
    }
    created.clear();
    if (failure != null) throw failure;
  }

  @Override public String toString() {
    return "InvoiceKitInstances" + settings.names().all();
  }
}
