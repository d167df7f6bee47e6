package dev.invoicekit.cli;

import dev.invoicekit.InvoiceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps every failure to one line on stderr and an exit code: 2 for usage and configuration errors
 * (with picocli's usage hint), 1 for vendor and runtime errors. Stack traces only with
 * {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
  @Override public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    if (verbose(command)) e.printStackTrace(err);
    err.println(Text.oneLine(e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, err);
    printUsageHint(command);
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (verbose(command)) e.printStackTrace(err);
    if (e instanceof InvoiceException) {
      // The message names the provider, the HTTP status, the vendor's code and request id.
      err.println(Text.oneLine(e.getMessage()));
      return ExitCode.SOFTWARE;
    }
    if (e instanceof MissingCredentialException) {
      // One line: the setting, its environment variable and --sandbox; no usage hint.
      err.println(Text.oneLine(e.getMessage()));
      return ExitCode.USAGE;
    }
    if (e instanceof IllegalArgumentException) {
      // ConfigurationException, an unknown provider, a parameter the vendor cannot honour.
      err.println(Text.oneLine(e.getMessage()));
      printUsageHint(command);
      return ExitCode.USAGE;
    }
    // A runtime failure: name the provider at work, else the command.
    InvoiceKitCli cli = root(command);
    String who = cli != null && cli.activeProvider() != null
        ? cli.activeProvider() : command.getCommandSpec().qualifiedName();
    err.println(who + ": " + Text.oneLine(String.valueOf(e)));
    return ExitCode.SOFTWARE;
  }

  private static void printUsageHint(CommandLine command) {
    command.getErr().println("Try '" + command.getCommandSpec().qualifiedName()
        + " --help' for more information.");
  }

  private static boolean verbose(CommandLine command) {
    InvoiceKitCli cli = root(command);
    return cli != null && cli.verbose();
  }

  private static InvoiceKitCli root(CommandLine command) {
    Object root = command.getCommandSpec().root().userObject();
    return root instanceof InvoiceKitCli ? (InvoiceKitCli) root : null;
  }
}
