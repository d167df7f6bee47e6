/**
 * Fastly wire types: the Retrofit interface of the Invoices API and the records its JSON is read
 * into. Not API; may change.
 */
package dev.invoicekit.fastly.internal;
