/**
 * Benchmarks of InvoiceKit against its sandboxes: listing against latency, per-call overhead
 * (JMH), memory of a million-invoice stream, runtime footprint and CLI start-up. Run
 * {@link dev.invoicekit.benchmarks.Report} for every number side by side; {@code BENCHMARKS.md}
 * at the repository root has the commands and the results.
 *
 * <p>Not API; may change.
 */
package dev.invoicekit.benchmarks;
