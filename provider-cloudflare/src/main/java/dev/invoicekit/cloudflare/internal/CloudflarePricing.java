package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;

/**
 * A line's {@code pricing}: {@code unit_amount_decimal} is the unit price in minor units as decimal
 * text. {@code price_details} is Stripe's pass-through (not in Cloudflare's schema), read when present.
 */
public record CloudflarePricing(
    @Json(name = "unit_amount_decimal") String unitAmountDecimal,
    @Json(name = "price_details") CloudflarePriceDetails priceDetails) {}
