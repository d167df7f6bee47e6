package dev.invoicekit.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.guice.InvoiceKitModule;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A host application, as a user of InvoiceKit writes one: it is handed an
 * {@link InvoiceProvider} by Guice and never learns which vendor answers. Which one does is the
 * {@code invoicekit.provider} property read by {@link InvoiceKitModule}.
 *
 * <pre>{@code
 * Properties properties = new Properties();      // invoicekit.provider=fastly
 * properties.load(reader);                       // invoicekit.fastly.api-token=...
 * Injector injector = Guice.createInjector(new InvoiceKitModule(properties),
 *     binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
 * injector.getInstance(HostApplication.class).printLastMonth(out);
 * }</pre>
 */
public final class HostApplication {
  private final InvoiceProvider invoices;
  private final Clock clock;

  @Inject
  public HostApplication(InvoiceProvider invoices, Clock clock) {
    this.invoices = Objects.requireNonNull(invoices, "invoices == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Returns the invoices whose period starts in the previous calendar month (UTC). */
  public List<Invoice> lastMonth() {
    YearMonth thisMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    InvoiceQuery query = InvoiceQuery.builder()
        .periodFrom(startOf(thisMonth.minusMonths(1)))
        .periodTo(startOf(thisMonth))
        .build();
    try (Stream<Invoice> stream = invoices.stream(query)) {
      return stream.collect(Collectors.toList());
    }
  }

  /** Prints last month's invoices, one a line: provider, id, status, total. */
  public void printLastMonth(PrintWriter out) {
    for (Invoice invoice : lastMonth()) {
      out.printf("%-10s %-32s %-8s %14s %s%n", invoice.provider(), invoice.id(),
          invoice.status(), invoice.total().toPlainString(), invoice.currency().getCurrencyCode());
    }
    out.flush();
  }

  /** Prints last month's invoices of the provider configured in the properties file {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) throw new IllegalArgumentException("usage: HostApplication FILE.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), UTF_8)) {
      properties.load(reader);
    }
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties),
        binder -> binder.bind(Clock.class).toInstance(Clock.systemUTC()));
    // The module's providers are singletons owned by the host application: close it when done.
    InvoiceProvider invoices = injector.getInstance(InvoiceProvider.class);
    try {
      injector.getInstance(HostApplication.class)
          .printLastMonth(new PrintWriter(new OutputStreamWriter(System.out, UTF_8)));
    } finally {
      invoices.close();
    }
  }

  private static Instant startOf(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
