/**
 * The emulator of Stripe's v1 invoices API ({@link dev.invoicekit.stripe.sandbox.StripeSandbox}),
 * built on {@code invoicekit-sandbox} and found by {@link dev.invoicekit.sandbox.Sandboxes}.
 */
package dev.invoicekit.stripe.sandbox;
