/**
 * Host applications using InvoiceKit, as its users write them.
 *
 * <p>{@link dev.invoicekit.examples.InvoiceTotals} is plain Java: it creates its provider with
 * {@link dev.invoicekit.InvoiceProviders#fromProperties}. {@link dev.invoicekit.examples.HostApplication}
 * is handed an {@link dev.invoicekit.InvoiceProvider} by Guice. Neither learns which vendor
 * answers: that is a line of configuration and a jar on the class path. The {@code invoicekit}
 * command-line tool lives in the {@code cli} module.
 *
 * <p>Not API; may change: these are examples, not a library.
 */
package dev.invoicekit.examples;
