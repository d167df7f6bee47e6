package dev.invoicekit.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.AuthenticationException;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.spi.ProviderChecks;
import dev.invoicekit.spi.ProviderConfig;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * One provider's HTTP stack: Retrofit and Moshi over an OkHttp client, with credentials, retries,
 * per-attempt timeouts and error decoding. Thread-safe; close it when done.
 *
 * <p>A provider creates its Retrofit service with {@link #create} and runs every call through
 * {@link #execute(Call, Function)}, which answers the mapped body or throws a typed
 * {@link InvoiceException}; no OkHttp, Retrofit or Moshi exception escapes. The Retrofit call
 * describes the request; the transport runs it, attempt by attempt, and converts the answer with
 * the Retrofit instance's Moshi converter on the calling thread.
 *
 * <h2>Retry policy</h2>
 * An idempotent call ({@code GET}, {@code HEAD}, or a method marked {@link Idempotent}) is retried
 * after an I/O error (connection refused or reset, a connection dropped mid-body, a timeout) and
 * after HTTP 408, 429, 500, 502, 503 and 504; a method marked {@link RetryOnStatus} is also
 * retried on its statuses. There are at most {@code max-retries} retries (default 3, so 4
 * attempts). Retry {@code n} waits a random time in {@code [0, min(base * 2^(n-1), 30 s)]}
 * (exponential backoff with full jitter), where {@code base} is the setting
 * {@value #RETRY_BASE_DELAY} (default 250 ms), unless the answer carries {@code Retry-After}
 * (delta-seconds or an HTTP-date), which is honoured instead; no wait exceeds 30 seconds. A
 * vendor's own retry hint ({@link Builder#retryHintHeader}) overrides the status rules. The
 * calling thread runs the retry loop and waits out the backoff.
 *
 * <h2>Attempts</h2>
 * Each attempt as a whole, from connecting to the last byte of the body, is bounded by the
 * configured {@code timeout}, and reads the whole body into memory, up to the setting
 * {@value #MAX_RESPONSE_SIZE} (default 32 MiB; a larger body is a
 * {@link MalformedResponseException} and is not retried). Error bodies are cut to 64 KiB.
 * Interrupting the thread that waits in {@code execute} cancels the call at once and throws a
 * {@link ProviderException} with detail {@code "interrupted"}, the interrupt flag kept. An
 * {@link Error} on the thread that runs an attempt ends the call at once with a
 * {@link ProviderException} that is not retryable; the caller never waits for an answer that
 * cannot come.
 *
 * <h2>Errors</h2>
 * After the retries: 401 and 403 throw {@link AuthenticationException}; 404
 * {@link NotFoundException} (or an empty answer from {@link #executeOptional}); 429
 * {@link RateLimitException} with the last {@code Retry-After}; 408 and 5xx a retryable
 * {@link ProviderException}; 400, 422 and other 4xx {@link InvalidRequestException}; an I/O error
 * or timeout a retryable {@link ProviderException} with status 0; a successful answer that cannot
 * be read a {@link MalformedResponseException} (one a mapper throws gets the answer's status and
 * request id). The message is the vendor's, as decoded by the {@link ErrorDecoder}, else the
 * status line; the request id comes from the configured headers.
 *
 * <h2>Credentials</h2>
 * Headers given to {@link Builder#header} go only to the base URL's scheme, host and port, never
 * to a redirect target elsewhere, and never appear in a log line, a message, a cause's message, a
 * request id or {@link #toString()}: where the vendor echoes one back, it is cut out.
 *
 * <h2>Threads and connections</h2>
 * The transports of a JVM share one connection pool and one dispatcher that runs at most 64
 * calls at once on daemon threads named {@code invoicekit-http-<n>} (at most 128), so threads and
 * connections do not grow with provider instances. {@link #close()} cancels this transport's calls
 * only; closing the last open transport ends the shared threads and evicts the pooled
 * connections. A host that has its own {@link OkHttpClient} passes it to {@link Builder#client};
 * transports built on it use its pool and dispatcher, and closing them leaves both to the host.
 * Plain http is for loopback test servers: such a transport never loads TLS.
 */
public final class HttpTransport implements Closeable {
  /** The setting for the largest body read, in bytes or with a unit: {@code 1048576}, {@code 512KiB}, {@code 32MiB}. */
  public static final String MAX_RESPONSE_SIZE = "max-response-size";
  /**
   * The setting for the ceiling of the first retry's wait, which doubles with every retry:
   * {@code 250ms} (the default), {@code 1s}, {@code PT0.5S}; at most 30 seconds, millisecond
   * precision. Lower it to retry faster against a local server, raise it to go easier on a vendor.
   */
  public static final String RETRY_BASE_DELAY = "retry-base-delay";

  private final String providerId;
  private final HttpUrl baseUrl;
  private final Moshi moshi;
  private final Retrofit retrofit;
  private final OkHttpClient client;
  private final SharedResources.Lease lease;
  private final CallRunner runner;
  private final ErrorMapping errors;
  private final OriginHeaders origin;
  private final Map<Method, Converter<ResponseBody, ?>> converters = new ConcurrentHashMap<>();
  private final Set<CallState> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpTransport(Builder builder) {
    this.providerId = builder.providerId;
    this.baseUrl = builder.baseUrl;
    this.origin = new OriginHeaders(baseUrl, builder.headers);
    RequestIds requestIds = new RequestIds(builder.requestIdHeaders, origin);
    Backoff backoff = new Backoff(builder.settings.retryBaseDelay().toMillis(), builder.jitter, builder.clock);
    this.errors = new ErrorMapping(providerId, builder.errorDecoder, requestIds, origin, backoff);

    Moshi.Builder moshiBuilder = new Moshi.Builder().add(BigDecimal.class, new BigDecimalAdapter());
    for (Object adapter : builder.moshiAdapters) {
      if (adapter instanceof JsonAdapter.Factory) {
        moshiBuilder.add((JsonAdapter.Factory) adapter);
      } else {
        moshiBuilder.add(adapter);
      }
    }
    this.moshi = moshiBuilder.add(new RecordAdapterFactory()).build(); // after the provider's own

    OkHttpClient base;
    if (builder.hostClient != null) {
      this.lease = null;
      base = builder.hostClient;
    } else {
      this.lease = builder.shared.acquire();
      base = lease.client(baseUrl.isHttps());
    }
    OkHttpClient.Builder clientBuilder = base.newBuilder()
        .retryOnConnectionFailure(false) // every attempt is the runner's, counted against max-retries
        .addNetworkInterceptor(new NoSilentRetry())
        .connectTimeout(builder.settings.timeout())
        .readTimeout(builder.settings.timeout())
        .writeTimeout(builder.settings.timeout())
        .callTimeout(builder.settings.timeout())
        .addNetworkInterceptor(origin);
    // A redirect from plain http to https is answered as the 3xx it is, not followed.
    if (!baseUrl.isHttps()) clientBuilder.followSslRedirects(false);
    this.client = clientBuilder.build();
    this.runner = new CallRunner(providerId, client, "invoicekit/" + Version.VALUE, builder.settings.timeout(),
        new RetryPolicy(builder.settings.maxRetries(), builder.retryHintHeader), backoff, builder.sleeper,
        new BodyLimits(providerId, builder.settings.maxResponseSize(), requestIds), requestIds, origin);
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  /**
   * Returns a builder for the transport of {@code config}'s provider. Reads {@code timeout},
   * {@code max-retries}, {@value #MAX_RESPONSE_SIZE} and {@value #RETRY_BASE_DELAY} now.
   *
   * @param config the provider's configuration
   * @return a builder; set at least its {@link Builder#baseUrl}
   * @throws ConfigurationException naming the setting if one is malformed
   */
  public static Builder builder(ProviderConfig config) {
    return new Builder(Objects.requireNonNull(config, "config == null"));
  }

  /**
   * The id of the provider this transport serves, like {@code "acme"}.
   *
   * @return the provider id
   */
  public String providerId() {
    return providerId;
  }

  /**
   * The Moshi instance of this transport, with the exact {@link java.math.BigDecimal} adapter.
   *
   * @return the Moshi instance the answers are read with
   */
  public Moshi moshi() {
    return moshi;
  }

  /**
   * Returns an implementation of the Retrofit interface {@code retrofitService}, whose calls go
   * through this transport. Its methods must return {@link Call}.
   *
   * @param <S> the service type
   * @param retrofitService the Retrofit interface
   * @return the service
   * @throws IllegalStateException if this transport is closed
   */
  public <S> S create(Class<S> retrofitService) {
    Objects.requireNonNull(retrofitService, "retrofitService == null");
    checkOpen();
    return retrofit.create(retrofitService);
  }

  /**
   * Executes {@code call} and returns its body, which is null only for an empty answer like
   * HTTP 204.
   *
   * @param <T> the body type
   * @param call a call of a service from {@link #create}
   * @return the body
   * @throws InvoiceException the typed failure, after retries
   * @throws IllegalStateException if this transport is closed
   */
  public <T> T execute(Call<T> call) {
    return execute(call, Function.identity());
  }

  /**
   * Executes {@code call} and returns its body mapped by {@code mapper}, which runs on the calling
   * thread. A {@link RuntimeException} thrown by {@code mapper} that is not an
   * {@link InvoiceException} (a {@code NullPointerException}, an {@code ArithmeticException}, a
   * {@code DateTimeParseException}...) becomes a {@link MalformedResponseException}
   * {@code "cannot read <METHOD> <path>: <message>"} with the status and request id.
   *
   * @param <T> the body type
   * @param <R> the mapped type
   * @param call a call of a service from {@link #create}
   * @param mapper maps the body (null for an empty answer) to the result
   * @return the mapped body
   * @throws InvoiceException the typed failure, after retries
   * @throws IllegalStateException if this transport is closed
   */
  public <T, R> R execute(Call<T> call, Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper == null");
    Response response = send(call);
    if (!response.isSuccessful()) throw errors.failure(response);
    return map(response, mapper);
  }

  /**
   * Like {@link #execute(Call, Function)}, but HTTP 404 answers empty, as does a null result of
   * {@code mapper}. For get-by-id.
   *
   * @param <T> the body type
   * @param <R> the mapped type
   * @param call a call of a service from {@link #create}
   * @param mapper maps the body to the result
   * @return the mapped body, or empty
   * @throws InvoiceException the typed failure, after retries
   * @throws IllegalStateException if this transport is closed
   */
  public <T, R> Optional<R> executeOptional(Call<T> call, Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper == null");
    Response response = send(call);
    if (response.code() == 404) return Optional.empty();
    if (!response.isSuccessful()) throw errors.failure(response);
    return Optional.ofNullable(map(response, mapper));
  }

  /**
   * The number of connections, idle or in use, in the pool this transport uses: shared with the
   * other transports of the JVM (or of the host's client), and zero once the last transport
   * sharing the JVM's pool is closed. For diagnostics and tests.
   *
   * @return the connections pooled
   */
  public int connectionCount() {
    return client.connectionPool().connectionCount();
  }

  /**
   * True once {@link #close()} was called.
   *
   * @return whether this transport is closed
   */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Cancels this transport's calls in flight (their callers throw {@link IllegalStateException})
   * and gives back its share of the JVM's pool and dispatcher: the last transport to close ends
   * their threads and evicts their connections. Other transports' calls go on. Idempotent. Later
   * calls throw {@link IllegalStateException}.
   */
  @Override public void close() {
    if (!closed.compareAndSet(false, true)) return;
    for (CallState state : inFlight) state.cancel();
    if (lease != null) lease.release();
  }

  /** Shows the provider id and base URL only. */
  @Override public String toString() {
    return "HttpTransport{provider=" + providerId + ", baseUrl=" + baseUrl + "}";
  }

  /** Tests: runs {@code callback} whenever the dispatcher has no call in flight. */
  void idleCallback(Runnable callback) {
    client.dispatcher().setIdleCallback(callback);
  }

  private Response send(Call<?> call) {
    Objects.requireNonNull(call, "call == null");
    checkOpen();
    Request request;
    try {
      request = call.request();
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot build the request: " + origin.redact(e.getMessage()),
          origin.redact(e));
    }
    CallState state = new CallState();
    inFlight.add(state);
    try {
      if (closed.get()) throw closedException(); // closed between the check and the registration
      return runner.run(request, state);
    } catch (InterruptedException e) {
      state.cancel();
      Thread.currentThread().interrupt();
      throw new ProviderException(providerId, "interrupted", 0, null, null, false, e);
    } catch (CallRunner.CanceledException e) {
      throw closedException();
    } finally {
      inFlight.remove(state);
    }
  }

  private <T, R> R map(Response response, Function<? super T, ? extends R> mapper) {
    T body = convert(response);
    try {
      return mapper.apply(body);
    } catch (InvoiceException e) {
      throw errors.fromMapper(e, response);
    } catch (RuntimeException e) {
      throw errors.unreadable(response, e);
    }
  }

  /** Converts the body as Retrofit would: null for 204 and 205, else by the method's converter. */
  @SuppressWarnings("unchecked")
  private <T> T convert(Response response) {
    Converter<ResponseBody, T> converter = (Converter<ResponseBody, T>) converters.computeIfAbsent(
        response.request().tag(Invocation.class).method(), this::converter);
    ResponseBody body = response.body();
    try (body) {
      if (response.code() == 204 || response.code() == 205) return null;
      return converter.convert(body);
    } catch (InvoiceException e) {
      throw errors.fromMapper(e, response);
    } catch (IOException | RuntimeException e) {
      throw errors.unreadable(response, e);
    }
  }

  private Converter<ResponseBody, ?> converter(Method method) {
    Type returnType = method.getGenericReturnType();
    if (!(returnType instanceof ParameterizedType) || ((ParameterizedType) returnType).getRawType() != Call.class) {
      throw new IllegalArgumentException(method + " must return retrofit2.Call<T>");
    }
    Type bodyType = ((ParameterizedType) returnType).getActualTypeArguments()[0];
    return retrofit.responseBodyConverter(bodyType, method.getAnnotations());
  }

  private IllegalStateException closedException() {
    return ProviderChecks.closed(providerId);
  }

  private void checkOpen() {
    if (closed.get()) throw closedException();
  }

  /** The library version, from a resource Maven fills in. */
  private static final class Version {
    static final String VALUE = load();

    private static String load() {
      Properties properties = new Properties();
      try (InputStream in = HttpTransport.class.getResourceAsStream("version.properties")) {
        if (in != null) properties.load(in);
      } catch (IOException e) {
        return "unknown";
      }
      String version = properties.getProperty("version", "");
      return version.isEmpty() || version.contains("${") ? "unknown" : version;
    }
  }

  /** Builds an {@link HttpTransport}. Not thread-safe. */
  public static final class Builder {
    private final ProviderConfig config;
    private final String providerId;
    private final Settings settings;
    private OkHttpClient hostClient;
    private SharedResources shared = SharedResources.JVM;
    private HttpUrl baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private ErrorDecoder errorDecoder = ErrorDecoder.NONE;
    private List<String> requestIdHeaders = RequestIds.DEFAULT;
    private String retryHintHeader;
    private final List<Object> moshiAdapters = new ArrayList<>();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private LongUnaryOperator jitter = max -> ThreadLocalRandom.current().nextLong(max + 1);
    private Clock clock = Clock.systemUTC();

    Builder(ProviderConfig config) {
      this.config = config;
      this.providerId = config.providerId();
      this.settings = Settings.of(config);
    }

    /**
     * Sets the vendor endpoint, usually {@code config.baseUrl(defaultUrl)}: an absolute http(s)
     * URL. Retrofit paths resolve against it; a missing trailing {@code /} is added. Required.
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl url = HttpUrl.parse(baseUrl.toString());
      if (url == null) throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
      if (!url.encodedPath().endsWith("/")) url = url.newBuilder().addPathSegment("").build();
      this.baseUrl = url;
      return this;
    }

    /**
     * Sends header {@code name} with {@code value} on every request to the base URL's scheme,
     * host and port, and on no other: a credential like {@code Authorization} or a static header.
     * The value is never logged or shown. Setting a name again replaces its value.
     *
     * @throws IllegalArgumentException if the name or value cannot be sent (the value not shown)
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      OriginHeaders.checkHeader(name, value);
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      headers.put(name, value);
      return this;
    }

    /**
     * Sends credential setting {@code key} in header {@code name} with {@code value}, like
     * {@link #header}: only to the base URL's origin, never logged or shown. A value that cannot
     * be sent in a header (a line break or a non-ASCII character pasted with it) is a
     * configuration error naming the key, not the value.
     *
     * @param value the header value, often {@code "Bearer " + config.require(key, envVar)}
     * @param key the setting the value comes from, without the {@code invoicekit.<id>.} prefix
     * @throws ConfigurationException {@code "invoicekit.<id>.<key> cannot be sent in an HTTP
     *     header"} if the value is not a valid header value
     * @throws IllegalArgumentException if {@code name} is not a valid header name
     */
    public Builder credentialHeader(String name, String value, String key) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      Objects.requireNonNull(key, "key == null");
      OriginHeaders.checkHeader(name, "");
      try {
        OriginHeaders.checkHeader(name, value);
      } catch (IllegalArgumentException e) {
        String keyName = config.keyName(key);
        throw new ConfigurationException(keyName, keyName + " cannot be sent in an HTTP header");
      }
      return header(name, value);
    }

    /** Sets the decoder of the vendor's error bodies. Default: none, every message is the status line. */
    public Builder errorDecoder(ErrorDecoder decoder) {
      this.errorDecoder = Objects.requireNonNull(decoder, "decoder == null");
      return this;
    }

    /**
     * Sets the response headers that hold the vendor's request id, the first present winning.
     * Default: {@code X-Request-Id}, {@code Request-Id}. A provider whose vendor names it
     * otherwise declares its own, like {@code requestIdHeaders("Acme-Trace", "X-Request-Id")}.
     */
    public Builder requestIdHeaders(String... names) {
      Objects.requireNonNull(names, "names == null");
      for (String name : names) Objects.requireNonNull(name, "names contains null");
      this.requestIdHeaders = List.copyOf(Arrays.asList(names));
      return this;
    }

    /**
     * Sets the response header in which the vendor says whether a failed answer may be retried,
     * like {@code retryHintHeader("Acme-Should-Retry")}: on an unsuccessful answer, {@code true}
     * retries an idempotent call (within {@code max-retries}, with the usual backoff and
     * {@code Retry-After}) whatever its status, and {@code false} ends it at once, even after a
     * 429 or 503. Absent, or any other value, the usual policy applies. Default: none. Calls
     * that are not idempotent are never retried, whatever the hint.
     */
    public Builder retryHintHeader(String name) {
      Objects.requireNonNull(name, "name == null");
      OriginHeaders.checkHeader(name, "");
      this.retryHintHeader = name;
      return this;
    }

    /**
     * Adds a Moshi adapter: an object with {@code @FromJson}/{@code @ToJson} methods or a
     * {@link JsonAdapter.Factory}. Adapters are consulted in the order added, after the built-in
     * exact {@link java.math.BigDecimal} adapter.
     */
    public Builder addMoshiAdapter(Object adapter) {
      moshiAdapters.add(Objects.requireNonNull(adapter, "adapter == null"));
      return this;
    }

    /** Sets what waits between retries. Default {@link Sleeper#SYSTEM}; tests record instead. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * Sets the jitter: maps the longest wait in milliseconds to the wait, in {@code [0, max]}
     * (a result outside is clamped). Default: uniformly random. Tests pass {@code max -> max}.
     */
    public Builder jitter(LongUnaryOperator jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter == null");
      return this;
    }

    /**
     * Runs the calls on {@code client}'s connection pool and dispatcher (and with its
     * interceptors, proxy, TLS and DNS settings) instead of the ones the JVM's transports share:
     * for a host that already has a client, or that wants its own bounds. The transport adds its
     * own timeouts, credentials and retries to a derived client; closing the transport cancels
     * its own calls and leaves {@code client}'s pool and threads to the host.
     *
     * @param client the host's client
     * @return this builder
     */
    public Builder client(OkHttpClient client) {
      this.hostClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Tests: shares {@code resources} instead of the JVM's. */
    Builder shared(SharedResources resources) {
      this.shared = Objects.requireNonNull(resources, "resources == null");
      return this;
    }

    /** Tests: the clock {@code Retry-After} dates are measured against. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the transport, which holds a share of the JVM's pool and dispatcher (or uses the
     * host's client) until closed.
     *
     * @throws IllegalStateException if no base URL was set
     */
    public HttpTransport build() {
      if (baseUrl == null) throw new IllegalStateException("baseUrl == null");
      return new HttpTransport(this);
    }
  }
}
