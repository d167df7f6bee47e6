package dev.invoicekit.guice;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Test factories: "alpha" and "beta" providers that report their id and one required setting. */
public abstract class FakeProviderFactory implements InvoiceProviderFactory {
  private final String id;

  FakeProviderFactory(String id) {
    this.id = id;
  }

  @Override public String id() {
    return id;
  }

  @Override public InvoiceProvider create(ProviderConfig config) {
    return new FakeProvider(id, config.require("api-token", null));
  }

  public static final class Alpha extends FakeProviderFactory {
    public Alpha() {
      super("alpha");
    }
  }

  public static final class Beta extends FakeProviderFactory {
    public Beta() {
      super("beta");
    }
  }

  static final class FakeProvider implements InvoiceProvider {
    final String id;
    final String token;
    boolean closed;

    FakeProvider(String id, String token) {
      this.id = id;
      this.token = token;
    }

    @Override public String id() { return id; }
    @Override public Page<Invoice> list(InvoiceQuery query) { return Page.of(List.of(), null); }
    @Override public Stream<Invoice> stream(InvoiceQuery query) { return Stream.empty(); }
    @Override public Optional<Invoice> get(String invoiceId) { return Optional.empty(); }
    @Override public Invoice preview(PreviewRequest request) { throw new UnsupportedOperationException(); }
    @Override public void close() { closed = true; }
  }
}
