/**
 * The Flexprice provider (id {@code flexprice}): invoices from {@code POST /invoices/search},
 * {@code GET /invoices/{id}} and per-subscription previews from {@code POST /invoices/preview}.
 *
 * <p>Use it through {@link dev.invoicekit.InvoiceProviders}; the only public type is
 * {@link dev.invoicekit.flexprice.FlexpriceInvoiceProviderFactory}.
 */
package dev.invoicekit.flexprice;
