package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/** One of {@code invoice_lines}: amount in minor units, an exact quantity, optional pre-tax credits. */
public record CloudflareLine(
    BigDecimal amount,
    String currency,
    String description,
    CloudflarePeriod period,
    CloudflarePricing pricing,
    BigDecimal quantity,
    @Json(name = "pretax_credit_amounts") List<CloudflareCredit> pretaxCreditAmounts) {}
