package dev.invoicekit.focus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStreams;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every provider's sandbox data, all at once, through the export and the FOCUS checker. */
class SandboxFocusTest {
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach void closeAll() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) resources.get(i).close();
  }

  private Map<String, InvoiceProvider> everySandbox(SandboxOptions options) {
    Map<String, InvoiceProvider> providers = new LinkedHashMap<>();
    for (String id : Sandboxes.available()) {
      Sandbox sandbox = Sandboxes.start(id, options);
      resources.add(sandbox);
      InvoiceProvider provider = InvoiceProviders.create(
          ProviderConfig.builder(id).setAll(sandbox.providerSettings()).build());
      resources.add(provider);
      providers.put(id, provider);
    }
    return providers;
  }

  @Test void everyProvidersInvoicesPassEveryRuleAndReconcile() {
    SandboxOptions options = SandboxOptions.builder().invoices(40).build();
    Map<String, InvoiceProvider> providers = everySandbox(options);
    assertThat(providers).hasSizeGreaterThanOrEqualTo(3);

    List<InstanceInvoice> invoices;
    try (Stream<InstanceInvoice> stream = MissingLines.fetch(
        InvoiceStreams.stream(providers, InvoiceQuery.all(), 4), providers, 4)) {
      invoices = stream.toList();
    }
    assertThat(invoices).hasSize(40 * providers.size());

    StringWriter csv = new StringWriter();
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    Map<String, Integer> rowsPerProvider = new LinkedHashMap<>();
    try (FocusCsvWriter writer = new FocusCsvWriter(csv)) {
      for (InstanceInvoice each : invoices) {
        List<FocusRow> rows = FocusExport.defaults().rows(each);
        writer.write(rows);
        totals.put(each.instance() + "/" + each.invoice().id(), each.invoice().total().amount());
        rowsPerProvider.merge(each.instance(), rows.size(), Integer::sum);
      }
    }
    assertThat(totals).hasSize(invoices.size()); // ids unique per instance: reconciliation is per invoice
    assertThat(FocusChecker.check(csv.toString(), totals)).isEmpty();
    for (Map.Entry<String, InvoiceProvider> provider : providers.entrySet()) {
      int lines = invoices.stream().filter(each -> each.instance().equals(provider.getKey()))
          .mapToInt(each -> each.invoice().lines().size()).sum();
      // Itemised where the vendor itemises (lines fetched when the listing left them out).
      assertThat(rowsPerProvider.get(provider.getKey())).isGreaterThanOrEqualTo(Math.max(lines, 40));
    }
  }

  @Test void listingsWithASubtotalButNoLinesGetTheirLinesFetched() {
    Map<String, InvoiceProvider> providers = everySandbox(SandboxOptions.builder().invoices(12).build());
    List<InstanceInvoice> listed;
    try (Stream<InstanceInvoice> stream = InvoiceStreams.stream(providers, InvoiceQuery.all(), 4)) {
      listed = stream.toList();
    }
    List<InstanceInvoice> fetched;
    try (Stream<InstanceInvoice> stream = MissingLines.fetch(listed.stream(), providers, 3)) {
      fetched = stream.toList();
    }
    assertThat(fetched).hasSameSizeAs(listed);
    for (int i = 0; i < listed.size(); i++) {
      InstanceInvoice before = listed.get(i);
      InstanceInvoice after = fetched.get(i);
      assertThat(after.invoice().id()).isEqualTo(before.invoice().id()); // order kept
      if (MissingLines.SUBTOTAL_WITHOUT_LINES.test(before.invoice())) {
        assertThat(after.invoice().lines()).as(before.instance() + " " + before.invoice().id()).isNotEmpty();
      } else {
        assertThat(after).isSameAs(before);
      }
    }
  }
}
