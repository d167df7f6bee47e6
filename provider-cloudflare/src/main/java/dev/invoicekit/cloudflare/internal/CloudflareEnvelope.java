package dev.invoicekit.cloudflare.internal;

import com.squareup.moshi.Json;
import java.util.List;

/** The v4 response envelope: {@code success}, {@code errors}, {@code messages}, {@code result}, {@code result_info}. */
public record CloudflareEnvelope<T>(
    Boolean success,
    List<CloudflareMessage> errors,
    List<CloudflareMessage> messages,
    T result,
    @Json(name = "result_info") CloudflarePagination resultInfo) {}
