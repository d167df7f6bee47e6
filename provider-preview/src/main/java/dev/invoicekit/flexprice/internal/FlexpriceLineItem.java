package dev.invoicekit.flexprice.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/** One entry of an invoice's {@code line_items}. */
public record FlexpriceLineItem(
    String id,
    @Json(name = "display_name") String displayName,
    @Json(name = "plan_display_name") String planDisplayName,
    @Json(name = "meter_display_name") String meterDisplayName,
    @Json(name = "price_id") String priceId,
    @Json(name = "price_type") String priceType,
    @Json(name = "meter_id") String meterId,
    @Json(name = "price_unit") String priceUnit,
    @Json(name = "price_unit_amount") BigDecimal priceUnitAmount,
    BigDecimal amount,
    BigDecimal quantity,
    String currency,
    @Json(name = "period_start") String periodStart,
    @Json(name = "period_end") String periodEnd,
    @Json(name = "line_item_discount") BigDecimal lineItemDiscount,
    @Json(name = "invoice_level_discount") BigDecimal invoiceLevelDiscount,
    @Json(name = "prepaid_credits_applied") BigDecimal prepaidCreditsApplied) {}
