package dev.invoicekit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.LongSupplier;
import picocli.CommandLine;

/** One run of the tool through picocli, with its stdout and stderr captured. */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code args} with {@code environment} as the whole environment, not interactive. */
  static CliRun run(Map<String, String> environment, String... args) {
    return run(environment, false, System::nanoTime, args);
  }

  /**
   * Runs {@code args} as if on a terminal when {@code interactive}, reading time from
   * {@code nanoTime}, on the command line {@code main} would build for them (only the subcommands
   * they name).
   */
  static CliRun run(Map<String, String> environment, boolean interactive, LongSupplier nanoTime,
      String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = InvoiceKitCli.commandLine(environment, interactive, nanoTime, args)
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /** Runs {@code args} in an empty environment. */
  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  @Override public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
