package dev.invoicekit.flexprice.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/** One {@code TaxAppliedResponse}, listed under {@code taxes} (formerly {@code tax_applied_records}). */
public record FlexpriceTaxApplied(
    String id,
    @Json(name = "tax_rate_id") String taxRateId,
    @Json(name = "entity_type") String entityType,
    @Json(name = "entity_id") String entityId,
    @Json(name = "taxable_amount") BigDecimal taxableAmount,
    @Json(name = "tax_amount") BigDecimal taxAmount,
    String currency) {}
