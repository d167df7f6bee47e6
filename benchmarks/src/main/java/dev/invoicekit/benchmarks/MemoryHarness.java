package dev.invoicekit.benchmarks;

import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Memory: streams a million invoices from each vendor's sandbox through a client JVM limited to
 * {@code -Xmx64m} and prints the heap it used. The sandbox runs in this JVM and computes every page
 * when asked, so the client's heap is InvoiceKit's alone.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.invoicekit.benchmarks.MemoryHarness \
 *     --invoices 1000000 --heap 64m
 * </pre>
 */
public final class MemoryHarness {
  private static final long TIMEOUT_MINUTES = 20;

  private MemoryHarness() {}

  /** What one client JVM reported; sizes in bytes. */
  record Result(String provider, long invoices, String heapLimit, long peakUsed, long live10,
      long live50, long live100, int collections, long elapsedMillis, String collectors) {}

  public static void main(String[] args) {
    Args options = new Args(args, defaults());
    List<Result> results = run(options.list("providers"), options.integer("invoices"),
        options.string("heap"), System.err);
    System.out.print(report(results));
  }

  static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("providers", String.join(",", SandboxedProvider.providerIds()));
    defaults.put("invoices", "1000000");
    defaults.put("heap", "64m");
    return defaults;
  }

  static List<Result> run(List<String> providers, int invoices, String heap, PrintStream log) {
    List<Result> results = new ArrayList<>();
    for (String provider : providers) {
      try (Sandbox sandbox = SandboxedProvider.start(provider,
          SandboxOptions.builder().invoices(invoices).build())) {
        log.printf("%s: streaming %,d invoices in a JVM with -Xmx%s%n", provider, invoices, heap);
        Result result = probe(sandbox, invoices, heap);
        log.printf("%s: done in %,d ms, peak heap used %s MiB%n", provider, result.elapsedMillis(),
            MarkdownTable.mebibytes(result.peakUsed()));
        results.add(result);
      }
    }
    return results;
  }

  /** Runs {@link MemoryProbe} in a new JVM with {@code -Xmx<heap>} against {@code sandbox}. */
  static Result probe(Sandbox sandbox, int invoices, String heap) {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap,
        "-cp", System.getProperty("java.class.path"),
        MemoryProbe.class.getName(), sandbox.providerId(), Integer.toString(invoices));
    try {
      Process process = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      Properties settings = new Properties();
      settings.putAll(sandbox.providerSettings());
      try (Writer stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
        settings.store(stdin, null);
      }
      String line = null;
      try (BufferedReader stdout = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String read = stdout.readLine(); read != null; read = stdout.readLine()) {
          if (read.startsWith("memory-probe ")) line = read;
        }
      }
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(sandbox.providerId() + " memory probe timed out");
      }
      if (process.exitValue() != 0 || line == null) {
        throw new IllegalStateException(sandbox.providerId() + " memory probe failed with exit code "
            + process.exitValue() + " (its error output is above)");
      }
      return parse(line, heap);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static Result parse(String line, String heap) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : line.substring("memory-probe ".length()).split(" ")) {
      int equals = pair.indexOf('=');
      values.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return new Result(values.get("provider"), Long.parseLong(values.get("invoices")), heap,
        Long.parseLong(values.get("peakUsed")), Long.parseLong(values.get("live10")),
        Long.parseLong(values.get("live50")), Long.parseLong(values.get("live100")),
        Integer.parseInt(values.get("collections")), Long.parseLong(values.get("elapsedMillis")),
        values.get("collectors"));
  }

  /** The results as a Markdown table; sizes in MiB. */
  static String report(List<Result> results) {
    MarkdownTable table = new MarkdownTable("provider", "invoices", "heap limit", "completed",
        "peak heap used MiB", "live MiB at 10% / 50% / 100%", "collections", "time s");
    for (Result result : results) {
      table.row(result.provider(), String.format(Locale.ROOT, "%,d", result.invoices()), "-Xmx" + result.heapLimit(),
          "yes", MarkdownTable.mebibytes(result.peakUsed()),
          MarkdownTable.mebibytes(result.live10()) + " / " + MarkdownTable.mebibytes(result.live50())
              + " / " + MarkdownTable.mebibytes(result.live100()),
          result.collections(), String.format(Locale.ROOT, "%.1f", result.elapsedMillis() / 1000.0));
    }
    String collectors = results.isEmpty() ? "" : " (collectors: " + results.get(0).collectors() + ")";
    return "Memory: stream() of every invoice in a client JVM of its own" + collectors
        + "; live = heap in use after a full collection\n\n" + table;
  }
}
