package dev.invoicekit.stripe.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/** When an invoice changed status, in epoch seconds; each null until it happened. Not API; may change. */
public record StripeStatusTransitions(
    @Json(name = "finalized_at") BigDecimal finalizedAt,
    @Json(name = "paid_at") BigDecimal paidAt,
    @Json(name = "voided_at") BigDecimal voidedAt,
    @Json(name = "marked_uncollectible_at") BigDecimal markedUncollectibleAt) {}
