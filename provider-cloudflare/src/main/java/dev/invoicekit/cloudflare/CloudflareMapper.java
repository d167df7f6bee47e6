package dev.invoicekit.cloudflare;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.cloudflare.internal.CloudflareCredit;
import dev.invoicekit.cloudflare.internal.CloudflareEnvelope;
import dev.invoicekit.cloudflare.internal.CloudflareHistory;
import dev.invoicekit.cloudflare.internal.CloudflareHistoryInvoice;
import dev.invoicekit.cloudflare.internal.CloudflareLine;
import dev.invoicekit.cloudflare.internal.CloudflarePagination;
import dev.invoicekit.cloudflare.internal.CloudflarePeriod;
import dev.invoicekit.cloudflare.internal.CloudflarePreview;
import dev.invoicekit.cloudflare.internal.CloudflarePricing;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.ProviderChecks;
import dev.invoicekit.spi.Quoting;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Maps Cloudflare wire records to the common model. Pure functions: no I/O, no state.
 *
 * <p>Amounts arrive in the currency's minor units (cents; yen for JPY) and leave in major units,
 * exactly. Times arrive in epoch seconds. A missing required field or a {@code success:false}
 * envelope throws {@link MalformedResponseException}.
 */
final class CloudflareMapper {
  static final String PROVIDER = "cloudflare";
  static final String NO_DESCRIPTION = "(no description)";

  private CloudflareMapper() {}

  /**
   * One page of invoice-history, mapped.
   *
   * @param invoices the invoices of the page, unfiltered, in the vendor's order
   * @param page the page number this is
   * @param perPage the page size the vendor applied
   * @param hasMore whether a page follows
   * @param totalCount the vendor's count of all invoices of the listing, where given
   */
  record HistoryPage(List<Invoice> invoices, int page, int perPage, boolean hasMore,
      OptionalLong totalCount) {
    HistoryPage {
      invoices = List.copyOf(invoices);
    }

    /** The page number that follows, or null on the last page. */
    String nextPageToken() {
      return hasMore ? Integer.toString(page + 1) : null;
    }

    /** This page as the public {@link Page}. */
    Page<Invoice> toPage() {
      return new Page<>(invoices, Optional.ofNullable(nextPageToken()), totalCount);
    }
  }

  /**
   * Returns the {@code result} of {@code envelope}.
   *
   * @throws MalformedResponseException on {@code success:false} (with the first error's code and
   *     every error's message) or a missing {@code result}
   */
  static <T> T result(CloudflareEnvelope<T> envelope) {
    Wire.required(PROVIDER, envelope, "body");
    if (Boolean.FALSE.equals(envelope.success())) {
      VendorError error = CloudflareErrorDecoder.vendorError(envelope.errors());
      String detail = error != null && error.message() != null
          ? error.message()
          : "success:false without an error message";
      throw new MalformedResponseException(PROVIDER, detail, 200,
          error != null ? error.code() : null, null, null);
    }
    return Wire.required(PROVIDER, envelope.result(), "result");
  }

  /**
   * Maps one invoice-history answer to the page {@code requestedPage} of {@code requestedPerPage}.
   * Pagination is read from {@code result.pagination}, else from {@code result_info}. An item
   * without an {@code id} gets a {@linkplain Wire#derivedId derived} one.
   *
   * @param readable if not null, receives the page of the items that could be read before an
   *     item that cannot be read fails the page: the caller may deliver them
   * @throws MalformedResponseException if the answer is another page than the one asked for, or
   *     holds no invoice yet claims more ({@code has_more}): following either would loop or lose
   *     invoices; or naming each item that cannot be read (after every item is mapped)
   */
  static HistoryPage historyPage(CloudflareEnvelope<CloudflareHistory> envelope, int requestedPage,
      int requestedPerPage, String accountId, Consumer<HistoryPage> readable) {
    CloudflareHistory history = result(envelope);
    String where = history.pagination() != null ? "result.pagination" : "result_info";
    CloudflarePagination pagination = history.pagination() != null
        ? history.pagination()
        : Wire.required(PROVIDER, envelope.resultInfo(), "result.pagination");
    boolean hasMore = Wire.required(PROVIDER, pagination.hasMore(), where + ".has_more");
    if (pagination.page() != null && pagination.page().compareTo(BigDecimal.valueOf(requestedPage)) != 0) {
      throw new MalformedResponseException(PROVIDER, "asked for page " + requestedPage
          + " of invoice-history, got page " + Quoting.excerpt(pagination.page().toString()));
    }
    Integer perPageSent = Wire.wholeInt(PROVIDER, pagination.perPage(), where + ".per_page");
    int perPage = perPageSent != null && perPageSent > 0 ? perPageSent : requestedPerPage;
    Long total = Wire.wholeNumber(PROVIDER, pagination.totalCount(), where + ".total_count");
    OptionalLong totalCount = total != null && total >= 0 ? OptionalLong.of(total) : OptionalLong.empty();
    List<CloudflareHistoryInvoice> items = history.invoices() == null ? List.of() : history.invoices();
    ItemFailures failures = new ItemFailures(PROVIDER);
    List<Invoice> invoices = Wire.items(PROVIDER, items, "result.invoices", failures, item -> invoice(item, accountId));
    HistoryPage result = new HistoryPage(invoices, requestedPage, perPage, hasMore, totalCount);
    String located = "page " + requestedPage + " of invoice-history";
    if (items.isEmpty()) ProviderChecks.requireProgress(PROVIDER, located, result.toPage());
    failures.page(result, readable, located);
    return result;
  }

  /** Like {@link #historyPage(CloudflareEnvelope, int, int, String, Consumer)}, without a partial page. */
  static HistoryPage historyPage(CloudflareEnvelope<CloudflareHistory> envelope, int requestedPage,
      int requestedPerPage, String accountId) {
    return historyPage(envelope, requestedPage, requestedPerPage, accountId, null);
  }

  /**
   * Maps one invoice of invoice-history; {@code accountId} becomes its customer id. Without an
   * {@code id} (the spec makes it optional) it gets one derived from its fields, and the attribute
   * {@value Wire#DERIVED_ID} says so.
   */
  static Invoice invoice(CloudflareHistoryInvoice item, String accountId) {
    boolean derived = item.id() == null || item.id().isBlank();
    String id = derived ? derivedId(item) : item.id();
    return builder(id, currency(item.currency()), item.status(), item.amountDue(),
        item.amountPaid(), item.amountRemaining(), accountId)
        .issuedAt(Wire.field(PROVIDER, "created", () -> Wire.epochSeconds(PROVIDER, item.created())))
        .pdfUrl(pdfUrl(item.invoicePdf()))
        .description(item.description())
        .attribute("invoice_origin", item.invoiceOrigin())
        .attribute("created_by", item.createdBy())
        .attribute("attempt_count", item.attemptCount() == null ? null : Quoting.excerpt(item.attemptCount().toString()))
        .attribute("attempted", item.attempted() == null ? null : item.attempted().toString())
        .attribute("auto_advance", item.autoAdvance() == null ? null : item.autoAdvance().toString())
        .attribute(Wire.DERIVED_ID, derived ? "true" : null)
        .build();
  }

  /** The id of a history item that has none: a hash of every field it has. */
  private static String derivedId(CloudflareHistoryInvoice item) {
    return Wire.derivedId(item.amountDue(), item.amountPaid(), item.amountRemaining(),
        item.currency(), item.attemptCount(), item.attempted(), item.autoAdvance(), item.created(),
        item.createdBy(), item.description(), item.invoiceOrigin(), item.invoicePdf(), item.status());
  }

  /**
   * Maps the upcoming invoice, always a {@link InvoiceStatus#DRAFT} (what Cloudflare calls its
   * status stays in {@code vendorStatus}). Its subtotal is the sum of the line amounts and its
   * discount the sum of the lines' pre-tax credits; {@code accountId} becomes its customer id.
   */
  static Invoice preview(CloudflarePreview preview, String accountId) {
    Currency currency = currency(preview.currency());
    Invoice.Builder invoice = builder(preview.id(), currency, preview.status(),
        preview.amountDue(), preview.amountPaid(), preview.amountRemaining(), accountId)
        .status(InvoiceStatus.DRAFT);
    List<CloudflareLine> wireLines = preview.invoiceLines() == null ? List.of() : preview.invoiceLines();
    List<InvoiceLine> lines = new ArrayList<>(wireLines.size());
    Money subtotal = Money.zero(currency);
    Money discount = Money.zero(currency);
    for (int i = 0; i < wireLines.size(); i++) {
      CloudflareLine wireLine = wireLines.get(i);
      String field = "result.invoice_lines[" + i + "]";
      InvoiceLine line = Wire.field(PROVIDER, field,
          () -> line(Wire.required(PROVIDER, wireLine, field), currency));
      lines.add(line);
      subtotal = subtotal.plus(line.amount());
      if (line.discount() != null) discount = discount.plus(line.discount());
    }
    return invoice
        .periodStart(Wire.field(PROVIDER, "result.period_start", () -> Wire.epochSeconds(PROVIDER, preview.periodStart())))
        .periodEnd(Wire.field(PROVIDER, "result.period_end", () -> Wire.epochSeconds(PROVIDER, preview.periodEnd())))
        .subtotal(subtotal)
        .discount(discount)
        .lines(lines)
        .build();
  }

  /** Starts an invoice from the fields history items and the preview share; total = amount due. */
  private static Invoice.Builder builder(String id, Currency currency, String status,
      BigDecimal amountDue, BigDecimal amountPaid, BigDecimal amountRemaining, String accountId) {
    Money due = minor(amountDue, "amount_due", currency);
    return Invoice.builder(PROVIDER, Wire.required(PROVIDER, id, "id"))
        .customerId(accountId)
        .status(InvoiceStatus.fromName(status)) // draft, open, paid, uncollectible, void; else UNKNOWN
        .vendorStatus(status)
        .currency(currency)
        .total(due)
        .amountDue(due)
        .amountPaid(minor(amountPaid, "amount_paid", currency))
        .amountRemaining(minor(amountRemaining, "amount_remaining", currency));
  }

  /**
   * Maps one preview line of an invoice in {@code invoiceCurrency}. The unit price
   * ({@code unit_amount_decimal}, minor units) becomes major units; the pre-tax credits sum to the
   * line's discount.
   */
  static InvoiceLine line(CloudflareLine line, Currency invoiceCurrency) {
    Currency currency = invoiceCurrency;
    if (line.currency() != null) {
      currency = Wire.currency(PROVIDER, line.currency(), "currency");
      if (!currency.equals(invoiceCurrency)) {
        throw new MalformedResponseException(PROVIDER, "invoice line in " + currency.getCurrencyCode()
            + " on an invoice in " + invoiceCurrency.getCurrencyCode());
      }
    }
    CloudflarePricing pricing = line.pricing();
    String product = pricing != null && pricing.priceDetails() != null
        ? pricing.priceDetails().product()
        : null;
    String description = line.description() != null ? line.description()
        : product != null ? product
        : NO_DESCRIPTION;
    CloudflarePeriod period = line.period();
    return InvoiceLine.builder(description, minor(line.amount(), "amount", currency))
        .product(product)
        .quantity(line.quantity())
        .unitPrice(pricing == null ? null : unitPrice(pricing.unitAmountDecimal(), currency))
        .discount(credits(line.pretaxCreditAmounts(), currency))
        .periodStart(period == null ? null
            : Wire.field(PROVIDER, "period.start", () -> Wire.epochSeconds(PROVIDER, period.start())))
        .periodEnd(period == null ? null
            : Wire.field(PROVIDER, "period.end", () -> Wire.epochSeconds(PROVIDER, period.end())))
        .build();
  }

  /** Returns {@code text} as an absolute http(s) URI, or null when absent or malformed. */
  static URI pdfUrl(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Returns the time a filter on the period compares: the period start, else the issue time. */
  private static Currency currency(String code) {
    return Wire.currency(PROVIDER, code, "currency");
  }

  private static Money minor(BigDecimal minorUnits, String field, Currency currency) {
    return Money.ofMinor(Wire.required(PROVIDER, minorUnits, field), currency);
  }

  private static BigDecimal unitPrice(String unitAmountDecimal, Currency currency) {
    BigDecimal minorUnits = Wire.decimal(PROVIDER, unitAmountDecimal, "pricing.unit_amount_decimal");
    return minorUnits == null ? null : Money.ofMinor(minorUnits, currency).amount();
  }

  private static Money credits(List<CloudflareCredit> credits, Currency currency) {
    if (credits == null || credits.isEmpty()) return null;
    Money sum = Money.zero(currency);
    for (CloudflareCredit credit : credits) {
      sum = sum.plus(minor(Wire.required(PROVIDER, credit, "pretax_credit_amounts[]").amount(),
          "pretax_credit_amounts[].amount", currency));
    }
    return sum;
  }
}
