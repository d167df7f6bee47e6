/**
 * In-process emulators of the vendor billing APIs, for tests, demos and benchmarks: the place a
 * host application starts a fake vendor in its own tests, with no network and no credentials.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandboxes.start("acme", SandboxOptions.builder().invoices(500).build())) {
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
 * <h2>The emulator SPI</h2>
 *
 * This package holds the shared core (data set, faults, latency, the server) and names no
 * vendor. Each vendor's emulator lives beside its provider, in the provider's module, and is
 * found by {@link dev.invoicekit.sandbox.Sandboxes} through a
 * {@link dev.invoicekit.sandbox.SandboxFactory} listed in
 * {@code META-INF/services/dev.invoicekit.sandbox.SandboxFactory}. A third party's emulator is
 * written the same way, on these public types:
 * <ul>
 *   <li>{@link dev.invoicekit.sandbox.Sandbox}: extend it; implement {@code providerId},
 *       {@code requestIdHeader}, {@code providerSettings}, {@code invoiceId} and the protected
 *       hooks {@code authorized}, {@code handle} and {@code error}; start it with
 *       {@code Sandbox.started(new AcmeSandbox(options))}.
 *   <li>{@link dev.invoicekit.sandbox.SandboxRequest}: what a handler reads (method, decoded
 *       segments below the base path, query, headers, JSON body).
 *   <li>{@link dev.invoicekit.sandbox.SandboxResponse}: what it answers.
 *   <li>{@link dev.invoicekit.sandbox.SandboxException}: thrown to answer with the vendor's error
 *       body for a status and, optionally, a vendor code.
 *   <li>{@link dev.invoicekit.sandbox.Json}, {@link dev.invoicekit.sandbox.Window} and
 *       {@link dev.invoicekit.sandbox.Dates}: exact JSON trees, pagination math, date parsing.
 * </ul>
 * A provider module depends on {@code invoicekit-sandbox} as {@code <optional>true</optional>}, so
 * hosts of the provider get neither the sandbox nor MockWebServer on their class path.
 *
 * <p>Emulators are written from the vendors' public documentation; they share no code with the
 * providers they test.
 */
package dev.invoicekit.sandbox;
