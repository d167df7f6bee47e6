/**
 * Stripe wire types: the Retrofit interface of the v1 invoices API and the records its JSON is
 * read into. Every component is nullable (Stripe marks many fields optional as well as nullable);
 * unknown fields are ignored. Not API; may change.
 */
package dev.invoicekit.stripe.internal;
