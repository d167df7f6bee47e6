package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/** {@code result.pagination} or the envelope's {@code result_info}; every field is a JSON number but {@code has_more}. */
public record CloudflarePagination(
    @Json(name = "has_more") Boolean hasMore,
    BigDecimal page,
    @Json(name = "per_page") BigDecimal perPage,
    @Json(name = "total_count") BigDecimal totalCount) {}
