package dev.invoicekit.cli;

import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import dev.invoicekit.spi.ProviderConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code invoicekit sandbox}: serves the vendor emulators on loopback until stopped (Ctrl-C or
 * SIGTERM), for any program in any language, and prints for each its base URL, the InvoiceKit
 * settings that point a provider at it, and the base URL and credential for the vendor's own SDK.
 *
 * <p>{@code --format json} prints one JSON object per line and provider, flushed at once, so a
 * script can read the first lines while the sandboxes keep serving.
 */
@Command(name = "sandbox", sortOptions = false,
    description = {
        "Serves the vendor emulators on loopback until stopped (Ctrl-C or SIGTERM), and prints each "
            + "one's base URL, the settings that point InvoiceKit at it, and the base URL and "
            + "credential for the vendor's own SDK.",
        "--format json prints one JSON object per line and provider."})
final class SandboxCommand implements Callable<Integer> {
  private static final String PREFIX = "invoicekit.";

  @ParentCommand InvoiceKitCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--providers", paramLabel = "ID", split = ",",
      description = "The sandboxes to serve, in this order (default: every one on the class path).")
  List<String> providers;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "The port of the first sandbox; each further one takes the next port. "
          + "0 (default): free ports.")
  int port;

  @Option(names = "--invoices", paramLabel = "N", description = "Invoices in each data set (default 120).")
  Integer invoices;

  @Option(names = "--seed", paramLabel = "N", description = "Seeds the data sets and the faults (default 42).")
  Long seed;

  @Option(names = "--latency", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time from each request to its response headers: 25ms, 2s (default 0).")
  Duration latency;

  @Option(names = "--fault-percent", paramLabel = "P",
      description = "The share of requests, 0 to 100, answered by an injected fault (default 0).")
  Integer faultPercent;

  @Option(names = "--faults", paramLabel = "FAULT", split = ",", completionCandidates = FaultNames.class,
      description = "The faults to inject: rate_limit (429 with Retry-After), unavailable (503), "
          + "disconnect (default: all).")
  List<Fault> faults;

  /** The fault names as users type them. */
  static final class FaultNames implements Iterable<String> {
    @Override public Iterator<String> iterator() {
      return Arrays.stream(Fault.values()).map(fault -> fault.name().toLowerCase(Locale.ROOT)).iterator();
    }
  }

  @Override public Integer call() throws InterruptedException {
    if (cli.format() == OutputFormat.CSV) {
      throw new ParameterException(spec.commandLine(), "sandbox prints --format table or json, not csv");
    }
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(
        providers != null ? providers : Sandboxes.available()));
    if (ids.isEmpty()) {
      cli.warn("no InvoiceKit sandbox on the class path");
      return ExitCodes.FAILURE;
    }
    if (port < 0 || port > 65535 || (port != 0 && port + ids.size() - 1 > 65535)) {
      throw new ParameterException(spec.commandLine(), "--port " + port + ": " + ids.size()
          + " sandboxes need ports " + port + " to " + (port + ids.size() - 1) + ", within 1..65535");
    }
    SandboxOptions options = options();
    List<Sandbox> started = new ArrayList<>();
    try {
      for (int i = 0; i < ids.size(); i++) {
        started.add(Sandboxes.start(ids.get(i), options.newBuilder().port(port == 0 ? 0 : port + i).build()));
      }
      print(cli.out(), started);
      cli.info("serving " + started.size() + (started.size() == 1 ? " sandbox" : " sandboxes")
          + " on loopback (" + options.invoices() + " invoices each); stop with Ctrl-C or SIGTERM");
      cli.stopSignal().awaitThen(() -> {
        closeAll(started);
        cli.info("stopped; served " + requests(started));
      });
    } finally {
      closeAll(started); // on a failed start or an interrupt; close() is idempotent
    }
    return ExitCodes.OK;
  }

  private SandboxOptions options() {
    SandboxOptions.Builder builder = SandboxOptions.builder();
    try {
      if (seed != null) builder.seed(seed);
      if (invoices != null) builder.invoices(invoices);
      if (latency != null) builder.latency(latency);
      if (faultPercent != null) builder.faultPercent(faultPercent);
      if (faults != null) builder.faults(faults.toArray(Fault[]::new));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "sandbox: " + e.getMessage());
    }
    return builder.build();
  }

  /**
   * The settings that point provider {@code sandbox.providerId()} at the sandbox, as full
   * property names, {@code base-url} first. The credential is the sandbox's own, not a secret.
   */
  static Map<String, String> settings(Sandbox sandbox) {
    Map<String, String> sorted = new TreeMap<>(sandbox.providerSettings());
    Map<String, String> settings = new LinkedHashMap<>();
    String prefix = PREFIX + sandbox.providerId() + ".";
    String baseUrl = sorted.remove(ProviderConfig.BASE_URL);
    if (baseUrl != null) settings.put(prefix + ProviderConfig.BASE_URL, baseUrl);
    sorted.forEach((key, value) -> settings.put(prefix + key, value));
    return settings;
  }

  private void print(PrintWriter out, List<Sandbox> sandboxes) {
    for (Sandbox sandbox : sandboxes) {
      if (cli.format() == OutputFormat.JSON) {
        new JsonText(out, "").write(json -> {
          json.beginObject();
          json.name("provider").value(sandbox.providerId());
          json.name("baseUrl").value(sandbox.baseUrl());
          json.name("settings").beginObject();
          for (Map.Entry<String, String> setting : settings(sandbox).entrySet()) {
            json.name(setting.getKey()).value(setting.getValue());
          }
          json.endObject();
          json.name("sdk").beginObject();
          json.name("baseUrl").value(sandbox.baseUrl());
          json.name("credential").value(sandbox.options().credential());
          json.endObject();
          json.name("invoices").value(sandbox.dataset().size());
          json.endObject();
        }).end();
      } else {
        out.println(sandbox.providerId() + "  " + sandbox.baseUrl());
        settings(sandbox).forEach((key, value) -> out.println("  " + key + "=" + value));
        out.println("  vendor SDK: base URL " + sandbox.baseUrl() + ", credential "
            + sandbox.options().credential());
        out.println();
        out.flush();
      }
    }
  }

  private static String requests(List<Sandbox> sandboxes) {
    int total = 0;
    for (Sandbox sandbox : sandboxes) total += sandbox.requestCount();
    return total + (total == 1 ? " request" : " requests");
  }

  private static void closeAll(List<Sandbox> sandboxes) {
    for (Sandbox sandbox : sandboxes) sandbox.close();
  }
}
