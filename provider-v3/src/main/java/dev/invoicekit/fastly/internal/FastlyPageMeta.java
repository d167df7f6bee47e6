package dev.invoicekit.fastly.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * The {@code meta} object of a Fastly invoice list. Every component is nullable; the counts are
 * read exactly, so that a fractional or huge one fails naming its field. Not API; may change.
 *
 * @param nextCursor the cursor of the next page; null or empty on the last page
 * @param limit the number of invoices in this page
 * @param sort the sort order, like {@code -billing_start_date}
 * @param total the number of invoices available on the backend
 */
public record FastlyPageMeta(
    @Json(name = "next_cursor") String nextCursor,
    BigDecimal limit,
    String sort,
    BigDecimal total) {}
