package dev.invoicekit.cli;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStreams;
import dev.invoicekit.focus.MissingLines;
import dev.invoicekit.spi.ProviderConfig;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code invoicekit list}: streams every matching invoice, or the first N. With
 * {@code --provider a,b} (or {@code all}) it reads several instances as one stream, in the order
 * given ({@link InvoiceStreams}); the table then shows each invoice's instance and totals per
 * currency across all, JSON and CSV an {@code instance} key and column.
 */
@Command(name = "list", sortOptions = false,
    description = "Streams every matching invoice (or the first N).")
final class ListCommand implements Callable<Integer> {
  /** How many instances {@code --provider a,b} reads at once. */
  static final int INSTANCES_AT_ONCE = 4;

  @ParentCommand InvoiceKitCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
      description = "Invoices whose period starts at or after DATE: 2026-07-01 (UTC midnight) or "
          + "an ISO instant.")
  Instant from;

  @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
      description = "Invoices whose period starts before DATE.")
  Instant to;

  @Option(names = "--customer", paramLabel = "ID", description = "The invoices of one customer.")
  String customer;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "A vendor parameter, by the vendor's name (see each provider). Repeatable.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N invoices (of all instances).")
  Integer limit;

  @Override public Integer call() {
    if (limit != null && limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
    }
    InvoiceQuery.Builder query = InvoiceQuery.builder().periodFrom(from).periodTo(to).customerId(customer);
    parameters.forEach(query::vendorParameter);
    query.build(); // --to not after --from is a usage error: report it before a sandbox starts
    Settings settings = cli.settings();
    List<String> names = cli.chosenInstances(settings);
    Map<String, ProviderSession> sessions = new LinkedHashMap<>();
    try {
      for (String name : names) sessions.put(name, cli.openInstance(name, settings));
      Map<String, InvoiceProvider> providers = new LinkedHashMap<>();
      sessions.forEach((name, session) -> providers.put(name, session.provider()));
      Stream<InstanceInvoice> stream;
      if (names.size() == 1) {
        ProviderSession session = sessions.get(names.get(0));
        if (limit != null && session.config().pageSize().isEmpty()) {
          query.pageSize(limit); // no page bigger than needed; providers clamp it to their maximum
        }
        String name = names.get(0);
        stream = session.provider().stream(query.build()).map(invoice -> new InstanceInvoice(name, invoice));
      } else {
        cli.activeInstances(names);
        stream = InvoiceStreams.stream(providers, query.build(), INSTANCES_AT_ONCE);
      }
      if (cli.format() == OutputFormat.FOCUS) {
        // FOCUS itemises: fetch the lines a listing leaves out (a subtotal but no lines).
        stream = MissingLines.fetch(stream, providers, ProviderConfig.DEFAULT_MAX_CONCURRENCY);
      }
      if (write(stream, names.size() > 1) == 0) cli.info("no invoices");
    } finally {
      RuntimeException failure = null;
      for (ProviderSession session : sessions.values()) {
        try {
          session.close();
        } catch (RuntimeException e) {
          if (failure == null) failure = e;
        }
      }
      if (failure != null) throw failure;
    }
    return ExitCodes.OK;
  }

  /** Writes the invoices of {@code stream}, at most {@code limit}, and returns how many. */
  private long write(Stream<InstanceInvoice> stream, boolean instances) {
    Progress progress = cli.progress();
    try (stream; InvoiceSink sink = cli.format().list(cli.out(), instances)) {
      Iterator<InstanceInvoice> invoices = (limit == null ? stream : stream.limit(limit)).iterator();
      while (invoices.hasNext()) {
        sink.add(invoices.next());
        progress.step();
      }
      progress.done();
      sink.finish();
    } finally {
      progress.done();
    }
    return progress.count();
  }
}
