package dev.invoicekit.cloudflare;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.cloudflare.CloudflareMapper.HistoryPage;
import dev.invoicekit.cloudflare.internal.CloudflareApi;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.PageStreams;
import dev.invoicekit.spi.ProviderChecks;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads Cloudflare AI Gateway billing: invoice-history (page-based) and invoice-preview.
 *
 * <p>Cloudflare has no invoice-by-id endpoint, so {@link #get} scans the history. History items
 * carry no period, so period filters compare the issue time ({@code created}); they and the
 * customer filter (the account id) are applied client-side. A history item that cannot be read
 * fails {@link #list} (one page has no room for it); {@link #stream} delivers every other item,
 * then throws a {@link dev.invoicekit.MalformedResponseException} naming it. Thread-safe.
 */
final class CloudflareInvoiceProvider implements InvoiceProvider {
  /** The vendor parameter {@code type} and the values Cloudflare accepts for it. */
  static final String TYPE = "type";
  private static final Set<String> TYPES = Set.of("auto", "manual", "all");
  static final int MAX_PAGE_SIZE = 100;

  private final HttpTransport transport;
  private final CloudflareApi api;
  private final URI baseUrl;
  private final String accountId;
  private final int pageSize;
  private final int maxConcurrency;

  CloudflareInvoiceProvider(HttpTransport transport, URI baseUrl, String accountId, int pageSize,
      int maxConcurrency) {
    this.transport = Objects.requireNonNull(transport, "transport == null");
    this.api = transport.create(CloudflareApi.class);
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.accountId = Objects.requireNonNull(accountId, "accountId == null");
    this.pageSize = pageSize;
    this.maxConcurrency = maxConcurrency;
  }

  @Override public String id() {
    return CloudflareMapper.PROVIDER;
  }

  @Override public Page<Invoice> list(InvoiceQuery query) {
    Listing listing = listing(query);
    HistoryPage page = fetch(listing, listing.firstPage, null);
    // Cloudflare filters nothing server-side: its total does not count a period or customer filter.
    return ProviderChecks.filterClientSide(page.toPage(), query);
  }

  @Override public Stream<Invoice> stream(InvoiceQuery query) {
    Listing listing = listing(query);
    AtomicReference<HistoryPage> first = new AtomicReference<>();
    ItemFailures failures = new ItemFailures(id());
    PageStreams.PageFetcher<Invoice> fetcher = token -> {
      int number = token == null ? listing.firstPage : pageNumber(token);
      HistoryPage page = failures.partial(readable -> fetch(listing, number, readable));
      first.compareAndSet(null, page);
      return page.toPage();
    };
    PageStreams.PagePlanner<Invoice> planner = firstPage -> remainingPages(first.get());
    return failures.reportAtEnd(PageStreams.concurrent(id(), Integer.toString(listing.firstPage),
        fetcher, planner, maxConcurrency).filter(listing::matches));
  }

  /**
   * Returns the tokens of the pages after {@code first} up to {@code ceil(total_count / per_page)},
   * computed on demand (a total of two billion costs nothing until pages are fetched), or empty
   * (follow {@code has_more}) when the total is unknown or does not reach past it.
   */
  static Optional<List<String>> remainingPages(HistoryPage first) {
    if (!first.hasMore()) return Optional.of(List.of());
    if (first.totalCount().isEmpty()) return Optional.empty();
    long total = first.totalCount().getAsLong();
    long lastPage = (total + first.perPage() - 1) / first.perPage();
    if (lastPage <= first.page() || lastPage > Integer.MAX_VALUE) return Optional.empty();
    return Optional.of(PageStreams.tokenRange(first.page() + 1L, 1, lastPage - first.page()));
  }

  /**
   * Scans the history for {@code invoiceId}, as Cloudflare has no invoice-by-id endpoint: page by
   * page, one request at a time, so that no page after the one holding the invoice is asked for
   * (a stream would fetch pages ahead, and each costs a request of the account's rate limit). The
   * id is never sent.
   */
  @Override public Optional<Invoice> get(String invoiceId) {
    ProviderChecks.requireInvoiceId(id(), invoiceId);
    Listing listing = listing(InvoiceQuery.all());
    ItemFailures failures = new ItemFailures(id());
    for (int page = listing.firstPage; ; page++) {
      int number = page;
      HistoryPage history = failures.partial(readable -> fetch(listing, number, readable));
      for (Invoice invoice : history.invoices()) {
        if (invoice.id().equals(invoiceId)) return Optional.of(invoice);
      }
      if (history.nextPageToken() == null) {
        failures.throwIfAny("the history"); // The invoice asked for may be one that could not be read.
        return Optional.empty();
      }
    }
  }

  /** Returns the account's upcoming invoice with its lines; Cloudflare previews nothing else. */
  @Override public Invoice preview(PreviewRequest request) {
    Objects.requireNonNull(request, "request == null");
    checkOpen();
    String reason = "it previews the account's upcoming invoice only";
    ProviderChecks.requireAbsent(id(), "subscriptionId", request.subscriptionId(), reason);
    ProviderChecks.requireAbsent(id(), "customerId", request.customerId(), reason);
    ProviderChecks.requireAbsent(id(), "periodStart", request.periodStart(), reason);
    ProviderChecks.requireAbsent(id(), "periodEnd", request.periodEnd(), reason);
    return transport.execute(api.invoicePreview(accountId),
        envelope -> CloudflareMapper.preview(CloudflareMapper.result(envelope), accountId));
  }

  @Override public void close() {
    transport.close();
  }

  @Override public String toString() {
    return "CloudflareInvoiceProvider{baseUrl=" + baseUrl + "}";
  }

  /**
   * Fetches one page. If items of it cannot be read, {@code readable} (if not null) gets the page
   * of the other items, then the transport throws for them (with the status and request id,
   * credentials cut out): {@link ItemFailures#partial} keeps the one and records the other.
   */
  private HistoryPage fetch(Listing listing, int page, Consumer<HistoryPage> readable) {
    return transport.execute(api.invoiceHistory(accountId, page, listing.perPage, listing.type),
        envelope -> CloudflareMapper.historyPage(envelope, page, listing.perPage, accountId, readable));
  }

  /** Validates {@code query} before any request. */
  private Listing listing(InvoiceQuery query) {
    Objects.requireNonNull(query, "query == null");
    checkOpen();
    ProviderChecks.allowVendorParameters(id(), query, Set.of(TYPE));
    String type = query.vendorParameter(TYPE).map(String::trim).orElse(null);
    if (type != null && !TYPES.contains(type)) {
      throw new IllegalArgumentException("cloudflare vendor parameter " + TYPE
          + " must be auto, manual or all: '" + query.vendorParameter(TYPE).get() + "'");
    }
    int firstPage = query.pageToken().map(CloudflareInvoiceProvider::pageNumber).orElse(1);
    int perPage = Math.min(query.pageSize().orElse(pageSize), MAX_PAGE_SIZE);
    return new Listing(query, type, firstPage, perPage);
  }

  /** Parses a page token: a page number from 1. */
  static int pageNumber(String token) {
    String trimmed = token.trim();
    int page;
    try {
      page = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      page = 0;
    }
    if (page < 1 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "cloudflare page token must be a page number from 1: '" + token + "'");
    }
    return page;
  }

  private void checkOpen() {
    ProviderChecks.requireOpen(id(), transport.isClosed());
  }

  /** A validated listing: what to ask Cloudflare and what to filter client-side. */
  private static final class Listing {
    final InvoiceQuery query;
    final String type;
    final int firstPage;
    final int perPage;

    Listing(InvoiceQuery query, String type, int firstPage, int perPage) {
      this.query = query;
      this.type = type;
      this.firstPage = firstPage;
      this.perPage = perPage;
    }

    boolean matches(Invoice invoice) {
      return query.matches(invoice);
    }
  }
}
