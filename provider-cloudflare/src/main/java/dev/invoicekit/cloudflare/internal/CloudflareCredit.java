package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/** One of a line's {@code pretax_credit_amounts}: a credit in minor units applied before tax. */
public record CloudflareCredit(
    BigDecimal amount,
    String type,
    @Json(name = "credit_balance_transaction") String creditBalanceTransaction,
    String discount) {}
