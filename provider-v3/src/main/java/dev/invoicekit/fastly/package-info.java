/**
 * The Fastly provider (id {@code fastly}): the Fastly Invoices API, {@code /billing/v3}, with cursor
 * paging, get by id and the month-to-date estimate as the preview.
 *
 * <p>Use it through {@link dev.invoicekit.InvoiceProviders}; the only public type here is the
 * {@link dev.invoicekit.spi.InvoiceProviderFactory} that {@link java.util.ServiceLoader} finds.
 */
package dev.invoicekit.fastly;
