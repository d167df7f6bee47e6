package dev.invoicekit.flexprice.internal;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * The {@code InvoiceFilter} body of {@code POST /invoices/search}. Null components are left out
 * of the JSON; times are RFC 3339 text.
 */
public record FlexpriceSearchRequest(
    int limit,
    long offset,
    @Json(name = "customer_id") String customerId,
    @Json(name = "external_customer_id") String externalCustomerId,
    @Json(name = "subscription_id") String subscriptionId,
    @Json(name = "period_start_gte") String periodStartGte,
    @Json(name = "period_start_lte") String periodStartLte,
    @Json(name = "invoice_status") List<String> invoiceStatus,
    @Json(name = "payment_status") List<String> paymentStatus,
    @Json(name = "invoice_type") String invoiceType,
    String currency,
    @Json(name = "billing_reason") String billingReason,
    @Json(name = "skip_line_items") Boolean skipLineItems,
    @Json(name = "invoice_ids") List<String> invoiceIds,
    @Json(name = "amount_due_gt") String amountDueGt,
    @Json(name = "period_end_gte") String periodEndGte,
    @Json(name = "period_end_lte") String periodEndLte) {}
