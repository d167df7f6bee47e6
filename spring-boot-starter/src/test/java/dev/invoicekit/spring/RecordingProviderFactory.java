package dev.invoicekit.spring;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Provider {@code recording}: keeps every config it is given and every provider it creates. */
public final class RecordingProviderFactory implements InvoiceProviderFactory {
  static final List<RecordingProvider> CREATED = new CopyOnWriteArrayList<>();

  @Override public String id() {
    return "recording";
  }

  @Override public Set<String> publicKeys() {
    return Set.of("region");
  }

  @Override public InvoiceProvider create(ProviderConfig config) {
    config.require("api-token", null);
    config.timeout();
    config.maxRetries();
    RecordingProvider provider = new RecordingProvider(config);
    CREATED.add(provider);
    return provider;
  }

  /** Answers nothing; remembers its config and whether it was closed. */
  static final class RecordingProvider implements InvoiceProvider {
    final ProviderConfig config;
    volatile int closed;

    RecordingProvider(ProviderConfig config) {
      this.config = config;
    }

    @Override public String id() {
      return "recording";
    }

    @Override public Page<Invoice> list(InvoiceQuery query) {
      return new Page<>(List.of(), Optional.empty(), OptionalLong.of(0));
    }

    @Override public Stream<Invoice> stream(InvoiceQuery query) {
      return Stream.empty();
    }

    @Override public Optional<Invoice> get(String invoiceId) {
      return Optional.empty();
    }

    @Override public Invoice preview(PreviewRequest request) {
      throw new UnsupportedOperationException("preview");
    }

    @Override public void close() {
      closed++;
    }
  }
}
