package dev.invoicekit.cli;

import dev.invoicekit.CurrencyTotals;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code invoicekit demo}: the same host code ({@link InvoiceTour}) through every provider in turn,
 * each against its embedded sandbox, switching nothing but configuration; then a summary.
 */
@Command(name = "demo", sortOptions = false,
    description = "Lists, gets and previews through every provider on the class path, each "
        + "against its embedded sandbox, with the same host code; then prints a summary.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand InvoiceKitCli cli;

  @Override public Integer call() {
    Settings settings = cli.settings();
    Set<String> sandboxes = Sandboxes.available();
    List<InvoiceTour.Result> results = new ArrayList<>();
    int failures = 0;
    for (String id : InvoiceProviders.available()) {
      if (!sandboxes.contains(id)) {
        cli.warn(id + ": no embedded sandbox on the class path; skipped");
        continue;
      }
      try (ProviderSession session = cli.openSandboxed(id, settings)) {
        cli.info(id + ": against its embedded sandbox");
        InvoiceTour.Result result = InvoiceTour.run(session.provider(), cli.progress());
        cli.info(story(result));
        results.add(result);
      } catch (InvoiceException e) {
        cli.err().println(Text.oneLine(e.getMessage()));
        failures++;
      }
    }
    if (results.isEmpty() && failures == 0) {
      cli.warn("no InvoiceKit provider with a sandbox on the class path");
    }
    print(cli.out(), results);
    return failures == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String story(InvoiceTour.Result result) {
    return result.provider() + ": listed " + TableOutput.invoices(result.totals().count())
        + "; " + fetched(result) + "; " + previewed(result);
  }

  private static String fetched(InvoiceTour.Result result) {
    if (result.firstId() == null) return "nothing to get";
    return result.fetched()
        .map(invoice -> "got " + invoice.id() + " with " + lines(invoice))
        .orElse("get " + result.firstId() + ": not found");
  }

  private static String lines(Invoice invoice) {
    return invoice.lines().size() + (invoice.lines().size() == 1 ? " line" : " lines");
  }

  private static String previewed(InvoiceTour.Result result) {
    return "preview of " + request(result) + ": " + result.preview().total() + " "
        + result.preview().status();
  }

  private static String request(InvoiceTour.Result result) {
    return result.previewRequest().subscriptionId().map(id -> "subscription " + id).orElse("upcoming");
  }

  private void print(PrintWriter out, List<InvoiceTour.Result> results) {
    switch (cli.format()) {
      case JSON:
        new JsonText(out).write(json -> {
          json.beginArray();
          for (InvoiceTour.Result result : results) {
            json.beginObject();
            json.name("provider").value(result.provider());
            json.name("invoices").value(result.totals().count());
            json.name("totals").beginObject();
            for (CurrencyTotals.Entry entry : result.totals().entries().values()) {
              json.name(entry.currency().getCurrencyCode()).value(Text.amount(entry.total()));
            }
            json.endObject();
            json.name("get").value(result.fetched().map(Invoice::id).orElse(null));
            json.name("getLines").value(result.fetched().map(invoice -> invoice.lines().size()).orElse(null));
            json.name("preview").value(request(result));
            json.name("previewTotal").value(Text.amount(result.preview().total()));
            json.name("previewCurrency").value(result.preview().currency().getCurrencyCode());
            json.endObject();
          }
          json.endArray();
        }).end();
        break;
      case CSV:
        Csv.row(out, List.of("provider", "currency", "invoices", "total"));
        for (InvoiceTour.Result result : results) {
          for (CurrencyTotals.Entry entry : result.totals().entries().values()) {
            Csv.row(out, List.of(result.provider(), entry.currency().getCurrencyCode(),
                String.valueOf(entry.count()), Text.amount(entry.total())));
          }
        }
        break;
      default:
        TextTable table = new TextTable(out, Integer.MAX_VALUE,
            "PROVIDER", "CURRENCY", "INVOICES", "TOTAL", "GET", "PREVIEW").rightAlign(2, 3);
        for (InvoiceTour.Result result : results) {
          String get = result.fetched().map(invoice -> invoice.id() + " (" + lines(invoice) + ")")
              .orElse(result.firstId() == null ? "-" : "not found");
          String preview = result.preview().total() + " (" + request(result) + ")";
          boolean first = true;
          for (CurrencyTotals.Entry entry : result.totals().entries().values()) {
            table.row(result.provider(), entry.currency().getCurrencyCode(),
                String.valueOf(entry.count()), Text.amount(entry.total()),
                first ? get : "", first ? preview : "");
            first = false;
          }
          if (first) table.row(result.provider(), "-", "0", "-", get, preview);
        }
        table.flush();
    }
    out.flush();
  }
}
