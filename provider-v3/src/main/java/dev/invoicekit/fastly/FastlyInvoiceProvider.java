package dev.invoicekit.fastly;

import static dev.invoicekit.fastly.FastlyInvoiceProviderFactory.ID;
import static dev.invoicekit.fastly.FastlyInvoiceProviderFactory.MAX_PAGE_SIZE;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.fastly.internal.FastlyApi;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.PageStreams;
import dev.invoicekit.spi.ProviderChecks;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads invoices from the Fastly Invoices API.
 *
 * <p>Period bounds go to Fastly widened to whole dates ({@code billing_start_date} one day before
 * {@code periodFrom}, {@code billing_end_date} 32 days after {@code periodTo}: a monthly billing
 * cycle ends at most 31 days after it starts), so whichever of an invoice's dates Fastly compares
 * them with, in UTC or a nearby time zone, nothing wanted is left out. Every filter, the customer
 * included (Fastly has no customer filter), is then applied exactly here. A listed invoice that
 * cannot be read fails {@link #list} (one page has no room for it); {@link #stream} delivers every
 * other item, then throws a {@link dev.invoicekit.MalformedResponseException} naming it.
 * Thread-safe.
 */
final class FastlyInvoiceProvider implements InvoiceProvider {
  /** How far before {@code periodFrom} the server-side filter starts. */
  private static final int START_SLACK_DAYS = 1;
  /** How far after {@code periodTo} the server-side filter ends: a month and a day. */
  private static final int END_SLACK_DAYS = 32;

  private final HttpTransport transport;
  private final FastlyApi api;
  private final URI baseUrl;
  private final int pageSize;

  FastlyInvoiceProvider(HttpTransport transport, URI baseUrl, int pageSize) {
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.api = transport.create(FastlyApi.class);
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.pageSize = pageSize;
  }

  @Override public String id() {
    return ID;
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@link Page#totalCount()} is Fastly's {@code meta.total} when the query has neither a period
   * nor a customer; with either, Fastly's count is not the count of matching invoices, so none is
   * given.
   */
  @Override public Page<Invoice> list(InvoiceQuery query) {
    Objects.requireNonNull(query, "query == null");
    requireOpen();
    ProviderChecks.allowVendorParameters(ID, query, Set.of());
    return ProviderChecks.filterClientSide(fetch(query, query.pageToken().orElse(null), null), query);
  }

  @Override public Stream<Invoice> stream(InvoiceQuery query) {
    Objects.requireNonNull(query, "query == null");
    requireOpen();
    ProviderChecks.allowVendorParameters(ID, query, Set.of());
    // Filter after paging: a page the client-side filter empties is not "an empty page claiming more".
    // An item that cannot be read is set aside, its page's others delivered, and named at the end.
    ItemFailures failures = new ItemFailures(ID);
    PageStreams.PageFetcher<Invoice> fetcher =
        cursor -> failures.partial(readable -> fetch(query, cursor, readable));
    return failures.reportAtEnd(PageStreams.cursor(ID, query.pageToken().orElse(null), fetcher)
        .filter(query::matches));
  }

  @Override public Optional<Invoice> get(String invoiceId) {
    ProviderChecks.requireInvoiceId(ID, invoiceId);
    if (invoiceId.equals("month-to-date")) {
      throw new IllegalArgumentException(
          "invoiceId 'month-to-date' names Fastly's month-to-date estimate: use preview()");
    }
    requireOpen();
    return transport.executeOptional(api.invoice(invoiceId), FastlyMapper::invoice);
  }

  /**
   * Returns Fastly's month-to-date estimate as a {@link dev.invoicekit.InvoiceStatus#DRAFT}. Fastly
   * answers HTTP 202 while the estimate is being generated: that is retried within
   * {@code max-retries}, then a retryable {@link dev.invoicekit.ProviderException}.
   *
   * @throws IllegalArgumentException if {@code request} names a subscription, a customer or a period: the
   *     estimate is the account's, for the current month
   */
  @Override public Invoice preview(PreviewRequest request) {
    Objects.requireNonNull(request, "request == null");
    requireOpen();
    String reason = "it previews the account's current month only";
    ProviderChecks.requireAbsent(ID, "subscriptionId", request.subscriptionId(), reason);
    ProviderChecks.requireAbsent(ID, "customerId", request.customerId(), reason);
    ProviderChecks.requireAbsent(ID, "periodStart", request.periodStart(), reason);
    ProviderChecks.requireAbsent(ID, "periodEnd", request.periodEnd(), reason);
    return transport.execute(api.monthToDate(), FastlyMapper::monthToDate);
  }

  /** Closes the transport. Idempotent. */
  @Override public void close() {
    transport.close();
  }

  @Override public String toString() {
    return "FastlyInvoiceProvider{baseUrl=" + baseUrl + "}";
  }

  /**
   * Fetches the page at {@code cursor}; if items of it cannot be read, {@code readable} (if not
   * null) gets the page of the others before the transport throws for them.
   */
  private Page<Invoice> fetch(InvoiceQuery query, String cursor, Consumer<Page<Invoice>> readable) {
    int limit = Math.min(query.pageSize().orElse(pageSize), MAX_PAGE_SIZE);
    String startDate = query.periodFrom().map(from -> date(from).minusDays(START_SLACK_DAYS).toString())
        .orElse(null);
    String endDate = query.periodTo().map(to -> date(to).plusDays(END_SLACK_DAYS).toString())
        .orElse(null);
    String token = cursor == null || cursor.isEmpty() ? null : cursor;
    return transport.execute(api.invoices(limit, token, startDate, endDate),
        page -> FastlyMapper.page(page, readable));
  }

  private static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private void requireOpen() {
    ProviderChecks.requireOpen(ID, transport.isClosed());
  }
}
