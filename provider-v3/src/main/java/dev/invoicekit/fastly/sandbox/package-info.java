/**
 * The in-process emulator of the Fastly API: {@link dev.invoicekit.fastly.sandbox.FastlySandbox},
 * found by {@code dev.invoicekit.sandbox.Sandboxes.start("fastly", options)}.
 *
 * <p>Written on the emulator SPI of {@code invoicekit-sandbox}, which this module depends on as an
 * optional dependency: add {@code invoicekit-sandbox} (test scope) to use the emulator. The
 * provider itself never uses this package.
 */
package dev.invoicekit.fastly.sandbox;
