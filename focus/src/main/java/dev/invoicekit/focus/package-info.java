/**
 * Invoices as the FOCUS 1.2 Cost and Usage dataset: {@link dev.invoicekit.focus.FocusExport}
 * turns each invoice into rows whose {@code BilledCost} sums to its total exactly, and
 * {@link dev.invoicekit.focus.FocusCsvWriter} writes them as CSV. JDK only, on the InvoiceKit API.
 */
package dev.invoicekit.focus;
