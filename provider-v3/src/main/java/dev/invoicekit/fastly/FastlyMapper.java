package dev.invoicekit.fastly;

import static dev.invoicekit.fastly.FastlyInvoiceProviderFactory.ID;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.fastly.internal.FastlyInvoice;
import dev.invoicekit.fastly.internal.FastlyInvoicePage;
import dev.invoicekit.fastly.internal.FastlyLineItem;
import dev.invoicekit.fastly.internal.FastlyPageMeta;
import dev.invoicekit.http.Wire;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.ProviderChecks;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Maps Fastly wire records to the common model. Pure functions; a missing required field throws
 * {@link dev.invoicekit.MalformedResponseException}.
 */
final class FastlyMapper {
  /** The currency of an invoice that names none, as the month-to-date estimate never does. */
  static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

  private FastlyMapper() {}

  /**
   * Maps one page of the invoice list. The page is the last when {@code meta.next_cursor} is
   * absent or empty. Every item is mapped before any failure is thrown: an item that cannot be
   * read ({@code data[2]: missing required field 'monthly_transaction_amount'}) does not hide
   * the others' failures, and several are thrown as one, counted ({@link ItemFailures}).
   *
   * @param readable if not null, receives the page of the items that could be read just before
   *     the items that cannot be read fail the page: a stream may deliver them
   * @throws MalformedResponseException naming each item that cannot be read; or if the page
   *     holds no invoice yet has a next cursor: following it could loop, stopping could lose
   *     invoices
   */
  static Page<Invoice> page(FastlyInvoicePage page, Consumer<Page<Invoice>> readable) {
    Wire.required(ID, page, "body");
    List<FastlyInvoice> data = page.data() == null ? List.of() : page.data();
    FastlyPageMeta meta = page.meta();
    String next = meta == null ? null : blankToNull(meta.nextCursor());
    Long sent = meta == null ? null : Wire.wholeNumber(ID, meta.total(), "meta.total");
    OptionalLong total = sent == null || sent < 0 ? OptionalLong.empty() : OptionalLong.of(sent);
    ItemFailures failures = new ItemFailures(ID);
    List<Invoice> items = Wire.items(ID, data, "data", failures, FastlyMapper::invoice);
    String where = "a page of /billing/v3/invoices";
    Page<Invoice> result = failures.page(new Page<>(items, Optional.ofNullable(next), total), readable, where);
    return ProviderChecks.requireProgress(ID, where, result);
  }

  /** Like {@link #page(FastlyInvoicePage, Consumer)}, without a partial page: for a list. */
  static Page<Invoice> page(FastlyInvoicePage page) {
    return page(page, null);
  }

  /**
   * Maps a closed invoice, which must name its {@code currency_code}. Its {@code billing_end_date}
   * is the start of the period's last day, so the half-open period ends at the start of the next
   * day.
   */
  static Invoice invoice(FastlyInvoice invoice) {
    Wire.required(ID, invoice, "body");
    // A closed invoice always names its currency; guessing one would put a wrong currency on real money.
    Wire.required(ID, blankToNull(invoice.currencyCode()), "currency_code");
    Invoice.Builder builder = common(invoice, status(invoice.paymentStatus()));
    Instant lastDay = Wire.instant(ID, invoice.billingEndDate(), "billing_end_date");
    if (lastDay != null) builder.periodEnd(lastDay.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS));
    return builder.build();
  }

  /**
   * Maps the month-to-date estimate: a {@link InvoiceStatus#DRAFT} whose period ends at the
   * {@code billing_end_date} the estimate was made, in US dollars unless it names a currency.
   */
  static Invoice monthToDate(FastlyInvoice invoice) {
    Wire.required(ID, invoice, "body");
    return common(invoice, InvoiceStatus.DRAFT)
        .periodEnd(Wire.instant(ID, invoice.billingEndDate(), "billing_end_date"))
        .build();
  }

  /** {@code paid} is PAID; {@code outstanding} or no status is OPEN; anything else UNKNOWN. */
  static InvoiceStatus status(String paymentStatus) {
    if (paymentStatus == null || paymentStatus.isBlank()) return InvoiceStatus.OPEN;
    switch (paymentStatus.trim().toLowerCase(Locale.ROOT)) {
      case "paid": return InvoiceStatus.PAID;
      case "outstanding": return InvoiceStatus.OPEN;
      default: return InvoiceStatus.UNKNOWN;
    }
  }

  static InvoiceLine line(FastlyLineItem item, Currency currency) {
    String product = coalesce(item.productName(), item.productNamePascal());
    String description = blankToNull(item.description());
    if (description == null) description = product != null ? product : "(no description)";
    return InvoiceLine.builder(description,
            Money.of(Wire.required(ID, item.amount(), "transaction_line_items[].amount"), currency))
        .product(product)
        .productGroup(coalesce(item.productGroup(), item.productGroupPascal()))
        .quantity(item.units())
        .unit(coalesce(item.usageType(), item.usageTypePascal()))
        .unitPrice(item.rate())
        .region(coalesce(item.region(), item.regionPascal()))
        .attribute("product_line", coalesce(item.productLine(), item.productLinePascal()))
        .attribute("credit_coupon_code", blankToNull(item.creditCouponCode()))
        .build();
  }

  private static Invoice.Builder common(FastlyInvoice invoice, InvoiceStatus status) {
    String code = blankToNull(invoice.currencyCode());
    Currency currency = code == null ? DEFAULT_CURRENCY : Wire.currency(ID, code, "currency_code");
    Money total = Money.of(
        Wire.required(ID, invoice.monthlyTransactionAmount(), "monthly_transaction_amount"), currency);
    boolean derived = blankToNull(invoice.invoiceId()) == null;
    Invoice.Builder builder = Invoice.builder(ID, derived ? Wire.derivedId(invoice) : invoice.invoiceId())
        .attribute(Wire.DERIVED_ID, derived ? "true" : null)
        .number(invoice.statementNumber())
        .customerId(invoice.customerId())
        .status(status)
        .vendorStatus(invoice.paymentStatus())
        .currency(currency)
        .periodStart(Wire.instant(ID, invoice.billingStartDate(), "billing_start_date"))
        .issuedAt(Wire.instant(ID, invoice.invoicePostedOn(), "invoice_posted_on"))
        .total(total)
        .amountDue(total);
    if (invoice.transactionLineItems() != null) {
      for (FastlyLineItem item : invoice.transactionLineItems()) {
        if (item != null) builder.addLine(line(item, currency));
      }
    }
    return builder;
  }

  private static String coalesce(String snake, String pascal) {
    return snake != null ? snake : pascal;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
