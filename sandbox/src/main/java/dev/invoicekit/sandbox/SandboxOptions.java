package dev.invoicekit.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How a {@link Sandbox} behaves: its data set, latency, injected faults and the credential it
 * accepts.
 *
 * <pre>{@code
 * SandboxOptions options = SandboxOptions.builder()
 *     .seed(7)
 *     .invoices(10_000)
 *     .faultPercent(20)
 *     .faults(Fault.RATE_LIMIT, Fault.DISCONNECT)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and safe to share between threads. {@link #toString()} shows no credential.
 */
public final class SandboxOptions {
  /** The credential a sandbox accepts unless told otherwise. */
  public static final String DEFAULT_CREDENTIAL = "sandbox-token";

  private static final SandboxOptions DEFAULTS = new Builder().build();

  private final long seed;
  private final int invoices;
  private final int linesPerInvoice; // 0: one to six, varying
  private final Duration latency;
  private final int faultPercent;
  private final Set<Fault> faults;
  private final int retryAfterSeconds;
  private final String credential;
  private final boolean rejectCredentials;
  private final Map<String, String> vendorOptions;
  private final int port; // 0: a free one

  private SandboxOptions(Builder builder) {
    this.seed = builder.seed;
    this.invoices = builder.invoices;
    this.linesPerInvoice = builder.linesPerInvoice;
    this.latency = builder.latency;
    this.faultPercent = builder.faultPercent;
    this.faults = Collections.unmodifiableSet(EnumSet.copyOf(builder.faults));
    this.retryAfterSeconds = builder.retryAfterSeconds;
    this.credential = builder.credential;
    this.rejectCredentials = builder.rejectCredentials;
    this.vendorOptions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.vendorOptions));
    this.port = builder.port;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the default options: 120 invoices from seed 42, no latency, no faults. */
  public static SandboxOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding these options, to derive a variant. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Seeds the data set and the sequence of fault decisions. Default 42. */
  public long seed() {
    return seed;
  }

  /** The number of invoices in the data set. Default 120. */
  public int invoices() {
    return invoices;
  }

  /**
   * The number of lines of every invoice, or empty (the default) for one to six lines varying
   * from invoice to invoice.
   */
  public OptionalInt linesPerInvoice() {
    return linesPerInvoice == 0 ? OptionalInt.empty() : OptionalInt.of(linesPerInvoice);
  }

  /** Returns the data set these options describe. */
  Dataset dataset() {
    return linesPerInvoice == 0
        ? Dataset.of(seed, invoices)
        : Dataset.of(seed, invoices, linesPerInvoice);
  }

  /**
   * The time from reading each request to sending its response headers. The sandbox computes its
   * answer within that time, as a vendor's server time is part of its response time; an answer
   * that takes longer to compute is sent as soon as it is ready. Default {@link Duration#ZERO}.
   */
  public Duration latency() {
    return latency;
  }

  /** The share of requests, 0 to 100, answered by an injected {@link Fault}. Default 0. */
  public int faultPercent() {
    return faultPercent;
  }

  /** The faults that may be injected, never empty. Default all of them. */
  public Set<Fault> faults() {
    return faults;
  }

  /** The {@code Retry-After} seconds of an injected 429. Default 1; 0 is allowed. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The API token or key the sandbox accepts. Default {@value #DEFAULT_CREDENTIAL}. */
  public String credential() {
    return credential;
  }

  /** True if every request is answered with the vendor's 401, whatever its credentials. */
  public boolean rejectCredentials() {
    return rejectCredentials;
  }

  /** The loopback port the sandbox binds, or 0 (the default) for a free one. */
  public int port() {
    return port;
  }

  /** Vendor-specific switches, such as {@code "line-item-spelling" = "pascal"}. */
  public Map<String, String> vendorOptions() {
    return vendorOptions;
  }

  /** Returns the vendor option {@code key}, or {@code defaultValue} if it is not set. */
  public String vendorOption(String key, String defaultValue) {
    Objects.requireNonNull(key, "key == null");
    return vendorOptions.getOrDefault(key, defaultValue);
  }

  @Override public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    vendorOptions.forEach((key, value) -> shown.put(key, isSecret(key) ? "****" : value));
    return "SandboxOptions{seed=" + seed
        + ", invoices=" + invoices
        + (linesPerInvoice == 0 ? "" : ", linesPerInvoice=" + linesPerInvoice)
        + ", latency=" + latency
        + ", faultPercent=" + faultPercent
        + ", faults=" + faults
        + ", retryAfterSeconds=" + retryAfterSeconds
        + ", credential=****"
        + ", rejectCredentials=" + rejectCredentials
        + ", vendorOptions=" + shown
        + (port == 0 ? "" : ", port=" + port)
        + '}';
  }

  /** True if a vendor option named {@code key} may hold a credential, so its value is not shown. */
  static boolean isSecret(String key) {
    String name = key.toLowerCase(Locale.ROOT);
    for (String word : new String[] {"token", "key", "secret", "password", "email", "credential"}) {
      if (name.contains(word)) return true;
    }
    return false;
  }

  /** Builds {@link SandboxOptions}; every setter checks its argument at once. */
  public static final class Builder {
    private long seed = 42;
    private int invoices = 120;
    private int linesPerInvoice;
    private Duration latency = Duration.ZERO;
    private int faultPercent;
    private Set<Fault> faults = EnumSet.allOf(Fault.class);
    private int retryAfterSeconds = 1;
    private String credential = DEFAULT_CREDENTIAL;
    private boolean rejectCredentials;
    private final Map<String, String> vendorOptions = new LinkedHashMap<>();
    private int port;

    Builder() {}

    Builder(SandboxOptions options) {
      this.seed = options.seed;
      this.invoices = options.invoices;
      this.linesPerInvoice = options.linesPerInvoice;
      this.latency = options.latency;
      this.faultPercent = options.faultPercent;
      this.faults = EnumSet.copyOf(options.faults);
      this.retryAfterSeconds = options.retryAfterSeconds;
      this.credential = options.credential;
      this.rejectCredentials = options.rejectCredentials;
      this.vendorOptions.putAll(options.vendorOptions);
      this.port = options.port;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** @throws IllegalArgumentException if {@code invoices} is negative */
    public Builder invoices(int invoices) {
      if (invoices < 0) throw new IllegalArgumentException("invoices < 0: " + invoices);
      this.invoices = invoices;
      return this;
    }

    /**
     * Gives every invoice exactly {@code linesPerInvoice} lines, such as 200 for a payload
     * benchmark; products repeat once the catalog is used up.
     *
     * @throws IllegalArgumentException unless {@code 1 <= linesPerInvoice <= }{@value
     *     Dataset#MAX_LINES_PER_INVOICE}
     */
    public Builder linesPerInvoice(int linesPerInvoice) {
      this.linesPerInvoice = Dataset.checkLinesPerInvoice(linesPerInvoice);
      return this;
    }

    /** @throws IllegalArgumentException if {@code latency} is negative */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency == null");
      if (latency.isNegative()) throw new IllegalArgumentException("latency < 0: " + latency);
      this.latency = latency;
      return this;
    }

    /** @throws IllegalArgumentException if {@code faultPercent} is not in 0..100 */
    public Builder faultPercent(int faultPercent) {
      if (faultPercent < 0 || faultPercent > 100) {
        throw new IllegalArgumentException("faultPercent not in 0..100: " + faultPercent);
      }
      this.faultPercent = faultPercent;
      return this;
    }

    /** @throws IllegalArgumentException if no fault is given */
    public Builder faults(Fault... faults) {
      Objects.requireNonNull(faults, "faults == null");
      if (faults.length == 0) throw new IllegalArgumentException("faults is empty");
      EnumSet<Fault> set = EnumSet.noneOf(Fault.class);
      for (Fault fault : faults) {
        set.add(Objects.requireNonNull(fault, "faults contains null"));
      }
      this.faults = set;
      return this;
    }

    /** @throws IllegalArgumentException if {@code retryAfterSeconds} is negative */
    public Builder retryAfterSeconds(int retryAfterSeconds) {
      if (retryAfterSeconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds < 0: " + retryAfterSeconds);
      }
      this.retryAfterSeconds = retryAfterSeconds;
      return this;
    }

    /** @throws IllegalArgumentException if {@code credential} is blank */
    public Builder credential(String credential) {
      Objects.requireNonNull(credential, "credential == null");
      if (credential.isBlank()) throw new IllegalArgumentException("credential is blank");
      this.credential = credential;
      return this;
    }

    public Builder rejectCredentials(boolean rejectCredentials) {
      this.rejectCredentials = rejectCredentials;
      return this;
    }

    /** Sets the vendor option {@code key}; the emulator of each vendor documents the ones it reads. */
    public Builder vendorOption(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(value, "value == null");
      vendorOptions.put(key, value);
      return this;
    }

    /**
     * Binds loopback port {@code port}, such as 12111 for a sandbox other programs are pointed at;
     * 0, the default, binds a free port.
     *
     * @throws IllegalArgumentException if {@code port} is not in 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port not in 0..65535: " + port);
      this.port = port;
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(this);
    }
  }
}
