package dev.invoicekit.stripe;

import static dev.invoicekit.spi.Quoting.quote;
import static dev.invoicekit.stripe.StripeInvoiceProviderFactory.ID;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.http.Wire;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.stripe.internal.StripeAmount;
import dev.invoicekit.stripe.internal.StripeInvoice;
import dev.invoicekit.stripe.internal.StripeLine;
import dev.invoicekit.stripe.internal.StripeList;
import dev.invoicekit.stripe.internal.StripeStatusTransitions;
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
 * Maps Stripe wire records to the common model. Pure functions; a missing required field throws
 * {@link MalformedResponseException}.
 *
 * <p>Amounts arrive as integers in the currency's minor unit by {@linkplain StripeCurrencies
 * Stripe's own table} and leave in major units, exactly; times arrive in epoch seconds.
 */
final class StripeMapper {
  /** The type of a pre-tax credit that repeats a discount already in {@code discount_amounts}. */
  private static final String DISCOUNT_CREDIT = "discount";

  private StripeMapper() {}

  /**
   * One invoice with the lines Stripe embedded, and where its remaining lines start.
   *
   * @param linesAfter the id of the last embedded line when more follow; else null
   */
  record Fetched(Invoice invoice, String linesAfter) {}

  /**
   * A page of an invoice's lines.
   *
   * @param linesAfter the id of the last line when more follow; else null
   */
  record LinePage(List<InvoiceLine> lines, String linesAfter) {}

  /**
   * Maps one page of {@code GET /v1/invoices}, fetched with {@code startingAfter} (null for the
   * first page). Its next page token is the id of its last item while {@code has_more}, read
   * from the wire: the item need not be readable to continue after it. Every item is mapped
   * before any item's failure is thrown: an item that cannot be read
   * ({@code data[2]: missing required field 'currency'}) does not hide the others' failures, and
   * several are thrown as one, counted ({@link ItemFailures}).
   *
   * @param readable if not null, receives the page of the items that could be read just before
   *     the items that cannot be read fail the page: a stream may deliver them
   * @throws MalformedResponseException naming each item that cannot be read; or if the page is
   *     empty yet claims more, or holds the invoice it was asked to start after: following either
   *     would loop
   */
  static Page<Invoice> page(StripeList<StripeInvoice> list, String startingAfter,
      Consumer<Page<Invoice>> readable) {
    List<StripeInvoice> data = items(list, "invoices");
    String where = "/v1/invoices after " + (startingAfter == null ? "the start" : quote(startingAfter));
    String lastId = null;
    for (StripeInvoice wire : data) {
      lastId = wire == null ? null : blankToNull(wire.id());
      if (lastId != null && lastId.equals(startingAfter)) {
        throw new MalformedResponseException(ID, "the page after " + quote(startingAfter)
            + " of /v1/invoices holds " + quote(startingAfter) + " again");
      }
    }
    if (lastId == null && !data.isEmpty() && Boolean.TRUE.equals(list.hasMore())) {
      throw new MalformedResponseException(ID, "data[" + (data.size() - 1) + "]: the last item of "
          + where + " has no id to continue after, but has_more is true");
    }
    String next = next(list, lastId, where);
    ItemFailures failures = new ItemFailures(ID);
    List<Invoice> invoices = Wire.items(ID, data, "data", failures, StripeMapper::invoice);
    return failures.page(new Page<>(invoices, Optional.ofNullable(next), OptionalLong.empty()), readable, where);
  }

  /** Like {@link #page(StripeList, String, Consumer)}, without a partial page: for a list. */
  static Page<Invoice> page(StripeList<StripeInvoice> list, String startingAfter) {
    return page(list, startingAfter, null);
  }

  /** Maps {@code GET /v1/invoices/{id}}: the invoice, its embedded lines, and where the rest start. */
  static Fetched fetched(StripeInvoice wire) {
    Invoice invoice = invoice(Wire.required(ID, wire, "body"));
    StripeList<StripeLine> lines = wire.lines();
    String last = invoice.lines().isEmpty() ? null : invoice.lines().get(invoice.lines().size() - 1).id();
    return new Fetched(invoice, lines == null ? null : next(lines, last, "the lines of " + quote(invoice.id())));
  }

  /** Maps a page of {@code GET /v1/invoices/{id}/lines} of an invoice in {@code currency}. */
  static LinePage linePage(StripeList<StripeLine> list, Currency currency, String invoiceId,
      String startingAfter) {
    List<InvoiceLine> lines = new ArrayList<>();
    for (StripeLine line : items(list, "lines")) {
      InvoiceLine mapped = line(Wire.required(ID, line, "data[]"), currency);
      if (startingAfter.equals(mapped.id())) {
        throw new MalformedResponseException(ID, "the lines of " + quote(invoiceId) + " after "
            + quote(startingAfter) + " hold " + quote(startingAfter) + " again");
      }
      lines.add(mapped);
    }
    String last = lines.isEmpty() ? null : lines.get(lines.size() - 1).id();
    return new LinePage(lines, next(list, last, "the lines of " + quote(invoiceId) + " after " + quote(startingAfter)));
  }

  /**
   * Maps an invoice or a preview, with the lines it carries. Without an {@code id} it gets one
   * {@linkplain Wire#derivedId derived} from its fields, and the attribute {@value Wire#DERIVED_ID}
   * says so.
   */
  static Invoice invoice(StripeInvoice wire) {
    boolean derived = blankToNull(wire.id()) == null;
    String id = derived ? Wire.derivedId(wire) : wire.id();
    Currency currency = Wire.currency(ID, wire.currency(), "currency");
    StripeStatusTransitions transitions = wire.statusTransitions();
    BigDecimal finalizedAt = transitions == null ? null : transitions.finalizedAt();
    Invoice.Builder builder = Invoice.builder(ID, id)
        .number(wire.number())
        .customerId(wire.customer())
        .status(InvoiceStatus.fromName(wire.status()))
        .vendorStatus(wire.status())
        .currency(currency)
        .periodStart(time(wire.periodStart(), "period_start"))
        .periodEnd(time(wire.periodEnd(), "period_end"))
        .issuedAt(finalizedAt != null
            ? time(finalizedAt, "status_transitions.finalized_at")
            : time(wire.created(), "created"))
        .dueAt(time(wire.dueDate(), "due_date"))
        .paidAt(transitions == null ? null : time(transitions.paidAt(), "status_transitions.paid_at"))
        .subtotal(optional(wire.subtotal(), currency))
        .tax(sum(wire.totalTaxes(), currency, "total_taxes[].amount"))
        .discount(discount(wire.totalDiscountAmounts(), wire.totalPretaxCreditAmounts(), currency,
            "total_"))
        .total(amount(wire.total(), "total", currency))
        .amountDue(amount(wire.amountDue(), "amount_due", currency))
        .amountPaid(optional(wire.amountPaid(), currency))
        .amountRemaining(optional(wire.amountRemaining(), currency))
        .pdfUrl(url(wire.invoicePdf()))
        .description(wire.description())
        .attribute("billing_reason", wire.billingReason())
        .attribute("collection_method", wire.collectionMethod())
        .attribute("hosted_invoice_url", wire.hostedInvoiceUrl())
        .attribute("subscription_id", wire.parent() == null || wire.parent().subscriptionDetails() == null
            ? null : wire.parent().subscriptionDetails().subscription())
        .attribute(Wire.DERIVED_ID, derived ? "true" : null);
    if (wire.lines() != null) {
      for (StripeLine line : items(wire.lines(), "lines")) {
        builder.addLine(line(Wire.required(ID, line, "lines.data[]"), currency));
      }
    }
    return builder.build();
  }

  /** Maps a preview: never issued, so a {@link InvoiceStatus#DRAFT} whatever Stripe calls it. */
  static Invoice preview(StripeInvoice wire) {
    return invoice(Wire.required(ID, wire, "body")).toBuilder().status(InvoiceStatus.DRAFT).build();
  }

  /**
   * Maps one line of an invoice in {@code currency}: its quantity from {@code quantity_decimal}
   * (else the whole {@code quantity}), its unit price from {@code pricing.unit_amount_decimal}
   * (minor units) in major units, its discount the sum of its discounts and credit grants.
   */
  static InvoiceLine line(StripeLine line, Currency currency) {
    if (line.currency() != null && !Wire.currency(ID, line.currency()).equals(currency)) {
      throw new MalformedResponseException(ID, "line " + quote(line.id()) + " is in " + quote(line.currency())
          + ", its invoice in " + currency.getCurrencyCode());
    }
    StripeLine.Pricing pricing = line.pricing();
    String product = pricing == null || pricing.priceDetails() == null ? null : pricing.priceDetails().product();
    String description = line.description() != null && !line.description().isBlank() ? line.description()
        : product != null ? product : "(no description)";
    BigDecimal quantity = line.quantityDecimal() != null
        ? decimal(line.quantityDecimal(), "quantity_decimal")
        : line.quantity();
    StripeLine.Period period = line.period();
    return InvoiceLine.builder(description, amount(line.amount(), "lines.data[].amount", currency))
        .id(line.id())
        .product(product)
        .quantity(quantity)
        .unitPrice(pricing == null || pricing.unitAmountDecimal() == null ? null
            : major(decimal(pricing.unitAmountDecimal(), "unit_amount_decimal"), currency).amount())
        .discount(discount(line.discountAmounts(), line.pretaxCreditAmounts(), currency, ""))
        .periodStart(period == null ? null : time(period.start(), "period.start"))
        .periodEnd(period == null ? null : time(period.end(), "period.end"))
        .attribute("price", pricing == null || pricing.priceDetails() == null ? null : pricing.priceDetails().price())
        .attribute("tax", line.taxes() == null || line.taxes().isEmpty() ? null
            : sum(line.taxes(), currency, "taxes[].amount").toPlainString())
        .build();
  }

  /** Returns {@code minorUnits} of {@code currency} by Stripe's decimals, exactly. */
  static Money major(BigDecimal minorUnits, Currency currency) {
    return Money.of(minorUnits.movePointLeft(StripeCurrencies.decimals(currency)), currency);
  }

  /** The items of {@code list}; a list without {@code data} has none. */
  private static <T> List<T> items(StripeList<T> list, String what) {
    Wire.required(ID, list, what);
    return list.data() == null ? List.of() : list.data();
  }

  /**
   * Returns where the list continues: the id of its last item while {@code has_more}, else null.
   *
   * @throws MalformedResponseException if {@code has_more} is missing, or true with no item (or
   *     an item without id) to continue after
   */
  private static String next(StripeList<?> list, String lastId, String where) {
    boolean hasMore = Wire.required(ID, list.hasMore(), "has_more");
    if (!hasMore) return null;
    if (lastId == null) {
      throw new MalformedResponseException(ID, "empty page claims more: " + where
          + " has no item to continue after but has_more true");
    }
    return lastId;
  }

  /** The instant {@code seconds}, the vendor's field {@code field}, after the epoch; null if absent. */
  private static Instant time(BigDecimal seconds, String field) {
    return Wire.field(ID, field, () -> Wire.epochSeconds(ID, seconds));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static Money amount(BigDecimal minorUnits, String field, Currency currency) {
    return major(Wire.required(ID, minorUnits, field), currency);
  }

  private static Money optional(BigDecimal minorUnits, Currency currency) {
    return minorUnits == null ? null : major(minorUnits, currency);
  }

  /** The sum of {@code amounts}; null if there are none. */
  private static Money sum(List<StripeAmount> amounts, Currency currency, String field) {
    if (amounts == null) return null;
    Money sum = Money.zero(currency);
    for (StripeAmount amount : amounts) {
      sum = sum.plus(amount(Wire.required(ID, amount, field).amount(), field, currency));
    }
    return sum;
  }

  /**
   * The discounts plus the pre-tax credits that are not discounts (credit grants): Stripe lists
   * each discount again among the pre-tax credits, so those are not counted twice. Null if
   * Stripe sent neither list.
   */
  private static Money discount(List<StripeAmount> discounts, List<StripeAmount> credits,
      Currency currency, String prefix) {
    Money sum = sum(discounts, currency, prefix + "discount_amounts[].amount");
    if (credits == null) return sum;
    if (sum == null) sum = Money.zero(currency);
    for (StripeAmount credit : credits) {
      String field = prefix + "pretax_credit_amounts[].amount";
      StripeAmount entry = Wire.required(ID, credit, field);
      if (!DISCOUNT_CREDIT.equals(entry.type())) sum = sum.plus(amount(entry.amount(), field, currency));
    }
    return sum;
  }

  /** A decimal Stripe writes as a string, bounded like every number InvoiceKit reads (Wire.decimal). */
  private static BigDecimal decimal(String text, String field) {
    BigDecimal value = Wire.decimal(ID, text, field);
    if (value == null) throw new MalformedResponseException(ID, field + ": not a decimal number: " + quote(text));
    return value;
  }

  /** Returns {@code text} as an absolute https URI, or null when absent or not one. */
  private static URI url(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      URI uri = new URI(text.trim());
      return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
