package dev.invoicekit.cli;

import dev.invoicekit.Invoice;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code invoicekit get ID}: one invoice with its lines. */
@Command(name = "get", sortOptions = false, description = "Prints one invoice with its lines.")
final class GetCommand implements Callable<Integer> {
  @ParentCommand InvoiceKitCli cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The invoice id, as list shows it.")
  String id;

  @Override public Integer call() {
    try (ProviderSession session = cli.openChosenProvider()) {
      Optional<Invoice> invoice = session.provider().get(id);
      if (invoice.isEmpty()) {
        cli.err().println(session.provider().id() + ": no invoice with id '" + Text.oneLine(id) + "'");
        return ExitCode.SOFTWARE;
      }
      cli.format().single(cli.out(), invoice.get());
    }
    return ExitCode.OK;
  }
}
