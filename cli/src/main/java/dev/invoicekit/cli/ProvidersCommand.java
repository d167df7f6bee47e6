package dev.invoicekit.cli;

import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code invoicekit providers}: the providers on the class path, what each supports, its credentials. */
@Command(name = "providers", sortOptions = false,
    description = "Lists the providers on the class path, what each supports and whether its "
        + "credentials are configured.")
final class ProvidersCommand implements Callable<Integer> {
  @ParentCommand InvoiceKitCli cli;

  /** One provider as listed. */
  record Entry(String id, String description, Optional<String> missingCredential, boolean sandbox) {
    String credentials() {
      return missingCredential.map(name -> "missing " + name
          + (sandbox ? " (or --sandbox)" : "")).orElse("configured");
    }
  }

  @Override public Integer call() {
    Settings settings = cli.settings();
    Set<String> sandboxes = Sandboxes.available();
    List<Entry> entries = new ArrayList<>();
    for (String id : InvoiceProviders.available()) {
      var factory = InvoiceProviders.factory(id);
      entries.add(new Entry(id, factory.description(),
          factory.missingCredential(settings.config(id)), sandboxes.contains(id)));
    }
    if (entries.isEmpty()) cli.warn("no InvoiceKit provider on the class path");
    PrintWriter out = cli.out();
    switch (cli.format()) {
      case JSON:
        new JsonText(out).write(json -> {
          json.beginArray();
          for (Entry entry : entries) {
            json.beginObject();
            json.name("id").value(entry.id());
            json.name("description").value(entry.description());
            json.name("credentialsConfigured").value(entry.missingCredential().isEmpty());
            json.name("missingCredential").value(entry.missingCredential().orElse(null));
            json.name("sandbox").value(entry.sandbox());
            json.endObject();
          }
          json.endArray();
        }).end();
        break;
      case CSV:
        Csv.row(out, List.of("id", "description", "credentialsConfigured", "missingCredential", "sandbox"));
        for (Entry entry : entries) {
          Csv.row(out, Arrays.asList(entry.id(), entry.description(),
              String.valueOf(entry.missingCredential().isEmpty()),
              entry.missingCredential().orElse(null), String.valueOf(entry.sandbox())));
        }
        break;
      default:
        TextTable table = new TextTable(out, Integer.MAX_VALUE, "PROVIDER", "CREDENTIALS", "SUPPORTS");
        for (Entry entry : entries) table.row(entry.id(), entry.credentials(), entry.description());
        table.flush();
    }
    out.flush();
    return ExitCodes.OK;
  }
}
