package dev.invoicekit.spring;

import dev.invoicekit.InvoiceProvider;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The {@code invoiceProviders} bean: an unmodifiable map, in configuration order, that closes its providers. */
final class InvoiceProviderMap extends AbstractMap<String, InvoiceProvider> implements AutoCloseable {
  private final Map<String, InvoiceProvider> providers;

  InvoiceProviderMap(Map<String, InvoiceProvider> providers) {
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
  }

  @Override public Set<Entry<String, InvoiceProvider>> entrySet() {
    return providers.entrySet();
  }

  @Override public InvoiceProvider get(Object name) {
    return providers.get(name);
  }

  /** Closes every provider; closing one twice is harmless ({@link InvoiceProvider#close()}). */
  @Override public void close() {
    providers.values().forEach(InvoiceProvider::close);
  }
}
