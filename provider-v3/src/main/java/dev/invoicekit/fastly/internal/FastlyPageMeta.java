package dev.invoicekit.fastly.internal;

import com.squareup.moshi.Json;

/**
 * The {@code meta} object of a Fastly invoice list. Every component is nullable. Not API; may change.
 *
 * @param nextCursor the cursor of the next page; null or empty on the last page
 * @param limit the number of invoices in this page
 * @param sort the sort order, like {@code -billing_start_date}
 * @param total the number of invoices available on the backend
 */
public record FastlyPageMeta(
    @Json(name = "next_cursor") String nextCursor,
    Long limit,
    String sort,
    Long total) {}
