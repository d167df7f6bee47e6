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
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * One provider's HTTP stack: an OkHttp client, Retrofit and Moshi, with credentials, retries,
 * per-attempt timeouts and error decoding. Thread-safe; close it to release its threads and
 * connections.
 *
 * <p>A provider creates its Retrofit service with {@link #create} and runs every call through
 * {@link #execute(Call, Function)}, which answers the mapped body or throws a typed
 * {@link InvoiceException}; no OkHttp, Retrofit or Moshi exception escapes.
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
 * vendor's own retry hint ({@link Builder#retryHintHeader}) overrides the status rules.
 *
 * <h2>Attempts</h2>
 * Each attempt as a whole, from connecting to the last byte of the body, is bounded by the
 * configured {@code timeout}, and reads the whole body into memory, up to the setting
 * {@value #MAX_RESPONSE_SIZE} (default 32 MiB; a larger body is a
 * {@link MalformedResponseException} and is not retried). Error bodies are cut to 64 KiB.
 * Interrupting the thread that waits in {@code execute} cancels the call at once and throws a
 * {@link ProviderException} with detail {@code "interrupted"}, the interrupt flag kept.
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
 * The transport owns its threads (named {@code invoicekit-<provider>-}) and its connection pool;
 * {@link #close()} ends the one and empties the other.
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

  static final long DEFAULT_MAX_RESPONSE_SIZE = 32L * 1024 * 1024;
  private static final long MAX_MAX_RESPONSE_SIZE = 1024L * 1024 * 1024;
  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(b|kib|mib|gib)?");

  private final String providerId;
  private final HttpUrl baseUrl;
  private final Moshi moshi;
  private final Retrofit retrofit;
  private final Dispatcher dispatcher;
  private final ExecutorService executor;
  private final ConnectionPool connectionPool;
  private final TaskThreads taskThreads;
  private final ErrorDecoder errorDecoder;
  private final RequestIds requestIds;
  private final OriginHeaders origin;
  private final Backoff backoff;
  private final Map<Request, CallState> states = Collections.synchronizedMap(new IdentityHashMap<>());
  private final AtomicBoolean closed = new AtomicBoolean();

  private HttpTransport(Builder builder) {
    this.providerId = builder.providerId;
    this.baseUrl = builder.baseUrl;
    this.errorDecoder = builder.errorDecoder;
    this.origin = new OriginHeaders(baseUrl, builder.headers);
    this.requestIds = new RequestIds(builder.requestIdHeaders, origin);
    this.backoff = new Backoff(builder.retryBaseDelay.toMillis(), builder.jitter, builder.clock);

    Moshi.Builder moshiBuilder = new Moshi.Builder().add(BigDecimal.class, new BigDecimalAdapter());
    for (Object adapter : builder.moshiAdapters) {
      if (adapter instanceof JsonAdapter.Factory) {
        moshiBuilder.add((JsonAdapter.Factory) adapter);
      } else {
        moshiBuilder.add(adapter);
      }
    }
    this.moshi = moshiBuilder.add(new RecordAdapterFactory()).build(); // after the provider's own

    this.executor = newExecutor(providerId);
    this.dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    this.taskThreads = new TaskThreads(providerId);
    this.connectionPool = taskThreads.connectionPool();
    OkHttpClient.Builder sharedBuilder = taskThreads.apply(new OkHttpClient.Builder())
        .dispatcher(dispatcher)
        .connectionPool(connectionPool);
    if (!baseUrl.isHttps()) {
      // Plain http is only allowed to loopback: such a client never needs TLS, so it does not pay
      // for loading the JDK's trust store and SSL context at start (a third of the CLI's start-up
      // classes). A redirect to https is then answered as the 3xx it is, not followed.
      sharedBuilder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false);
    }
    OkHttpClient shared = sharedBuilder.build();
    // OkHttp's own silent retries are off: a 408 and connection failures by the setting, a 503
    // with Retry-After: 0 by NoSilentRetry. Every attempt counts against max-retries, and only
    // idempotent calls are repeated.
    OkHttpClient attempts = shared.newBuilder()
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(new NoSilentRetry())
        .connectTimeout(builder.timeout)
        .readTimeout(builder.timeout)
        .writeTimeout(builder.timeout)
        .callTimeout(builder.timeout)
        .addNetworkInterceptor(origin)
        .build();
    OkHttpClient calls = shared.newBuilder()
        .addInterceptor(new RetryInterceptor(providerId, attempts, "invoicekit/" + Version.VALUE,
            builder.maxRetries, builder.maxResponseSize, backoff, builder.sleeper, requestIds,
            origin, states, builder.retryHintHeader))
        .build();
    this.retrofit = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(calls)
        .addConverterFactory(MoshiConverterFactory.create(moshi))
        .build();
  }

  /**
   * Returns a builder for the transport of {@code config}'s provider. Reads {@code timeout},
   * {@code max-retries}, {@value #MAX_RESPONSE_SIZE} and {@value #RETRY_BASE_DELAY} now.
   *
   * @throws ConfigurationException naming the setting if one is malformed
   */
  public static Builder builder(ProviderConfig config) {
    return new Builder(Objects.requireNonNull(config, "config == null"));
  }

  /** The id of the provider this transport serves, like {@code "acme"}. */
  public String providerId() {
    return providerId;
  }

  /** The Moshi instance of this transport, with the exact {@link java.math.BigDecimal} adapter. */
  public Moshi moshi() {
    return moshi;
  }

  /**
   * Returns an implementation of the Retrofit interface {@code retrofitService}, whose calls go
   * through this transport.
   *
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
   * @throws InvoiceException the typed failure, after retries
   * @throws IllegalStateException if this transport is closed
   */
  public <T, R> R execute(Call<T> call, Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper == null");
    Response<T> response = send(call);
    if (!response.isSuccessful()) throw failure(response);
    return map(response, mapper);
  }

  /**
   * Like {@link #execute(Call, Function)}, but HTTP 404 answers empty, as does a null result of
   * {@code mapper}. For get-by-id.
   */
  public <T, R> Optional<R> executeOptional(Call<T> call, Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper == null");
    Response<T> response = send(call);
    if (response.code() == 404) return Optional.empty();
    if (!response.isSuccessful()) throw failure(response);
    return Optional.ofNullable(map(response, mapper));
  }

  /**
   * The number of connections in this transport's pool, idle or in use: zero once closed. For
   * diagnostics and tests.
   */
  public int connectionCount() {
    return connectionPool.connectionCount();
  }

  /** True once {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Cancels the calls in flight, shuts the dispatcher's threads and OkHttp's task threads down and
   * evicts the pooled connections: no thread or connection of this transport outlives it.
   * Idempotent. Later calls throw {@link IllegalStateException}.
   */
  @Override public void close() {
    if (!closed.compareAndSet(false, true)) return;
    dispatcher.cancelAll();
    executor.shutdownNow();
    connectionPool.evictAll();
    taskThreads.shutdown();
  }

  /** Shows the provider id and base URL only. */
  @Override public String toString() {
    return "HttpTransport{provider=" + providerId + ", baseUrl=" + baseUrl + "}";
  }

  /** Tests: runs {@code callback} whenever no call is in flight. */
  void idleCallback(Runnable callback) {
    dispatcher.setIdleCallback(callback);
  }

  private <T> Response<T> send(Call<T> call) {
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
    states.put(request, state);
    try {
      CompletableFuture<Response<T>> result = new CompletableFuture<>();
      call.enqueue(new Callback<T>() {
        @Override public void onResponse(Call<T> c, Response<T> response) {
          result.complete(response);
        }

        @Override public void onFailure(Call<T> c, Throwable t) {
          result.completeExceptionally(t);
        }
      });
      try {
        return result.get();
      } catch (InterruptedException e) {
        call.cancel();
        state.cancel();
        Thread.currentThread().interrupt();
        throw new ProviderException(providerId, "interrupted", 0, null, null, false, e);
      } catch (ExecutionException e) {
        throw failure(e.getCause(), request, state);
      }
    } finally {
      states.remove(request);
    }
  }

  /** The exception for a call that produced no Retrofit response. */
  private RuntimeException failure(Throwable t, Request request, CallState state) {
    if (closed.get()) return closedException();
    if (t instanceof TransportFailure) return ((TransportFailure) t).failure;
    okhttp3.Response answer = state.answer();
    if (answer != null) { // The retries settled on an answer; Retrofit could not convert it.
      return new MalformedResponseException(providerId, cannotRead(request, t), answer.code(), null,
          requestIds.find(answer.headers()), origin.redact(t));
    }
    if (t instanceof Error) throw (Error) t;
    return new ProviderException(providerId, "I/O error: " + origin.redact(message(t)), 0, null,
        null, true, origin.redact(t));
  }

  /** The exception for an unsuccessful answer. */
  private InvoiceException failure(Response<?> response) {
    int status = response.code();
    String requestId = requestIds.find(response.headers());
    VendorError vendor = decode(status, response.errorBody());
    String message = vendor != null ? nonBlank(origin.redact(vendor.message())) : null;
    String code = vendor != null ? nonBlank(origin.redact(vendor.code())) : null;
    String detail = message != null ? message : statusLine(status);
    if (status == 401 || status == 403) {
      return new AuthenticationException(providerId, detail, status, code, requestId);
    } else if (status == 404) {
      return new NotFoundException(providerId, detail, code, requestId);
    } else if (status == 429) {
      return new RateLimitException(providerId, detail, code, requestId,
          backoff.retryAfter(response.headers().get("Retry-After")));
    } else if (status == 408 || status >= 500) {
      return new ProviderException(providerId, detail, status, code, requestId, true, null);
    } else if (status >= 400) {
      return new InvalidRequestException(providerId, detail, status, code, requestId);
    }
    return new ProviderException(providerId, "unexpected " + detail, status, code, requestId, false, null);
  }

  private VendorError decode(int status, ResponseBody errorBody) {
    if (errorBody == null) return null;
    try (errorBody) {
      String contentType = errorBody.contentType() != null ? errorBody.contentType().toString() : null;
      return errorDecoder.decode(status, contentType, errorBody.string());
    } catch (IOException | RuntimeException e) {
      return null; // A decoder that cannot read the body says nothing: the status line will do.
    }
  }

  private <T, R> R map(Response<T> response, Function<? super T, ? extends R> mapper) {
    try {
      return mapper.apply(response.body());
    } catch (InvoiceException e) {
      throw fromMapper(e, response);
    } catch (RuntimeException e) {
      throw new MalformedResponseException(providerId, cannotRead(response.raw().request(), e),
          response.code(), null, requestIds.find(response.headers()), origin.redact(e));
    }
  }

  /**
   * Returns {@code e}, a mapper's failure, as the caller must see it: a
   * {@link MalformedResponseException} that says nothing of the answer (like
   * {@link Wire#required}'s) gets the answer's status and request id, which the vendor's support
   * asks for; a credential the vendor echoed into its text (a date or code the mapper quotes) is
   * cut out. The copy keeps the mapper's stack trace.
   */
  private InvoiceException fromMapper(InvoiceException e, Response<?> response) {
    boolean incomplete = e instanceof MalformedResponseException
        && (e.httpStatus() == 0 || e.requestId() == null);
    boolean secret = origin.holdsSecret(e.getMessage()) || origin.redact(e.getCause()) != e.getCause();
    if (!incomplete && !secret) return e;
    int status = e.httpStatus() != 0 ? e.httpStatus() : response.code();
    String requestId = e.requestId() != null ? origin.redact(e.requestId()) : requestIds.find(response.headers());
    MalformedResponseException copy = new MalformedResponseException(providerId, origin.redact(e.detail()),
        status, origin.redact(e.vendorCode()), requestId, origin.redact(e.getCause()));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private String cannotRead(Request request, Throwable t) {
    return "cannot read " + request.method() + " " + request.url().encodedPath() + ": "
        + origin.redact(message(t));
  }

  private IllegalStateException closedException() {
    return ProviderChecks.closed(providerId);
  }

  private void checkOpen() {
    if (closed.get()) throw closedException();
  }

  private static String message(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  private static String nonBlank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  static String statusLine(int status) {
    String reason;
    switch (status) {
      case 400: reason = "Bad Request"; break;
      case 401: reason = "Unauthorized"; break;
      case 402: reason = "Payment Required"; break;
      case 403: reason = "Forbidden"; break;
      case 404: reason = "Not Found"; break;
      case 405: reason = "Method Not Allowed"; break;
      case 406: reason = "Not Acceptable"; break;
      case 408: reason = "Request Timeout"; break;
      case 409: reason = "Conflict"; break;
      case 410: reason = "Gone"; break;
      case 413: reason = "Content Too Large"; break;
      case 415: reason = "Unsupported Media Type"; break;
      case 422: reason = "Unprocessable Content"; break;
      case 429: reason = "Too Many Requests"; break;
      case 500: reason = "Internal Server Error"; break;
      case 501: reason = "Not Implemented"; break;
      case 502: reason = "Bad Gateway"; break;
      case 503: reason = "Service Unavailable"; break;
      case 504: reason = "Gateway Timeout"; break;
      default: return "HTTP " + status;
    }
    return "HTTP " + status + " " + reason;
  }

  static ExecutorService newExecutor(String providerId) {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread thread = new Thread(runnable,
              "invoicekit-" + providerId + "-http-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  static Duration retryBaseDelay(ProviderConfig config) {
    Duration delay = config.duration(RETRY_BASE_DELAY, Duration.ofMillis(Backoff.BASE_MILLIS));
    if (delay.toMillis() > Backoff.MAX_WAIT_MILLIS) {
      String key = config.keyName(RETRY_BASE_DELAY);
      throw new ConfigurationException(key, key + " must be at most 30s: '"
          + config.get(RETRY_BASE_DELAY).orElse("") + "'");
    }
    return delay;
  }

  static long maxResponseSize(ProviderConfig config) {
    Optional<String> value = config.get(MAX_RESPONSE_SIZE);
    if (value.isEmpty()) return DEFAULT_MAX_RESPONSE_SIZE;
    String key = config.keyName(MAX_RESPONSE_SIZE);
    Matcher matcher = SIZE.matcher(value.get().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new ConfigurationException(key, key + " is not a size: '" + value.get()
          + "' (write 1048576, 512KiB or 32MiB)");
    }
    String unit = matcher.group(2) == null ? "b" : matcher.group(2);
    int shift = unit.equals("kib") ? 10 : unit.equals("mib") ? 20 : unit.equals("gib") ? 30 : 0;
    long bytes = Long.parseLong(matcher.group(1));
    if (bytes == 0 || bytes > MAX_MAX_RESPONSE_SIZE >> shift) {
      throw new ConfigurationException(key, key + " must be between 1 byte and 1GiB: '"
          + value.get() + "'");
    }
    return bytes << shift;
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
    private final Duration timeout;
    private final int maxRetries;
    private final long maxResponseSize;
    private final Duration retryBaseDelay;
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
      this.timeout = config.timeout();
      this.maxRetries = config.maxRetries();
      this.maxResponseSize = maxResponseSize(config);
      this.retryBaseDelay = retryBaseDelay(config);
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

    /** Tests: the clock {@code Retry-After} dates are measured against. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the transport, which owns threads and connections until closed.
     *
     * @throws IllegalStateException if no base URL was set
     */
    public HttpTransport build() {
      if (baseUrl == null) throw new IllegalStateException("baseUrl == null");
      return new HttpTransport(this);
    }
  }
}
