package dev.invoicekit.benchmarks;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
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
 * {@link Baseline}, bare OkHttp and Moshi's reader into a JSON tree with no mapping, on the same
 * sandbox in the same run. Every provider whose emulator has a get-by-id endpoint
 * ({@code Sandbox.invoicePath}) is measured; by default the first one found.
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

  /** The provider id; empty: the first provider found whose emulator has a get-by-id endpoint. */
  @Param({""})
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
    String id = provider.isEmpty() ? GetRunner.providersWithGet().get(0) : provider;
    sandbox = SandboxedProvider.start(id,
        SandboxOptions.builder().invoices(10).linesPerInvoice(LINES).build());
    invoiceKit = SandboxedProvider.create(sandbox, Map.of());
    invoiceId = sandbox.invoiceId(0);
    String path = sandbox.invoicePath(0);
    if (path == null) throw new IllegalArgumentException("no get-by-id endpoint for provider " + id);
    baseline = new Baseline(HttpUrl.get(sandbox.baseUrl()).resolve(path), sandbox.credentialHeaders());
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

  /** The same request with bare OkHttp and Moshi's reader into a JSON tree. */
  @Benchmark
  public Object baseline() {
    return baseline.get();
  }
}
