package dev.invoicekit.cli;

import dev.invoicekit.PreviewRequest;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code invoicekit preview}: the upcoming, month-to-date or subscription draft invoice. */
@Command(name = "preview", sortOptions = false,
    description = "Prints the upcoming (month-to-date, or a subscription's draft) invoice.")
final class PreviewCommand implements Callable<Integer> {
  @ParentCommand InvoiceKitCli cli;

  @Option(names = "--subscription", paramLabel = "ID", description = "The subscription to preview.")
  String subscription;

  @Option(names = "--period-start", paramLabel = "DATE", converter = DateConverter.class,
      description = "The start of the period to preview: 2026-07-01 (UTC midnight) or an ISO instant.")
  Instant periodStart;

  @Option(names = "--period-end", paramLabel = "DATE", converter = DateConverter.class,
      description = "The end of the period to preview, exclusive.")
  Instant periodEnd;

  @Override public Integer call() {
    PreviewRequest request = PreviewRequest.builder()
        .subscriptionId(subscription).periodStart(periodStart).periodEnd(periodEnd).build();
    try (ProviderSession session = cli.openChosenProvider()) {
      cli.format().single(cli.out(), session.provider().preview(request));
    }
    return ExitCodes.OK;
  }
}
