/**
 * In-process emulators of the vendor billing APIs, for tests, demos and benchmarks: the place a
 * host application starts a fake vendor in its own tests, with no network and no credentials.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandboxes.start("fastly", SandboxOptions.builder().invoices(500).build())) {
 *   Properties properties = new Properties();
 *   properties.setProperty("invoicekit.provider", sandbox.providerId());
 *   sandbox.providerSettings().forEach((key, value) ->
 *       properties.setProperty("invoicekit." + sandbox.providerId() + "." + key, value));
 *   // ... code under test reads invoices through InvoiceProviders.fromProperties(properties) ...
 *   assertThat(sandbox.requestCount()).isLessThan(10);
 * }
 * }</pre>
 *
 * <p>A {@link dev.invoicekit.sandbox.Sandbox} serves a {@link dev.invoicekit.sandbox.Dataset} of
 * invoices on a loopback port, in the vendor's own wire format, with its authentication,
 * pagination and error shapes. {@link dev.invoicekit.sandbox.SandboxOptions} sets the data set's
 * seed and size, latency, a seeded share of injected {@link dev.invoicekit.sandbox.Fault faults}
 * (429, 503, dropped connections) and the credential accepted. Everything is deterministic: the
 * same options give the same invoices and the same sequence of faults.
 *
 * <p>Sandboxes emulate the vendors from their public documentation; they share no code with the
 * providers they test. The package-private types ({@code SandboxRequest}, {@code SandboxResponse},
 * {@code Json}, {@code Window}, {@code Dates}, {@code SandboxServer}) are the machinery vendor
 * emulators are written on; they are not API.
 */
package dev.invoicekit.sandbox;
