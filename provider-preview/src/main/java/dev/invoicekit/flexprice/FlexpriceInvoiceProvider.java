package dev.invoicekit.flexprice;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.flexprice.internal.FlexpriceApi;
import dev.invoicekit.flexprice.internal.FlexpriceInvoice;
import dev.invoicekit.flexprice.internal.FlexpriceInvoiceList;
import dev.invoicekit.flexprice.internal.FlexpricePagination;
import dev.invoicekit.flexprice.internal.FlexpricePreviewRequest;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.http.Wire;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.PageStreams;
import dev.invoicekit.spi.ProviderChecks;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads invoices from the Flexprice API.
 *
 * <ul>
 *   <li>{@link #list}: {@code POST /invoices/search} (read-only, retried like a GET) with
 *       {@code limit}/{@code offset}; the page token is the offset. The customer and period
 *       filters go to the server ({@code customer_id}, {@code period_start_gte},
 *       {@code period_start_lte}) and are applied exactly once more here, half-open. Invoices
 *       are listed without their lines ({@code skip_line_items}) unless the vendor parameter
 *       {@code skip_line_items=false} asks for them; {@link #get} always reads them.
 *   <li>{@link #stream}: the first page gives {@code pagination.total}; the later offsets are then
 *       fetched concurrently, up to {@code max-concurrency}, delivered in order. Offset paging
 *       shifts when invoices are inserted meanwhile, so an invoice delivered on one page and
 *       again on the next is dropped, remembering only the last two pages' ids. An invoice that
 *       cannot be read fails {@link #list} (one page has no room for it); {@code stream}
 *       delivers every other item, then throws a {@link MalformedResponseException} naming it.
 *   <li>{@link #get}: {@code GET /invoices/{id}}, with line items and taxes; 404 → empty.
 *   <li>{@link #preview}: {@code POST /invoices/preview} for {@code subscriptionId} (required),
 *       optionally for a period. The answer is a DRAFT computed on the fly: Flexprice does not
 *       store it, so its id cannot be fetched later with {@link #get}.
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} releases the transport and makes every later call throw
 * {@link IllegalStateException}.
 */
final class FlexpriceInvoiceProvider implements InvoiceProvider {
  private final HttpTransport transport;
  private final FlexpriceApi api;
  private final URI baseUrl;
  private final int pageSize;
  private final int maxConcurrency;

  FlexpriceInvoiceProvider(HttpTransport transport, URI baseUrl, int pageSize, int maxConcurrency) {
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.api = transport.create(FlexpriceApi.class);
    this.pageSize = pageSize;
    this.maxConcurrency = maxConcurrency;
  }

  @Override public String id() {
    return FlexpriceInvoiceProviderFactory.ID;
  }

  @Override public Page<Invoice> list(InvoiceQuery query) {
    FlexpriceSearch search = FlexpriceSearch.of(query, pageSize);
    requireOpen();
    // Flexprice applies the customer and period filters itself, so its total counts them; the
    // exact re-check only drops what its inclusive periodTo bound lets through.
    return ProviderChecks.filterKeepingTotal(fetch(search, search.firstToken(), null), query);
  }

  @Override public Stream<Invoice> stream(InvoiceQuery query) {
    FlexpriceSearch search = FlexpriceSearch.of(query, pageSize);
    requireOpen();
    RecentIds recent = new RecentIds(2 * search.limit());
    // An item that cannot be read is set aside, its page's others delivered, and named at the end.
    ItemFailures failures = new ItemFailures(id());
    long firstOffset = FlexpriceSearch.offset(search.firstToken());
    PageStreams.PageFetcher<Invoice> fetcher =
        token -> failures.partial(readable -> fetch(search, token, readable));
    return failures.reportAtEnd(PageStreams.concurrent(id(), search.firstToken(), fetcher,
            first -> remainingOffsets(firstOffset, first), maxConcurrency)
        .filter(invoice -> recent.add(invoice.id()))
        .filter(search::matches));
  }

  @Override public Optional<Invoice> get(String invoiceId) {
    ProviderChecks.requireInvoiceId(id(), invoiceId);
    requireOpen();
    return transport.executeOptional(api.get(invoiceId), FlexpriceMapper::invoice);
  }

  /**
   * Returns the invoice Flexprice would issue next for {@code request.subscriptionId()}. The
   * result is a DRAFT computed on the fly and not stored: its id cannot be fetched later.
   *
   * @throws IllegalArgumentException if the request has no subscription id (Flexprice previews
   *     one subscription, not an account)
   */
  @Override public Invoice preview(PreviewRequest request) {
    Objects.requireNonNull(request, "request == null");
    ProviderChecks.requireAbsent(id(), "customerId", request.customerId(),
        "it previews one subscription's next invoice, not a customer's");
    String subscriptionId = ProviderChecks.requireParameter(id(), "subscriptionId",
        request.subscriptionId(), "it previews the next invoice of one subscription");
    requireOpen();
    FlexpricePreviewRequest body = new FlexpricePreviewRequest(subscriptionId,
        request.periodStart().map(Instant::toString).orElse(null),
        request.periodEnd().map(Instant::toString).orElse(null));
    Invoice invoice = transport.execute(api.preview(body), FlexpriceMapper::invoice);
    return invoice.status() == InvoiceStatus.DRAFT
        ? invoice
        : invoice.toBuilder().status(InvoiceStatus.DRAFT).build();
  }

  @Override public void close() {
    transport.close();
  }

  @Override public String toString() {
    return "FlexpriceInvoiceProvider{baseUrl=" + baseUrl + "}";
  }

  /**
   * Fetches the page at offset {@code token}, unfiltered. Its next token is the offset after its
   * items, absent once {@code offset + items >= pagination.total}. If items of it cannot be read,
   * {@code readable} (if not null) gets the page of the others before the transport throws for
   * them.
   */
  private Page<Invoice> fetch(FlexpriceSearch search, String token, Consumer<Page<Invoice>> readable) {
    long offset = FlexpriceSearch.offset(token);
    return transport.execute(api.search(search.request(offset)), list -> page(list, offset, readable));
  }

  /**
   * Maps the search answer for {@code offset}. Every item is mapped before any failure is thrown:
   * an item that cannot be read ({@code items[2]: missing required field 'currency'}) does not
   * hide the others' failures, and several are thrown as one, counted ({@link ItemFailures}). The
   * next offset counts every item answered, readable or not.
   *
   * @param readable if not null, receives the page of the items that could be read just before
   *     the items that cannot be read fail the page: a stream may deliver them
   * @throws MalformedResponseException naming each item that cannot be read; or if the answer is
   *     for another offset than the one asked for (a server ignoring {@code offset} would repeat
   *     the first page forever), or holds no invoice although its total says more follow
   */
  private static Page<Invoice> page(FlexpriceInvoiceList list, long offset,
      Consumer<Page<Invoice>> readable) {
    String provider = FlexpriceMapper.PROVIDER;
    Wire.required(provider, list, "body");
    List<FlexpriceInvoice> items = Wire.required(provider, list.items(), "items");
    FlexpricePagination pagination = Wire.required(provider, list.pagination(), "pagination");
    long total = Wire.required(provider,
        Wire.wholeNumber(provider, pagination.total(), "pagination.total"), "pagination.total");
    Long answered = Wire.wholeNumber(provider, pagination.offset(), "pagination.offset");
    if (answered != null && answered != offset) {
      throw new MalformedResponseException(provider, "asked for the invoices from offset " + offset
          + ", got those from offset " + answered);
    }
    String where = "offset " + offset + " of a total of " + total;
    ItemFailures failures = new ItemFailures(provider);
    List<Invoice> invoices = Wire.items(provider, items, "items", failures, FlexpriceMapper::invoice);
    long next = offset + items.size();
    String nextToken = next >= total ? null : Long.toString(next);
    Page<Invoice> result = failures.page(
        new Page<>(invoices, Optional.ofNullable(nextToken), OptionalLong.of(total)), readable, where);
    return ProviderChecks.requireProgress(provider, where, result);
  }

  /**
   * Plans the offsets after the first page, asked for at {@code firstOffset}: the number of items
   * the server answered for it is its step, so the offsets are {@code next, next + step, … < total}
   * where {@code next = firstOffset + step}. The step is read from the first page's next offset,
   * not from its items: a page with an item that cannot be read delivers fewer items than the
   * server answered. The list is computed on demand: a million-invoice plan takes no memory.
   */
  static Optional<List<String>> remainingOffsets(long firstOffset, Page<Invoice> first) {
    if (first.nextPageToken().isEmpty()) return Optional.of(List.of());
    if (first.totalCount().isEmpty()) return Optional.empty();
    long next = Long.parseLong(first.nextPageToken().get());
    long step = next - firstOffset;
    if (step <= 0) return Optional.empty(); // Not a page of ours: follow the next page tokens.
    long total = first.totalCount().getAsLong();
    long count = (total - next + step - 1) / step;
    return Optional.of(PageStreams.tokenRange(next, step, count));
  }

  private void requireOpen() {
    ProviderChecks.requireOpen(id(), transport.isClosed());
  }
}
