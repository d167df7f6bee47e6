package dev.invoicekit.stripe.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * A Stripe invoice (API versions from {@code 2025-03-31.basil}): amounts are integers in the
 * currency's minor unit, times epoch seconds. A preview has the same shape, an
 * {@code upcoming_in_} id and status {@code draft}. Not API; may change.
 *
 * @param customer the customer's id; Stripe would send an object only if asked to expand it
 * @param totalPretaxCreditAmounts discounts again ({@code type: discount}) and credit grants
 *     ({@code type: credit_balance_transaction})
 */
public record StripeInvoice(
    String id,
    String customer,
    String number,
    String status,
    String currency,
    BigDecimal created,
    @Json(name = "due_date") BigDecimal dueDate,
    @Json(name = "period_start") BigDecimal periodStart,
    @Json(name = "period_end") BigDecimal periodEnd,
    BigDecimal subtotal,
    BigDecimal total,
    @Json(name = "amount_due") BigDecimal amountDue,
    @Json(name = "amount_paid") BigDecimal amountPaid,
    @Json(name = "amount_remaining") BigDecimal amountRemaining,
    @Json(name = "total_taxes") List<StripeAmount> totalTaxes,
    @Json(name = "total_discount_amounts") List<StripeAmount> totalDiscountAmounts,
    @Json(name = "total_pretax_credit_amounts") List<StripeAmount> totalPretaxCreditAmounts,
    @Json(name = "status_transitions") StripeStatusTransitions statusTransitions,
    @Json(name = "invoice_pdf") String invoicePdf,
    @Json(name = "hosted_invoice_url") String hostedInvoiceUrl,
    String description,
    @Json(name = "billing_reason") String billingReason,
    @Json(name = "collection_method") String collectionMethod,
    StripeParent parent,
    StripeList<StripeLine> lines) {}
