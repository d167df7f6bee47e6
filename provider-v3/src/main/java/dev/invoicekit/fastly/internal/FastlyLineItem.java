package dev.invoicekit.fastly.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * One of a Fastly invoice's {@code transaction_line_items}. Fastly has spelt five keys in two ways:
 * PascalCase ({@code ProductName}, specs of 2024-02 to 2024-07) and snake_case ({@code product_name},
 * since); each has its own component here, and the mapper takes whichever is set. Every component
 * is nullable. Not API; may change.
 */
public record FastlyLineItem(
    String description,
    BigDecimal amount,
    @Json(name = "credit_coupon_code") String creditCouponCode,
    BigDecimal rate,
    BigDecimal units,
    @Json(name = "product_name") String productName,
    @Json(name = "ProductName") String productNamePascal,
    @Json(name = "product_group") String productGroup,
    @Json(name = "ProductGroup") String productGroupPascal,
    @Json(name = "product_line") String productLine,
    @Json(name = "ProductLine") String productLinePascal,
    String region,
    @Json(name = "Region") String regionPascal,
    @Json(name = "usage_type") String usageType,
    @Json(name = "UsageType") String usageTypePascal) {}
