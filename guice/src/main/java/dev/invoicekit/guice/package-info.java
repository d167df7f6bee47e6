/**
 * Guice integration: {@link dev.invoicekit.guice.InvoiceKitModule} binds
 * {@link dev.invoicekit.InvoiceProvider} from configuration, so swapping a vendor is a change of
 * properties. Guice is a dependency of this module only, never of the api or a provider module.
 */
package dev.invoicekit.guice;
