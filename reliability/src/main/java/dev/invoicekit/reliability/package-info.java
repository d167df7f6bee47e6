/**
 * The reliability and security suite: every provider run through the public API under faults,
 * load and hostile input. This module ships no code; its tests live under {@code src/test}.
 *
 * <p>{@code FaultMatrixTest} runs one table of faults (rate limits, outages, dropped connections,
 * slow, truncated, empty or foreign bodies, odd payloads, paging loops, every error shape) against
 * each provider on MockWebServer; {@code ChaosListingTest} streams a large data set from each
 * sandbox through injected faults; {@code ConcurrencyTest} shares one provider between many
 * threads and checks that {@code close()} releases everything; {@code SecurityTest} checks that
 * no secret leaks and that hostile ids and hosts are refused. Not API; may change.
 */
package dev.invoicekit.reliability;
