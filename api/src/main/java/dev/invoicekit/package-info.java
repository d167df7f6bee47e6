/**
 * InvoiceKit: one API for reading invoices from billing vendors.
 *
 * <p>A host application codes against {@link dev.invoicekit.InvoiceProvider} and the model
 * ({@link dev.invoicekit.Invoice}, {@link dev.invoicekit.InvoiceLine}, {@link dev.invoicekit.Money});
 * which vendor answers is configuration, resolved by {@link dev.invoicekit.InvoiceProviders}.
 * Every error is an unchecked {@link dev.invoicekit.InvoiceException}.
 */
package dev.invoicekit;
