package dev.invoicekit.cli;

import dev.invoicekit.CurrencyTotals;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.PreviewRequest;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo's host code: list, get and preview through any {@link InvoiceProvider}, without knowing
 * which vendor answers. It streams every invoice, gets the first one again by id, then previews
 * the subscription of the first invoice that names one ({@code subscription_id} attribute), else
 * the account's upcoming invoice.
 */
final class InvoiceTour {
  /** The attribute under which vendors with subscriptions name an invoice's subscription. */
  static final String SUBSCRIPTION_ATTRIBUTE = "subscription_id";

  /**
   * What one provider answered.
   *
   * @param fetched the first invoice as {@code get} returned it; empty if there were no invoices
   *     or the vendor did not find it again
   */
  record Result(String provider, CurrencyTotals totals, String firstId, Optional<Invoice> fetched,
      PreviewRequest previewRequest, Invoice preview) {}

  private InvoiceTour() {}

  static Result run(InvoiceProvider invoices, Progress progress) {
    Objects.requireNonNull(invoices, "invoices == null");
    CurrencyTotals totals = new CurrencyTotals();
    String firstId = null;
    String subscriptionId = null;
    try (Stream<Invoice> stream = invoices.stream(InvoiceQuery.all())) {
      for (Iterator<Invoice> it = stream.iterator(); it.hasNext(); ) {
        Invoice invoice = it.next();
        totals.add(invoice.total());
        progress.step();
        if (firstId == null) firstId = invoice.id();
        if (subscriptionId == null) subscriptionId = invoice.attributes().get(SUBSCRIPTION_ATTRIBUTE);
      }
    } finally {
      progress.done();
    }
    Optional<Invoice> fetched = firstId == null ? Optional.empty() : invoices.get(firstId);
    PreviewRequest request = subscriptionId == null
        ? PreviewRequest.upcoming()
        : PreviewRequest.builder().subscriptionId(subscriptionId).build();
    return new Result(invoices.id(), totals, firstId, fetched, request, invoices.preview(request));
  }
}
