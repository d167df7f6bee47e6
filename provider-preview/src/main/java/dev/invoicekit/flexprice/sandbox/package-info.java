/**
 * The in-process emulator of the Flexprice API: {@link dev.invoicekit.flexprice.sandbox.FlexpriceSandbox},
 * found by {@code dev.invoicekit.sandbox.Sandboxes.start("flexprice", options)}.
 *
 * <p>Written on the emulator SPI of {@code invoicekit-sandbox}, which this module depends on as an
 * optional dependency: add {@code invoicekit-sandbox} (test scope) to use the emulator. The
 * provider itself never uses this package.
 */
package dev.invoicekit.flexprice.sandbox;
