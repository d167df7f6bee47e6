package dev.invoicekit.flexprice;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.flexprice.internal.FlexpriceInvoice;
import dev.invoicekit.flexprice.internal.FlexpriceLineItem;
import dev.invoicekit.flexprice.internal.FlexpriceTaxApplied;
import dev.invoicekit.http.Wire;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps Flexprice wire records to the common model. Pure functions of their input; thread-safe.
 *
 * <p>Mapping (SPEC §4): {@code invoice_status} DRAFT → DRAFT, VOIDED and SKIPPED → VOID,
 * FINALIZED → PAID when {@code payment_status} is SUCCEEDED, OVERPAID, REFUNDED or
 * PARTIALLY_REFUNDED, else OPEN; anything else → UNKNOWN. Amounts are the vendor's decimal strings,
 * exact. Tax records ({@code taxes}, or the older {@code tax_applied_records}) whose
 * {@code entity_id} is one of the invoice's line items are kept on that line (attributes
 * {@code tax_amount}, summed, and {@code tax_rate_id}); the others (Flexprice applies taxes to the
 * invoice) are listed in the invoice attribute {@code tax_rate_id}. The invoice tax is
 * {@code total_tax}, else the sum of the invoice-level records.
 */
final class FlexpriceMapper {
  static final String PROVIDER = FlexpriceInvoiceProviderFactory.ID;

  private static final Set<String> PAID_PAYMENT_STATUSES =
      Set.of("SUCCEEDED", "OVERPAID", "REFUNDED", "PARTIALLY_REFUNDED");

  private FlexpriceMapper() {}

  /**
   * Maps one invoice.
   *
   * <p>Without an {@code id} it gets one {@linkplain Wire#derivedId derived} from its fields, and
   * the attribute {@value Wire#DERIVED_ID} says so.
   *
   * @throws MalformedResponseException if {@code currency}, {@code total} or a line's
   *     {@code amount} is missing, or a time or currency cannot be read. An
   *     {@code invoice_pdf_url} that is not a URI is kept as the attribute {@code invoice_pdf_url}.
   */
  static Invoice invoice(FlexpriceInvoice json) {
    Wire.required(PROVIDER, json, "body");
    boolean derived = json.id() == null || json.id().isBlank();
    String id = derived ? Wire.derivedId(json) : json.id();
    Currency currency = Wire.currency(PROVIDER, json.currency(), "currency");
    Money total = money(Wire.required(PROVIDER, json.total(), "total"), currency);
    InvoiceStatus status = status(json.invoiceStatus(), json.paymentStatus());

    List<FlexpriceTaxApplied> taxes = json.taxes() != null ? json.taxes() : json.taxAppliedRecords();
    Map<String, List<FlexpriceTaxApplied>> lineTaxes = new LinkedHashMap<>();
    List<FlexpriceTaxApplied> invoiceTaxes = new ArrayList<>();
    Set<String> lineIds = new LinkedHashSet<>();
    if (json.lineItems() != null) {
      for (FlexpriceLineItem item : json.lineItems()) {
        if (item != null && item.id() != null) lineIds.add(item.id());
      }
    }
    if (taxes != null) {
      for (FlexpriceTaxApplied tax : taxes) {
        if (tax == null) continue;
        if (tax.entityId() != null && lineIds.contains(tax.entityId())) {
          lineTaxes.computeIfAbsent(tax.entityId(), k -> new ArrayList<>()).add(tax);
        } else {
          invoiceTaxes.add(tax);
        }
      }
    }

    Money amountDue = json.amountDue() != null ? money(json.amountDue(), currency) : total;
    Money amountPaid = money(json.amountPaid(), currency);
    Money amountRemaining = money(json.amountRemaining(), currency);
    if (status == InvoiceStatus.DRAFT && amountPaid != null) {
      // Flexprice leaves amount_remaining at "0" on drafts it has not computed yet.
      amountRemaining = amountDue.minus(amountPaid);
    }

    Invoice.Builder invoice = Invoice.builder(PROVIDER, id)
        .number(json.invoiceNumber())
        .customerId(json.customerId())
        .status(status)
        .vendorStatus(vendorStatus(json.invoiceStatus(), json.paymentStatus()))
        .currency(currency)
        .periodStart(Wire.instant(PROVIDER, json.periodStart(), "period_start"))
        .periodEnd(Wire.instant(PROVIDER, json.periodEnd(), "period_end"))
        .issuedAt(json.finalizedAt() != null
            ? Wire.instant(PROVIDER, json.finalizedAt(), "finalized_at")
            : Wire.instant(PROVIDER, json.createdAt(), "created_at"))
        .dueAt(Wire.instant(PROVIDER, json.dueDate(), "due_date"))
        .paidAt(Wire.instant(PROVIDER, json.paidAt(), "paid_at"))
        .subtotal(money(json.subtotal(), currency))
        .tax(json.totalTax() != null ? money(json.totalTax(), currency) : taxSum(invoiceTaxes, currency))
        .discount(money(json.totalDiscount(), currency))
        .total(total)
        .amountDue(amountDue)
        .amountPaid(amountPaid)
        .amountRemaining(amountRemaining)
        .pdfUrl(uri(json.invoicePdfUrl()))
        .attribute("invoice_pdf_url", uri(json.invoicePdfUrl()) == null ? json.invoicePdfUrl() : null)
        .description(json.description())
        .attribute("billing_reason", json.billingReason())
        .attribute(Wire.DERIVED_ID, derived ? "true" : null)
        .attribute("invoice_type", json.invoiceType())
        .attribute("billing_period", json.billingPeriod())
        .attribute("subscription_id", json.subscriptionId())
        .attribute("tax_rate_id", taxRateIds(invoiceTaxes));
    if (json.lineItems() != null) {
      for (FlexpriceLineItem item : json.lineItems()) {
        if (item == null) continue;
        invoice.addLine(line(item, currency, lineTaxes.getOrDefault(item.id(), List.of())));
      }
    }
    return invoice.build();
  }

  /** Maps one line item of an invoice in {@code currency}, with the tax records applied to it. */
  static InvoiceLine line(FlexpriceLineItem item, Currency currency, List<FlexpriceTaxApplied> taxes) {
    Money amount = money(Wire.required(PROVIDER, item.amount(), "line_items[].amount"), currency);
    BigDecimal discount = sum(item.lineItemDiscount(), item.invoiceLevelDiscount());
    String description = item.displayName() != null ? item.displayName()
        : item.planDisplayName() != null ? item.planDisplayName()
        : item.meterDisplayName() != null ? item.meterDisplayName()
        : "(no description)";
    Money lineTax = taxSum(taxes, currency);
    return InvoiceLine.builder(description, amount)
        .id(item.id())
        .product(item.planDisplayName() != null ? item.planDisplayName() : item.meterDisplayName())
        .quantity(item.quantity())
        .discount(discount.signum() != 0 ? money(discount, currency) : null)
        .periodStart(Wire.instant(PROVIDER, item.periodStart(), "line_items[].period_start"))
        .periodEnd(Wire.instant(PROVIDER, item.periodEnd(), "line_items[].period_end"))
        .attribute("price_id", item.priceId())
        .attribute("price_type", item.priceType())
        .attribute("meter_id", item.meterId())
        .attribute("meter_display_name", item.meterDisplayName())
        .attribute("price_unit", item.priceUnit())
        .attribute("price_unit_amount", plain(item.priceUnitAmount()))
        .attribute("prepaid_credits_applied", nonZero(item.prepaidCreditsApplied()))
        .attribute("tax_amount", lineTax != null ? lineTax.toPlainString() : null)
        .attribute("tax_rate_id", taxRateIds(taxes))
        .build();
  }

  /** Returns the common status of {@code invoiceStatus} and {@code paymentStatus}; either may be null. */
  static InvoiceStatus status(String invoiceStatus, String paymentStatus) {
    if (invoiceStatus == null) return InvoiceStatus.UNKNOWN;
    switch (invoiceStatus.toUpperCase(Locale.ROOT)) {
      case "DRAFT":
        return InvoiceStatus.DRAFT;
      case "VOIDED":
      case "SKIPPED":
        return InvoiceStatus.VOID;
      case "FINALIZED":
        return paymentStatus != null
            && PAID_PAYMENT_STATUSES.contains(paymentStatus.toUpperCase(Locale.ROOT))
            ? InvoiceStatus.PAID
            : InvoiceStatus.OPEN;
      default:
        return InvoiceStatus.UNKNOWN;
    }
  }

  /** Returns {@code invoice_status/payment_status}, or whichever of the two is present. */
  static String vendorStatus(String invoiceStatus, String paymentStatus) {
    if (invoiceStatus == null) return paymentStatus;
    return paymentStatus == null ? invoiceStatus : invoiceStatus + "/" + paymentStatus;
  }

  private static Money money(BigDecimal amount, Currency currency) {
    return amount == null ? null : Money.of(amount, currency);
  }

  private static BigDecimal sum(BigDecimal a, BigDecimal b) {
    BigDecimal result = BigDecimal.ZERO;
    if (a != null) result = result.add(a);
    if (b != null) result = result.add(b);
    return result;
  }

  private static Money taxSum(List<FlexpriceTaxApplied> taxes, Currency currency) {
    BigDecimal sum = null;
    for (FlexpriceTaxApplied tax : taxes) {
      if (tax.taxAmount() != null) sum = sum == null ? tax.taxAmount() : sum.add(tax.taxAmount());
    }
    return money(sum, currency);
  }

  private static String taxRateIds(List<FlexpriceTaxApplied> taxes) {
    Set<String> ids = new LinkedHashSet<>();
    for (FlexpriceTaxApplied tax : taxes) {
      if (tax.taxRateId() != null) ids.add(tax.taxRateId());
    }
    return ids.isEmpty() ? null : String.join(",", ids);
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String nonZero(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value.toPlainString();
  }

  /** Returns {@code text} as a URI, or null when absent or not a URI (then kept as an attribute). */
  private static URI uri(String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
