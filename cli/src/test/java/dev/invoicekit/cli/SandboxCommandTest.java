package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code invoicekit sandbox}: serving until stopped, hit with real HTTP clients on loopback. */
@Timeout(60)
final class SandboxCommandTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path directory;

  @AfterEach void shutDown() {
    executor.shutdownNow();
  }

  @Test void servesEverySandboxUntilStoppedAndPrintsTheSettingsThatPointAProviderAtIt()
      throws Exception {
    Serving serving = Serving.start(executor, "sandbox", "--format", "json", "--invoices", "7");
    List<Map<String, Object>> printed = serving.jsonLines();

    assertThat(printed).extracting(line -> line.get("provider"))
        .containsExactlyElementsOf(Sandboxes.available());
    for (Map<String, Object> sandbox : printed) {
      String id = (String) sandbox.get("provider");
      String baseUrl = (String) sandbox.get("baseUrl");
      assertThat(baseUrl).startsWith("http://127.0.0.1:").endsWith("/");
      @SuppressWarnings("unchecked")
      Map<String, String> settings = (Map<String, String>) sandbox.get("settings");
      assertThat(settings).containsEntry("invoicekit." + id + ".base-url", baseUrl);
      assertThat(sandbox.get("sdk")).isEqualTo(Map.of("baseUrl", baseUrl, "credential", "sandbox-token"));

      // The printed settings are all a provider needs: it reads the served data set over HTTP.
      List<Invoice> invoices = read(id, settings);
      assertThat(invoices).hasSize(7);

      // A request without the credential gets the vendor's 401, from a socket on loopback.
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as(id).isEqualTo(401);
    }

    assertThat(serving.stop()).isZero();
    assertThat(serving.err()).contains("serving " + printed.size() + " sandboxes on loopback")
        .contains("stop with Ctrl-C or SIGTERM").containsPattern("stopped; served \\d+ requests");
    for (Map<String, Object> sandbox : printed) {
      URI stopped = URI.create((String) sandbox.get("baseUrl"));
      assertThat(refused(stopped)).as("closed after the stop: " + stopped).isTrue();
    }
  }

  @Test void tableShowsEachBaseUrlItsSettingsAndTheSdkLine() throws Exception {
    String id = Sandboxes.available().iterator().next();
    Serving serving = Serving.start(executor, "sandbox", "--providers", id);

    List<String> lines = serving.out().lines().toList();
    assertThat(lines.get(0)).startsWith(id + "  http://127.0.0.1:");
    String baseUrl = lines.get(0).substring((id + "  ").length());
    assertThat(lines).contains("  invoicekit." + id + ".base-url=" + baseUrl)
        .contains("  vendor SDK: base URL " + baseUrl + ", credential sandbox-token");
    assertThat(serving.stop()).isZero();
  }

  @Test void fixedPortsCountUpFromTheFirstAndFaultsAndLatencyReachTheServer() throws Exception {
    List<String> ids = new ArrayList<>(Sandboxes.available());
    int first;
    // Two free ports in a row cannot be reserved; take the ports the first run was given.
    Serving probe = Serving.start(executor, "sandbox", "--format", "json");
    List<Map<String, Object>> free = probe.jsonLines();
    first = URI.create((String) free.get(0).get("baseUrl")).getPort();
    assertThat(probe.stop()).isZero();

    Serving serving = Serving.start(executor, "sandbox", "--format", "json", "--providers",
        String.join(",", ids.subList(0, 1)), "--port", String.valueOf(first), "--fault-percent", "100",
        "--faults", "unavailable", "--latency", "1ms", "--seed", "7");
    Map<String, Object> sandbox = serving.jsonLines().get(0);
    URI baseUrl = URI.create((String) sandbox.get("baseUrl"));
    assertThat(baseUrl.getPort()).isEqualTo(first);

    HttpResponse<String> faulted = http.send(HttpRequest.newBuilder(baseUrl).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(faulted.statusCode()).isEqualTo(503); // every request, before the credential check
    assertThat(serving.stop()).isZero();
  }

  @Test void badOptionsAreUsageErrorsAndNothingIsServed() {
    assertThat(Sandboxes.available()).hasSizeGreaterThan(1);
    for (String[] args : List.of(
        new String[] {"sandbox", "--fault-percent", "101"},
        new String[] {"sandbox", "--invoices", "-1"},
        new String[] {"sandbox", "--latency", "soon"},
        new String[] {"sandbox", "--faults", "meteor"},
        new String[] {"sandbox", "--port", "65535"}, // the second sandbox would need 65536
        new String[] {"sandbox", "--providers", "nope"},
        new String[] {"sandbox", "--format", "csv"})) {
      CliRun run = CliRun.run(args); // a run that served would block here, and time out

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).as(run.toString()).isEmpty();
    }
    assertThat(CliRun.run("sandbox", "--latency", "soon").err()).contains("'soon' is not a duration");
    assertThat(CliRun.run("sandbox", "--port", "65535").err()).contains("--port 65535");
    assertThat(CliRun.run("sandbox", "--providers", "nope").err()).contains("no InvoiceKit sandbox 'nope'");
  }

  @Test void aProviderNamedTwiceIsServedOnce() throws Exception {
    String id = Sandboxes.available().iterator().next();
    Serving serving = Serving.start(executor, "sandbox", "--format", "json", "--providers", id + "," + id);

    assertThat(serving.jsonLines()).extracting(line -> line.get("provider")).containsExactly(id);
    assertThat(serving.stop()).isZero();
  }

  /**
   * {@code invoicekit sandbox} as a separate process, as a test suite in another language runs it:
   * its first lines name the URLs; SIGTERM stops it.
   */
  @Test void runsAsAProcessUntilTerminated() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    Path err = directory.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath,
        InvoiceKitCli.class.getName(), "sandbox", "--port", "0", "--format", "json")
        .redirectError(err.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("INVOICEKIT_"));
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<Map<String, Object>> printed = new ArrayList<>();
      for (int i = 0; i < Sandboxes.available().size(); i++) {
        String line = out.readLine(); // blocks until the process prints it; @Timeout bounds it
        assertThat(line).as("line %d; stderr: %s", i, read(err)).isNotNull();
        printed.add(object(line));
      }
      for (Map<String, Object> sandbox : printed) {
        @SuppressWarnings("unchecked")
        Map<String, String> settings = (Map<String, String>) sandbox.get("settings");
        assertThat(read((String) sandbox.get("provider"), settings)).isNotEmpty();
      }

      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      assertThat(process.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM ran its hooks
      assertThat(read(err)).contains("stopped; served");
      for (Map<String, Object> sandbox : printed) {
        assertThat(refused(URI.create((String) sandbox.get("baseUrl")))).isTrue();
      }
    } finally {
      process.destroyForcibly();
    }
  }

  private static List<Invoice> read(String id, Map<String, String> settings) {
    String prefix = "invoicekit." + id + ".";
    ProviderConfig.Builder config = ProviderConfig.builder(id).environment(Map.<String, String>of()::get);
    settings.forEach((key, value) -> {
      assertThat(key).startsWith(prefix);
      config.set(key.substring(prefix.length()), value);
    });
    try (InvoiceProvider provider = InvoiceProviders.create(id, config.build());
        Stream<Invoice> invoices = provider.stream(InvoiceQuery.all())) {
      return invoices.toList();
    }
  }

  /** True if nothing listens at {@code uri} any more. */
  private boolean refused(URI uri) throws InterruptedException {
    try {
      http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (IOException expected) {
      return true;
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "";
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String json) throws IOException {
    return (Map<String, Object>) JSON.fromJson(json);
  }

  /** One in-process run of a serving command, stopped by the test. */
  private static final class Serving {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CountDownLatch serving = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    private Future<Integer> exitCode;

    static Serving start(ExecutorService executor, String... args) throws InterruptedException {
      Serving run = new Serving();
      StopSignal signal = action -> {
        run.serving.countDown();
        run.stop.await();
        action.run();
      };
      CommandLine commandLine = InvoiceKitCli.commandLine(Map.of(), false, System::nanoTime, signal)
          .setOut(new PrintWriter(run.out, true))
          .setErr(new PrintWriter(run.err, true));
      run.exitCode = executor.submit(() -> {
        try {
          return commandLine.execute(args);
        } finally {
          run.serving.countDown(); // a run that failed before serving releases the test too
        }
      });
      assertThat(run.serving.await(30, TimeUnit.SECONDS)).as("serving").isTrue();
      if (run.exitCode.isDone()) throw new AssertionError("not serving: " + run.err);
      return run;
    }

    String out() {
      return out.toString();
    }

    String err() {
      return err.toString();
    }

    List<Map<String, Object>> jsonLines() throws IOException {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (String line : out().lines().toList()) lines.add(object(line));
      return lines;
    }

    int stop() throws Exception {
      stop.countDown();
      return exitCode.get(30, TimeUnit.SECONDS);
    }
  }
}
