package dev.invoicekit.cloudflare.internal;

import java.util.List;

/** The {@code result} of invoice-history. */
public record CloudflareHistory(List<CloudflareHistoryInvoice> invoices, CloudflarePagination pagination) {}
