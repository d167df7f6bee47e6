package dev.invoicekit.cli;

import dev.invoicekit.Invoice;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code invoicekit get ID}: one invoice with its lines; exit 3 if the vendor has no such invoice. */
@Command(name = "get", sortOptions = false, description = "Prints one invoice with its lines.")
final class GetCommand implements Callable<Integer> {
  @ParentCommand InvoiceKitCli cli;

  @Parameters(index = "0", paramLabel = "ID", description = "The invoice id, as list shows it.")
  String id;

  @Override public Integer call() {
    try (ProviderSession session = cli.openChosenProvider()) {
      Optional<Invoice> invoice = session.provider().get(id);
      if (invoice.isEmpty()) throw new NoSuchInvoiceException(session.provider().id(), id);
      cli.format().single(cli.out(), invoice.get());
    }
    return ExitCodes.OK;
  }
}
