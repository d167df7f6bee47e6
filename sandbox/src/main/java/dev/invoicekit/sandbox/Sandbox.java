package dev.invoicekit.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;

/**
 * A running emulator of one vendor's billing API, serving a {@link Dataset} over HTTP on loopback.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandboxes.start("fastly", SandboxOptions.defaults())) {
 *   Properties properties = new Properties();
 *   properties.setProperty("invoicekit.provider", sandbox.providerId());
 *   sandbox.providerSettings().forEach((key, value) ->
 *       properties.setProperty("invoicekit." + sandbox.providerId() + "." + key, value));
 *   try (InvoiceProvider invoices = InvoiceProviders.fromProperties(properties)) {
 *     assertThat(invoices.stream(InvoiceQuery.all())).hasSize(sandbox.dataset().size());
 *   }
 * }
 * }</pre>
 *
 * <p>Every request is counted, may get an injected {@link Fault} ({@link
 * SandboxOptions#faultPercent()}), is then checked for the vendor's credentials (a 401 in the
 * vendor's shape if they are missing or wrong, or always with {@link
 * SandboxOptions#rejectCredentials()}), and is finally answered by the vendor emulator. Each
 * response's headers go out {@link SandboxOptions#latency()} after its request was read, the
 * emulator's own work included.
 *
 * <p>Thread-safe: a sandbox serves many concurrent connections. Vendor emulators extend this class
 * in this package; others cannot.
 */
public abstract class Sandbox implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(Sandbox.class.getName());

  private final SandboxOptions options;
  private final Dataset dataset;
  private final SandboxServer server;

  /**
   * Prepares a sandbox whose vendor API lives below {@code basePath}, such as
   * {@code "/client/v4/"}. It serves nothing until {@link #started} starts it.
   */
  Sandbox(SandboxOptions options, String basePath) {
    this.options = Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(basePath, "basePath == null");
    if (!basePath.startsWith("/") || !basePath.endsWith("/")) {
      throw new IllegalArgumentException("basePath must start and end with '/': " + basePath);
    }
    this.dataset = options.dataset();
    this.server = new SandboxServer(this, basePath);
  }

  /**
   * Starts {@code sandbox} on a free loopback port and returns it; a vendor's {@code start}
   * method is {@code return Sandbox.started(new FastlySandbox(options));}.
   *
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  static <S extends Sandbox> S started(S sandbox) {
    ((Sandbox) sandbox).server.start(); // private members are not reachable through S
    return sandbox;
  }

  /** The id of the provider this sandbox emulates: {@code "cloudflare"}, {@code "fastly"}, {@code "flexprice"}. */
  public abstract String providerId();

  /**
   * The vendor base URL on loopback, ending in {@code "/"}, such as
   * {@code "http://127.0.0.1:41234/client/v4/"}.
   */
  public final String baseUrl() {
    return server.baseUrl();
  }

  /**
   * Returns the provider settings (keys without the {@code invoicekit.<id>.} prefix) that point
   * the provider at this sandbox: {@code "base-url"} plus the credentials it accepts, such as
   * {@code {"base-url": "http://127.0.0.1:41234/", "api-token": "sandbox-token"}}. The values hold
   * a credential: do not log them.
   */
  public abstract Map<String, String> providerSettings();

  /** The invoices this sandbox serves. */
  public final Dataset dataset() {
    return dataset;
  }

  /** The number of requests received so far, faulted ones included. */
  public final int requestCount() {
    return server.requestCount();
  }

  /** The number of requests answered by an injected {@link Fault} so far. */
  public final int faultCount() {
    return server.faultCount();
  }

  public final SandboxOptions options() {
    return options;
  }

  /** Stops serving, closes open connections and frees the port and threads. Idempotent. */
  @Override public final void close() {
    server.close();
  }

  /** Shows the provider, base URL and data set; never a credential. */
  @Override public String toString() {
    String url;
    try {
      url = baseUrl();
    } catch (IllegalStateException e) {
      url = "(not started)";
    }
    return getClass().getSimpleName() + "{provider=" + providerId() + ", baseUrl=" + url
        + ", invoices=" + dataset.size() + '}';
  }

  // Hooks for vendor emulators.

  /**
   * True if {@code request} carries the vendor's credentials for {@link SandboxOptions#credential()},
   * typically {@code request.headerEquals("Fastly-Key", options().credential())}.
   */
  abstract boolean authorized(SandboxRequest request);

  /**
   * Answers an authorized request below the base path, or returns null if no route matches (the
   * sandbox then answers 404). May throw {@link SandboxException} to answer with a vendor error.
   * Called on many threads at once.
   */
  abstract SandboxResponse handle(SandboxRequest request);

  /**
   * Returns the vendor's error response for {@code status}: injected 429s and 503s, 401s for bad
   * credentials, 404s for unknown routes, {@link SandboxException}s and 500s for handler failures
   * all come through here. The sandbox adds {@code Retry-After} to 429s. The default body is
   * {@code {"error": message}}; vendors override it with their shape.
   */
  SandboxResponse error(int status, String message) {
    return SandboxResponse.json(status, Json.object("error", message));
  }

  /** Answers {@code request} as the vendor would, without injected faults: auth, routing, errors. */
  final SandboxResponse answer(SandboxRequest request) {
    try {
      if (options.rejectCredentials() || !authorized(request)) {
        return error(401, "Authentication error");
      }
      SandboxResponse response = request.underBase() ? handle(request) : null;
      return response != null ? response : error(404, "no route for " + request);
    } catch (SandboxException e) {
      return error(e.status(), e.getMessage());
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, providerId() + " sandbox failed to answer " + request, e);
      return error(500, "sandbox failure: " + e);
    }
  }

  /** Returns how {@code request} is answered, faults and latency included; for tests. */
  final MockResponse respond(SandboxRequest request) {
    return server.respond(request);
  }
}
