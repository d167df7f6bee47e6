package dev.invoicekit.cli;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceQuery;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code invoicekit list}: streams every matching invoice, or the first N. */
@Command(name = "list", sortOptions = false,
    description = "Streams every matching invoice (or the first N).")
final class ListCommand implements Callable<Integer> {
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

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N invoices.")
  Integer limit;

  @Override public Integer call() {
    if (limit != null && limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1: " + limit);
    }
    InvoiceQuery.Builder query = InvoiceQuery.builder().periodFrom(from).periodTo(to).customerId(customer);
    parameters.forEach(query::vendorParameter);
    query.build(); // --to not after --from is a usage error: report it before a sandbox starts
    try (ProviderSession session = cli.openChosenProvider()) {
      if (limit != null && session.config().pageSize().isEmpty()) {
        query.pageSize(limit); // no page bigger than needed; providers clamp it to their maximum
      }
      if (write(session.provider().stream(query.build())) == 0) cli.info("no invoices");
    }
    return ExitCodes.OK;
  }

  /** Writes the invoices of {@code stream}, at most {@code limit}, and returns how many. */
  private long write(Stream<Invoice> stream) {
    Progress progress = cli.progress();
    try (stream; InvoiceSink sink = cli.format().list(cli.out())) {
      Iterator<Invoice> invoices = (limit == null ? stream : stream.limit(limit)).iterator();
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
