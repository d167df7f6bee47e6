package dev.invoicekit.flexprice.internal;

import com.squareup.moshi.Json;

/** The {@code GetPreviewInvoiceRequest} body of {@code POST /invoices/preview}. */
public record FlexpricePreviewRequest(
    @Json(name = "subscription_id") String subscriptionId,
    @Json(name = "period_start") String periodStart,
    @Json(name = "period_end") String periodEnd) {}
