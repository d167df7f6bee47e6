/**
 * The {@code invoicekit} command-line tool.
 *
 * <p>{@link dev.invoicekit.cli.InvoiceKitCli} is the tool's entry point: it covers every provider
 * and every sandbox found on the class path with {@link java.util.ServiceLoader}, and names none of
 * them. It talks to a vendor with the configured credentials, or to the embedded sandbox when asked
 * with {@code --sandbox}; {@code invoicekit sandbox} serves the emulators for other programs.
 *
 * <p>Not API; may change: a tool, not a library.
 */
package dev.invoicekit.cli;
