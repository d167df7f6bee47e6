package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * One invoice of invoice-history (a Stripe invoice passed through). Amounts are in minor units;
 * {@code created} is in epoch seconds.
 */
public record CloudflareHistoryInvoice(
    String id,
    @Json(name = "amount_due") BigDecimal amountDue,
    @Json(name = "amount_paid") BigDecimal amountPaid,
    @Json(name = "amount_remaining") BigDecimal amountRemaining,
    String currency,
    @Json(name = "attempt_count") BigDecimal attemptCount,
    Boolean attempted,
    @Json(name = "auto_advance") Boolean autoAdvance,
    BigDecimal created,
    @Json(name = "created_by") String createdBy,
    String description,
    @Json(name = "invoice_origin") String invoiceOrigin,
    @Json(name = "invoice_pdf") String invoicePdf,
    String status) {}
