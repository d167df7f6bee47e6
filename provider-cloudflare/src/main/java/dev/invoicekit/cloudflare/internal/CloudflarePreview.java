package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/** The {@code result} of invoice-preview: the upcoming invoice, amounts in minor units, times in epoch seconds. */
public record CloudflarePreview(
    String id,
    @Json(name = "amount_due") BigDecimal amountDue,
    @Json(name = "amount_paid") BigDecimal amountPaid,
    @Json(name = "amount_remaining") BigDecimal amountRemaining,
    String currency,
    String status,
    @Json(name = "period_start") BigDecimal periodStart,
    @Json(name = "period_end") BigDecimal periodEnd,
    @Json(name = "invoice_lines") List<CloudflareLine> invoiceLines) {}
