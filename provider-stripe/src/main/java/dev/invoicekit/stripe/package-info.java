/**
 * The Stripe provider (id {@code stripe}): Stripe's v1 invoices API, with cursor paging
 * ({@code starting_after}), get by id with every line, and {@code create_preview} as the preview.
 *
 * <p>Use it through {@link dev.invoicekit.InvoiceProviders}; the only public type here is the
 * {@link dev.invoicekit.spi.InvoiceProviderFactory} that {@link java.util.ServiceLoader} finds.
 * The emulator of package {@code dev.invoicekit.stripe.sandbox} is the module's other public API,
 * for tests and tools.
 */
package dev.invoicekit.stripe;
