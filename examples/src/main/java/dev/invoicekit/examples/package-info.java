/**
 * The {@code invoicekit} command-line tool and a Guice host-application example.
 *
 * <p>{@link dev.invoicekit.examples.InvoiceKitCli} is the tool's entry point: it covers every
 * provider found on the class path, and runs a provider against its embedded sandbox when no
 * credentials are configured. {@link dev.invoicekit.examples.HostApplication} shows the shape of a
 * host application that is handed an {@link dev.invoicekit.InvoiceProvider} by Guice and never
 * learns which vendor answers.
 *
 * <p>Not API; may change: these are examples, not a library.
 */
package dev.invoicekit.examples;
