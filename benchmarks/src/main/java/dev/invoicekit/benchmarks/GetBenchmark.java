package dev.invoicekit.benchmarks;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.fastly.internal.FastlyInvoice;
import dev.invoicekit.flexprice.internal.FlexpriceInvoice;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-call overhead: {@code get()} of a {@value #LINES}-line invoice through InvoiceKit (Retrofit,
 * the transport's retries and error decoding, Moshi, mapping to {@link Invoice}) against
 * {@link Baseline}, bare OkHttp and Moshi into a wire record with no mapping, on the same sandbox
 * in the same run. Cloudflare has no get endpoint, so Fastly and Flexprice only.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GetBenchmark
 * </pre>
 *
 * <p>The sandbox serves from this JVM, so each operation includes its time to write the invoice:
 * the ratio compares whole calls, as a caller sees them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class GetBenchmark {
  /** The lines of the invoice read. */
  static final int LINES = 200;

  @Param({"fastly", "flexprice"})
  public String provider;

  private Sandbox sandbox;
  private InvoiceProvider invoiceKit;
  private Baseline baseline;
  private String invoiceId;

  @Setup(Level.Trial)
  public void setUp() {
    try {
      open();
    } catch (RuntimeException | Error e) {
      tearDown(); // JMH skips the tear-down of a failed set-up: free the sandbox's threads now
      throw e;
    }
  }

  private void open() {
    sandbox = SandboxedProvider.start(provider,
        SandboxOptions.builder().invoices(10).linesPerInvoice(LINES).build());
    invoiceKit = SandboxedProvider.create(sandbox, Map.of());
    Map<String, String> settings = sandbox.providerSettings();
    HttpUrl base = HttpUrl.get(sandbox.baseUrl());
    invoiceId = sandbox.invoiceId(0);
    // Vendor-specific by nature: the baseline reads into the provider's own wire record.
    switch (provider) {
      case "fastly":
        baseline = new Baseline(base.resolve("billing/v3/invoices/" + invoiceId), "Fastly-Key",
            settings.get("api-token"), FastlyInvoice.class);
        break;
      case "flexprice":
        baseline = new Baseline(base.resolve("invoices/" + invoiceId), "x-api-key",
            settings.get("api-key"), FlexpriceInvoice.class);
        break;
      default:
        throw new IllegalArgumentException("no get benchmark for provider " + provider);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (baseline != null) baseline.close();
    if (invoiceKit != null) invoiceKit.close();
    if (sandbox != null) sandbox.close();
  }

  /** InvoiceKit's {@code get()}: the whole path, to the common model. */
  @Benchmark
  public Invoice invoiceKit() {
    return invoiceKit.get(invoiceId).orElseThrow();
  }

  /** The same request with bare OkHttp and Moshi into the wire record. */
  @Benchmark
  public Object baseline() {
    return baseline.get();
  }
}
