package dev.invoicekit.tck.acme;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The flaw {@link Flaw#VALIDATES_SETTINGS_LATE}: the real provider is built on first use. */
final class LateProvider implements InvoiceProvider {
  private final Supplier<InvoiceProvider> factory;
  private InvoiceProvider delegate;

  LateProvider(Supplier<InvoiceProvider> factory) {
    this.factory = factory;
  }

  private synchronized InvoiceProvider delegate() {
    if (delegate == null) delegate = factory.get();
    return delegate;
  }

  @Override public String id() {
    return AcmeProviderFactory.ID;
  }

  @Override public Page<Invoice> list(InvoiceQuery query) {
    return delegate().list(query);
  }

  @Override public Stream<Invoice> stream(InvoiceQuery query) {
    return delegate().stream(query);
  }

  @Override public Optional<Invoice> get(String invoiceId) {
    return delegate().get(invoiceId);
  }

  @Override public Invoice preview(PreviewRequest request) {
    return delegate().preview(request);
  }

  @Override public synchronized void close() {
    if (delegate != null) delegate.close();
  }
}
