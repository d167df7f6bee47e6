/**
 * The service-provider interface: what a vendor module implements and the shared machinery it
 * builds on ({@link dev.invoicekit.spi.ProviderConfig}, {@link dev.invoicekit.spi.PageStreams},
 * {@link dev.invoicekit.spi.ProviderChecks}).
 *
 * <p>A vendor module ships one public {@link dev.invoicekit.spi.InvoiceProviderFactory} and lists
 * it in {@code META-INF/services/dev.invoicekit.spi.InvoiceProviderFactory}.
 */
package dev.invoicekit.spi;
