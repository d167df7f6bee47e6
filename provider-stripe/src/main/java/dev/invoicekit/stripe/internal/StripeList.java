package dev.invoicekit.stripe.internal;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * A Stripe list object, {@code {"object":"list","data":[...],"has_more":...,"url":...}}: a page of
 * invoices, or an invoice's (embedded or fetched) lines. Not API; may change.
 *
 * @param hasMore whether items follow the last of {@code data}; the next page starts after its id
 */
public record StripeList<T>(
    List<T> data,
    @Json(name = "has_more") Boolean hasMore,
    String url) {}
