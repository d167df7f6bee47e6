package dev.invoicekit.stripe;

import static dev.invoicekit.spi.Quoting.quote;
import static dev.invoicekit.stripe.StripeInvoiceProviderFactory.ID;
import static dev.invoicekit.stripe.StripeInvoiceProviderFactory.MAX_PAGE_SIZE;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.PageStreams;
import dev.invoicekit.spi.ProviderChecks;
import dev.invoicekit.stripe.internal.StripeApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads invoices from Stripe's v1 API.
 *
 * <p>Stripe lists invoices newest first, by {@code created}, and cannot filter on their period.
 * {@code periodFrom} is sent as {@code created[gte]}: items are added to an invoice before it is
 * created, so an invoice whose period starts at or after {@code periodFrom} was created at or
 * after it too. {@code periodTo} has no safe server-side bound (an invoice may be created long
 * after its period starts), and every filter is applied exactly here as well. A listed invoice
 * that cannot be read fails {@link #list} (one page has no room for it); {@link #stream} delivers
 * every other item, then throws a {@link dev.invoicekit.MalformedResponseException} naming it.
 * Thread-safe.
 */
final class StripeInvoiceProvider implements InvoiceProvider {
  /** The vendor parameters passed to {@code GET /v1/invoices} by their Stripe names. */
  static final Set<String> VENDOR_PARAMETERS = Set.of("status", "subscription", "collection_method");

  private final HttpTransport transport;
  private final StripeApi api;
  private final URI baseUrl;
  private final int pageSize;

  StripeInvoiceProvider(HttpTransport transport, URI baseUrl, int pageSize) {
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.api = transport.create(StripeApi.class);
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.pageSize = pageSize;
  }

  @Override public String id() {
    return ID;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The page token is the id of the last invoice of the page before ({@code starting_after});
   * {@link Page#totalCount()} is always empty: Stripe gives none.
   */
  @Override public Page<Invoice> list(InvoiceQuery query) {
    check(query);
    return ProviderChecks.filterClientSide(fetch(query, query.pageToken().orElse(null), null), query);
  }

  @Override public Stream<Invoice> stream(InvoiceQuery query) {
    check(query);
    // Filter after paging: a page the client-side filter empties is not "an empty page claiming more".
    // An item that cannot be read is set aside, its page's others delivered, and named at the end.
    ItemFailures failures = new ItemFailures(ID);
    PageStreams.PageFetcher<Invoice> fetcher =
        cursor -> failures.partial(readable -> fetch(query, cursor, readable));
    return failures.reportAtEnd(PageStreams.cursor(ID, query.pageToken().orElse(null), fetcher)
        .filter(query::matches));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The invoice comes with every line: those Stripe embeds, then, while it says
   * {@code has_more}, the rest from {@code GET /v1/invoices/{id}/lines}, 100 at a time.
   */
  @Override public Optional<Invoice> get(String invoiceId) {
    ProviderChecks.requireInvoiceId(ID, invoiceId);
    requireOpen();
    Optional<StripeMapper.Fetched> fetched = transport.executeOptional(api.invoice(invoiceId), StripeMapper::fetched);
    if (fetched.isEmpty()) return Optional.empty();
    Invoice invoice = fetched.get().invoice();
    String after = fetched.get().linesAfter();
    if (after == null) return Optional.of(invoice);
    List<InvoiceLine> lines = new ArrayList<>(invoice.lines());
    Set<String> cursors = new HashSet<>();
    while (after != null) {
      if (!cursors.add(after)) {
        throw new MalformedResponseException(ID, "the lines of " + quote(invoiceId) + " continue after "
            + quote(after) + " a second time");
      }
      String startingAfter = after;
      StripeMapper.LinePage page = transport.execute(api.lines(invoiceId, MAX_PAGE_SIZE, startingAfter),
          wire -> StripeMapper.linePage(wire, invoice.currency(), invoiceId, startingAfter));
      lines.addAll(page.lines());
      after = page.linesAfter();
    }
    return Optional.of(invoice.toBuilder().lines(lines).build());
  }

  /**
   * Previews the upcoming invoice of {@code request}'s customer or subscription (or both) with
   * {@code POST /v1/invoices/create_preview}: always a {@link dev.invoicekit.InvoiceStatus#DRAFT}
   * (Stripe's status stays in {@code vendorStatus}). Its lines are those Stripe embeds in it.
   *
   * @throws IllegalArgumentException if the request names neither, or a period: Stripe previews
   *     the next invoice and takes no period
   */
  @Override public Invoice preview(PreviewRequest request) {
    Objects.requireNonNull(request, "request == null");
    requireOpen();
    String noPeriod = "Stripe previews the next invoice and takes no period";
    ProviderChecks.requireAbsent(ID, "periodStart", request.periodStart(), noPeriod);
    ProviderChecks.requireAbsent(ID, "periodEnd", request.periodEnd(), noPeriod);
    String customer = blankToNull(request.customerId());
    String subscription = blankToNull(request.subscriptionId());
    if (customer == null && subscription == null) {
      ProviderChecks.requireParameter(ID, "subscriptionId or customerId", Optional.empty(),
          "Stripe previews the upcoming invoice of a subscription or a customer");
    }
    return transport.execute(api.createPreview(customer, subscription), StripeMapper::preview);
  }

  /** Closes the transport. Idempotent. */
  @Override public void close() {
    transport.close();
  }

  @Override public String toString() {
    return "StripeInvoiceProvider{baseUrl=" + baseUrl + "}";
  }

  private void check(InvoiceQuery query) {
    Objects.requireNonNull(query, "query == null");
    requireOpen();
    ProviderChecks.allowVendorParameters(ID, query, VENDOR_PARAMETERS);
  }

  /**
   * Fetches the page after {@code cursor}; if items of it cannot be read, {@code readable} (if not
   * null) gets the page of the others before the transport throws for them.
   */
  private Page<Invoice> fetch(InvoiceQuery query, String cursor, Consumer<Page<Invoice>> readable) {
    int limit = Math.min(query.pageSize().orElse(pageSize), MAX_PAGE_SIZE);
    String startingAfter = cursor == null || cursor.isEmpty() ? null : cursor;
    Long createdGte = query.periodFrom().map(from -> from.getEpochSecond()
        + (from.getNano() > 0 ? 1 : 0)).orElse(null);
    return transport.execute(api.invoices(limit, startingAfter, query.customerId().orElse(null),
            createdGte, query.vendorParameter("status").orElse(null),
            query.vendorParameter("subscription").orElse(null),
            query.vendorParameter("collection_method").orElse(null)),
        page -> StripeMapper.page(page, startingAfter, readable));
  }

  private static String blankToNull(Optional<String> value) {
    return value.isEmpty() || value.get().isBlank() ? null : value.get().trim();
  }

  private void requireOpen() {
    ProviderChecks.requireOpen(ID, transport.isClosed());
  }
}
