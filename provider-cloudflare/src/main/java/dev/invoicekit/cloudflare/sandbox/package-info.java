/**
 * The in-process emulator of the Cloudflare API: {@link dev.invoicekit.cloudflare.sandbox.CloudflareSandbox},
 * found by {@code dev.invoicekit.sandbox.Sandboxes.start("cloudflare", options)}.
 *
 * <p>Written on the emulator SPI of {@code invoicekit-sandbox}, which this module depends on as an
 * optional dependency: add {@code invoicekit-sandbox} (test scope) to use the emulator. The
 * provider itself never uses this package.
 */
package dev.invoicekit.cloudflare.sandbox;
