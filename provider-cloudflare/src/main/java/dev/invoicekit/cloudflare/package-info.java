/**
 * The {@code cloudflare} provider: Cloudflare AI Gateway billing through the v4 API. The only
 * public type is {@link dev.invoicekit.cloudflare.CloudflareInvoiceProviderFactory}, found by
 * {@link java.util.ServiceLoader}; use it through {@link dev.invoicekit.InvoiceProviders}.
 */
package dev.invoicekit.cloudflare;
