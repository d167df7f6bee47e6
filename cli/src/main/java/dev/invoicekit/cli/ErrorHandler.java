package dev.invoicekit.cli;

import dev.invoicekit.InvoiceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure as one line on stderr (a usage error adds picocli's usage hint) and
 * returns the exit code {@link ExitCodes} maps it to. Stack traces only with {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
  @Override public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    if (verbose(command)) e.printStackTrace(err);
    err.println(Text.oneLine(e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, err);
    printUsageHint(command);
    return exitCode(command, e);
  }

  @Override public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (verbose(command)) e.printStackTrace(err);
    int exitCode = exitCode(command, e);
    if (e instanceof InvoiceException || e instanceof NoSuchInvoiceException
        || e instanceof MissingCredentialException) {
      // Written for the user: the provider, HTTP status, vendor code and request id; the id not
      // found; the setting, its environment variable and --sandbox.
      err.println(Text.oneLine(e.getMessage()));
    } else if (exitCode == ExitCodes.USAGE) {
      // ConfigurationException, an unknown provider, a parameter the vendor cannot honour.
      err.println(Text.oneLine(e.getMessage()));
      printUsageHint(command);
    } else {
      // A runtime failure: name the provider at work, else the command.
      InvoiceKitCli cli = root(command);
      String who = cli != null && cli.activeProvider() != null
          ? cli.activeProvider() : command.getCommandSpec().qualifiedName();
      err.println(who + ": " + Text.oneLine(String.valueOf(e)));
    }
    return exitCode;
  }

  private static int exitCode(CommandLine command, Exception e) {
    CommandLine.IExitCodeExceptionMapper mapper = command.getExitCodeExceptionMapper();
    return mapper != null ? mapper.getExitCode(e) : new ExitCodes().getExitCode(e);
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
