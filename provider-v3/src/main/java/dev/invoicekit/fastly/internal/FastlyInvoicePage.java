package dev.invoicekit.fastly.internal;

import java.util.List;

/**
 * The answer of {@code GET /billing/v3/invoices}: {@code {"data":[...],"meta":{...}}}. Not API; may
 * change.
 *
 * @param data the invoices of this page; nullable
 * @param meta the paging metadata; nullable
 */
public record FastlyInvoicePage(List<FastlyInvoice> data, FastlyPageMeta meta) {}
