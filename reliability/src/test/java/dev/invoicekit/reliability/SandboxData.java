package dev.invoicekit.reliability;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.Money;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a sandbox serves, as a provider must answer it: the invoice ids in the vendor's order
 * (newest first) and each invoice's total, computed from the sandbox's {@link
 * dev.invoicekit.sandbox.Dataset} without going through any provider.
 */
final class SandboxData {
  final List<String> ids;
  final List<Money> totals;

  private SandboxData(List<String> ids, List<Money> totals) {
    this.ids = Collections.unmodifiableList(ids);
    this.totals = Collections.unmodifiableList(totals);
  }

  static SandboxData of(Sandbox sandbox) {
    List<String> ids = new ArrayList<>();
    List<Money> totals = new ArrayList<>();
    List<DatasetInvoice> invoices = sandbox.dataset().list();
    for (int i = 0; i < invoices.size(); i++) {
      DatasetInvoice invoice = invoices.get(i);
      ids.add(invoiceId(sandbox, i));
      totals.add(Money.of(invoice.total(), Money.currency(invoice.currency())));
    }
    return new SandboxData(ids, totals);
  }

  /** The vendor id the sandbox gives invoice {@code index} of its data set. */
  static String invoiceId(Sandbox sandbox, int index) {
    return sandbox.invoiceId(index);
  }

  /** The preview request the sandbox answers: its subscription's where the vendor needs one. */
  static PreviewRequest previewRequest(Sandbox sandbox) {
    String subscriptionId = sandbox.previewSubscriptionId();
    return subscriptionId != null
        ? PreviewRequest.builder().subscriptionId(subscriptionId).build()
        : PreviewRequest.upcoming();
  }

  /**
   * The ids of every provider on the class path that also has a sandbox, sorted: what the suites
   * run against, discovered rather than listed.
   */
  static Set<String> providerIds() {
    Set<String> ids = new TreeSet<>(InvoiceProviders.available());
    ids.retainAll(Sandboxes.available());
    if (ids.isEmpty()) throw new IllegalStateException("no provider with a sandbox on the class path");
    return ids;
  }

  /** Creates the sandbox's provider through the public registry, with {@code settings} (key, value, ...) added. */
  static InvoiceProvider provider(Sandbox sandbox, String... settings) {
    Map<String, String> own = sandbox.providerSettings();
    ProviderConfig.Builder config = ProviderConfig.builder(sandbox.providerId())
        .environment(name -> null)
        .setAll(own);
    for (int i = 0; i < settings.length; i += 2) config.set(settings[i], settings[i + 1]);
    return InvoiceProviders.create(sandbox.providerId(), config.build());
  }
}
