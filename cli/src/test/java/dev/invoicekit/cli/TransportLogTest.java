package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transport's retry lines on the tool's stderr: none without {@code --verbose}, each attempt
 * and retry with it. The CLI reads a sandbox (started here, outside the tool) that answers about
 * half of its requests with a 503, seeded, so the same requests fail on every run.
 */
class TransportLogTest {
  private final Logger transport = Logger.getLogger(TransportLog.LOGGER); // held: JUL keeps loggers weakly
  private final List<LogRecord> published = new CopyOnWriteArrayList<>();
  private final Handler recorder = new Handler() {
    @Override public void publish(LogRecord record) {
      published.add(record);
    }

    @Override public void flush() {}

    @Override public void close() {}
  };

  @BeforeEach void record() {
    recorder.setLevel(Level.ALL);
    transport.addHandler(recorder);
  }

  @AfterEach void restore() {
    transport.removeHandler(recorder);
    TransportLog.reset();
  }

  @Test void retriesAreNotLoggedWithoutVerbose() {
    try (Sandbox sandbox = flakySandbox()) {
      CliRun run = CliRun.run(arguments(sandbox, false));

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(sandbox.faultCount()).as("the sandbox failed no request: the test proves nothing").isPositive();
      assertThat(run.err()).doesNotContainIgnoringCase("retr");
      assertThat(published).as("records that reached any handler, the JDK console included").isEmpty();
    }
  }

  @Test void verboseShowsEveryRetryAndAttemptOnStderr() {
    try (Sandbox sandbox = flakySandbox()) {
      CliRun run = CliRun.run(arguments(sandbox, true));

      assertThat(run.exitCode()).as(run.toString()).isZero();
      List<String> retries = new ArrayList<>();
      List<String> attempts = new ArrayList<>();
      run.err().lines().forEach(line -> {
        if (line.startsWith("INFO ") && line.contains("retrying")) retries.add(line);
        if (line.startsWith("FINE ")) attempts.add(line);
      });
      assertThat(sandbox.faultCount()).isPositive();
      assertThat(retries).as(run.toString()).hasSize(sandbox.faultCount())
          .allSatisfy(line -> assertThat(line).contains(providerId(), "503"));
      assertThat(attempts).as(run.toString()).hasSize(sandbox.requestCount());
      assertThat(transport.getUseParentHandlers()).as("the console does not print them a second time").isFalse();
    }
  }

  @Test void hostOwnLoggingStaysUnlessVerbose() {
    transport.setLevel(Level.FINEST);
    String saved = System.setProperty("java.util.logging.config.file", "host-logging.properties");
    try {
      TransportLog.configure(false, new PrintWriter(new StringWriter()));
      assertThat(transport.getLevel()).isEqualTo(Level.FINEST);
      TransportLog.configure(true, new PrintWriter(new StringWriter()));
      assertThat(transport.getLevel()).isEqualTo(Level.FINE);
    } finally {
      if (saved == null) {
        System.clearProperty("java.util.logging.config.file");
      } else {
        System.setProperty("java.util.logging.config.file", saved);
      }
    }
  }

  /** Half of the requests, seeded, answered 503 before the sandbox looks at them. */
  private static Sandbox flakySandbox() {
    return Sandboxes.start(providerId(), SandboxOptions.builder()
        .invoices(6).seed(3).faultPercent(50).faults(Fault.UNAVAILABLE).build());
  }

  /** {@code list} of every invoice against {@code sandbox}, retries fast and many. */
  private static String[] arguments(Sandbox sandbox, boolean verbose) {
    List<String> args = new ArrayList<>(List.of("list", "--provider", providerId(), "--format", "csv",
        "--set", "page-size=2", "--set", "max-retries=8", "--set", "retry-base-delay=1ms"));
    for (Map.Entry<String, String> setting : sandbox.providerSettings().entrySet()) {
      args.add("--set");
      args.add(setting.getKey() + "=" + setting.getValue());
    }
    if (verbose) args.add("--verbose"); // after the command: an inherited option
    return args.toArray(String[]::new);
  }

  /** The first provider with a sandbox: the test names no vendor. */
  private static String providerId() {
    TreeSet<String> ids = new TreeSet<>(InvoiceProviders.available());
    ids.retainAll(Sandboxes.available());
    return ids.first();
  }
}
