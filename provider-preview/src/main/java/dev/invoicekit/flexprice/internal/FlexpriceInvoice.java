package dev.invoicekit.flexprice.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * An {@code InvoiceResponse}: the bare object of {@code GET /invoices/{id}}, of
 * {@code POST /invoices/preview} and of each search item. Amounts are shopspring decimal strings
 * in major units; times are RFC 3339 text, absent when unset.
 */
public record FlexpriceInvoice(
    String id,
    @Json(name = "invoice_number") String invoiceNumber,
    @Json(name = "customer_id") String customerId,
    @Json(name = "subscription_id") String subscriptionId,
    @Json(name = "invoice_type") String invoiceType,
    @Json(name = "invoice_status") String invoiceStatus,
    @Json(name = "payment_status") String paymentStatus,
    String currency,
    @Json(name = "amount_due") BigDecimal amountDue,
    @Json(name = "amount_paid") BigDecimal amountPaid,
    @Json(name = "amount_remaining") BigDecimal amountRemaining,
    BigDecimal subtotal,
    BigDecimal total,
    @Json(name = "total_discount") BigDecimal totalDiscount,
    @Json(name = "total_tax") BigDecimal totalTax,
    String description,
    @Json(name = "billing_period") String billingPeriod,
    @Json(name = "billing_reason") String billingReason,
    @Json(name = "period_start") String periodStart,
    @Json(name = "period_end") String periodEnd,
    @Json(name = "due_date") String dueDate,
    @Json(name = "finalized_at") String finalizedAt,
    @Json(name = "paid_at") String paidAt,
    @Json(name = "created_at") String createdAt,
    @Json(name = "invoice_pdf_url") String invoicePdfUrl,
    @Json(name = "line_items") List<FlexpriceLineItem> lineItems,
    List<FlexpriceTaxApplied> taxes,
    @Json(name = "tax_applied_records") List<FlexpriceTaxApplied> taxAppliedRecords) {}
