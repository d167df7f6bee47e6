package dev.invoicekit.reliability;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.http.HttpTransport;
import java.lang.reflect.Field;

/** Reaches the {@link HttpTransport} inside a provider, which no API exposes, to count its connections. */
final class HttpTransports {
  private HttpTransports() {}

  /** The connections pooled by {@code provider}'s transport, idle or in use. */
  static int connectionCount(InvoiceProvider provider) {
    return transport(provider).connectionCount();
  }

  static HttpTransport transport(InvoiceProvider provider) {
    for (Field field : provider.getClass().getDeclaredFields()) {
      if (field.getType() == HttpTransport.class) {
        try {
          field.setAccessible(true);
          return (HttpTransport) field.get(provider);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError("cannot read the transport of " + provider, e);
        }
      }
    }
    throw new AssertionError(provider.getClass().getName() + " has no HttpTransport field");
  }
}
