package dev.invoicekit.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;

/**
 * A running emulator of one vendor's billing API, serving a {@link Dataset} over HTTP on loopback.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandboxes.start("acme", SandboxOptions.defaults())) {
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
 * <p>Every answer the sandbox sends, errors and injected faults included, carries the vendor's
 * request-id header ({@link #requestIdHeader()}) with a value unique to the request.
 *
 * <p>Thread-safe: a sandbox serves many concurrent connections.
 *
 * <h2>Writing an emulator</h2>
 *
 * A vendor emulator, in any package, extends this class: it names its provider and request-id
 * header, checks credentials in {@link #authorized}, routes in {@link #handle}, renders the
 * vendor's error body in {@link #error}, and has a static {@code start} method
 * {@code return Sandbox.started(new AcmeSandbox(options));}. A {@link SandboxFactory} in
 * {@code META-INF/services/dev.invoicekit.sandbox.SandboxFactory} makes it known to
 * {@link Sandboxes}. {@link SandboxRequest}, {@link SandboxResponse}, {@link SandboxException},
 * {@link Json}, {@link Window}, {@link Dates} and {@link Dataset} are what it is written on.
 */
public abstract class Sandbox implements AutoCloseable {
  private static final Logger logger = Logger.getLogger(Sandbox.class.getName());

  private final SandboxOptions options;
  private final Dataset dataset;
  private final SandboxServer server;
  private final AtomicLong requestIds = new AtomicLong();

  /**
   * Prepares a sandbox whose vendor API lives below {@code basePath}, such as
   * {@code "/acme/v1/"}. It serves nothing until {@link #started} starts it.
   *
   * @throws IllegalArgumentException if {@code basePath} does not start and end with {@code "/"}
   */
  protected Sandbox(SandboxOptions options, String basePath) {
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
   * method is {@code return Sandbox.started(new AcmeSandbox(options));}.
   *
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  protected static <S extends Sandbox> S started(S sandbox) {
    Objects.requireNonNull(sandbox, "sandbox == null");
    ((Sandbox) sandbox).server.start(); // private members are not reachable through S
    return sandbox;
  }

  /** The id of the provider this sandbox emulates, such as {@code "acme"}; never null. */
  public abstract String providerId();

  /**
   * The response header the real vendor sends its request id in, such as {@code "X-Request-Id"}:
   * one the vendor's provider reads as the request id. Every answer of this sandbox carries it.
   */
  public abstract String requestIdHeader();

  /**
   * The vendor base URL on loopback, ending in {@code "/"}, such as
   * {@code "http://127.0.0.1:41234/acme/v1/"}.
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

  /**
   * Returns the vendor's id of invoice {@code index} of the {@link #dataset()}: what the provider
   * reports as {@code Invoice.id()} and accepts in {@code get}.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < dataset().size()}
   */
  public abstract String invoiceId(int index);

  /** How the vendor's list endpoint pages: by page number, by offset or by cursor. */
  public abstract Paging paging();

  /**
   * Returns the subscription whose preview this sandbox answers, for vendors whose preview needs
   * one ({@code PreviewRequest.builder().subscriptionId(id)}); null (the default) if the vendor
   * previews the upcoming invoice without one.
   */
  public String previewSubscriptionId() {
    return null;
  }

  /**
   * Returns the path, relative to {@link #baseUrl()}, at which the vendor answers invoice
   * {@code index} by id with a plain {@code GET}, such as {@code "invoices/inv_0001"}; null (the
   * default) where the vendor has no get-by-id endpoint. For tools that call the vendor API
   * directly, like a benchmark's bare-HTTP baseline.
   */
  public String invoicePath(int index) {
    return null;
  }

  /**
   * The request headers that carry the credentials this sandbox accepts, such as
   * {@code {"X-Acme-Key": "sandbox-token"}}; empty by default. The values are secrets: do not log
   * them.
   */
  public Map<String, String> credentialHeaders() {
    return Map.of();
  }

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

  /** The options this sandbox was started with. */
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

  /**
   * Returns the vendor's error answer for {@code status}, exactly as this sandbox sends it: the
   * body of {@link #error}, its content type, and {@link #requestIdHeader()} with a fresh unique
   * value. Neither latency nor {@code Retry-After} is added: a caller serving it decides those.
   * For tools that inject faults in front of a provider, such as a conformance kit's proxy.
   *
   * @param vendorCode the vendor's error code, or null for the vendor's usual code for the status
   *     (or none, where the vendor sends none)
   * @throws IllegalArgumentException if {@code status} is not 400 to 599
   */
  public final SandboxResponse errorResponse(int status, String vendorCode, String message) {
    if (status < 400 || status > 599) throw new IllegalArgumentException("not an error status: " + status);
    Objects.requireNonNull(message, "message == null");
    return identified(error(status, vendorCode, message));
  }

  // Hooks for vendor emulators.

  /**
   * True if {@code request} carries the vendor's credentials for {@link SandboxOptions#credential()},
   * typically {@code request.headerEquals("X-Acme-Key", options().credential())}. Called on many
   * threads at once.
   */
  protected abstract boolean authorized(SandboxRequest request);

  /**
   * Answers an authorized request below the base path, or returns null if no route matches (the
   * sandbox then answers 404). May throw {@link SandboxException} to answer with a vendor error.
   * Called on many threads at once.
   */
  protected abstract SandboxResponse handle(SandboxRequest request);

  /**
   * Returns the vendor's error response for {@code status}: injected 429s and 503s, 401s for bad
   * credentials, 404s for unknown routes, {@link SandboxException}s, 500s for handler failures and
   * {@link #errorResponse} all come through here. The sandbox adds {@code Retry-After} to injected
   * 429s and the request-id header to everything. The default body is
   * {@code {"error": message, "code": vendorCode}}; vendors override it with their shape.
   *
   * @param vendorCode the vendor's error code to put in the body, or null: then the vendor's
   *     usual code for {@code status}, or no code where the vendor's shape has none
   */
  protected SandboxResponse error(int status, String vendorCode, String message) {
    return SandboxResponse.json(status, vendorCode == null
        ? Json.object("error", message)
        : Json.object("error", message, "code", vendorCode));
  }

  /**
   * Returns the vendor's error response for {@code status} with {@code details} (what the error
   * is about, such as {@code {"field": "sort"}}, from {@link SandboxException#details()}; empty
   * if nothing). The default ignores the details and calls {@link #error(int, String, String)};
   * vendors whose error bodies carry details override this one.
   */
  protected SandboxResponse error(int status, String vendorCode, String message,
      Map<String, Object> details) {
    return error(status, vendorCode, message);
  }

  /**
   * Returns the request id of the {@code sequence}-th answer (1 for the first), unique per
   * sequence: by default 16 hex digits derived from the seed. Vendors whose ids have another
   * shape override it.
   */
  protected String requestId(long sequence) {
    return String.format("%016x", Dataset.mix(options.seed() ^ 0x5EED_1D5L, sequence));
  }

  /** Returns {@code response} with {@link #requestIdHeader()} set to a new request id. */
  final SandboxResponse identified(SandboxResponse response) {
    return response.withHeader(requestIdHeader(), requestId(requestIds.incrementAndGet()));
  }

  /** Answers {@code request} as the vendor would, without injected faults: auth, routing, errors. */
  final SandboxResponse answer(SandboxRequest request) {
    try {
      if (options.rejectCredentials() || !authorized(request)) {
        return error(401, null, "Authentication error");
      }
      SandboxResponse response = request.underBase() ? handle(request) : null;
      return response != null ? response : error(404, null, "no route for " + request);
    } catch (SandboxException e) {
      return error(e.status(), e.vendorCode(), e.getMessage(), e.details());
    } catch (RuntimeException e) {
      logger.log(Level.WARNING, providerId() + " sandbox failed to answer " + request, e);
      return error(500, null, "sandbox failure: " + e);
    }
  }

  /** Returns how {@code request} is answered, faults and latency included; for tests. */
  final MockResponse respond(SandboxRequest request) {
    return server.respond(request);
  }

  /** Tests: measures the latency with {@code clock} instead of {@link System#nanoTime()}. */
  final void nanoClock(java.util.function.LongSupplier clock) {
    server.nanoClock(clock);
  }
}
