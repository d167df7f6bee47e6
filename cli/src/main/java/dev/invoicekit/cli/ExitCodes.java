package dev.invoicekit.cli;

import dev.invoicekit.InstanceException;
import dev.invoicekit.InvoiceException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * The tool's exit codes, and the one place that maps a failure to its code.
 *
 * <p>{@link ErrorHandler} asks this mapper for every failure it reports, and picocli asks it for
 * any it does not; commands that succeed return {@link #OK}.
 */
final class ExitCodes implements IExitCodeExceptionMapper {
  /** Success. */
  static final int OK = 0;
  /** A vendor or runtime error: the vendor failed, or the tool did. */
  static final int FAILURE = 1;
  /** A usage or configuration error: fix the command line, the settings or the credentials. */
  static final int USAGE = 2;
  /** {@code get} of an id the vendor does not know: "not there" rather than "vendor failed". */
  static final int NOT_FOUND = 3;

  @Override public int getExitCode(Throwable failure) {
    if (failure instanceof NoSuchInvoiceException) return NOT_FOUND;
    // One of several instances: judged by what it failed with (a parameter it cannot honour: 2).
    if (failure instanceof InstanceException && failure.getCause() != null) return getExitCode(failure.getCause());
    if (failure instanceof ParameterException) return USAGE;
    // Before IllegalArgumentException: a vendor's 400 (InvalidRequestException) is its answer.
    if (failure instanceof InvoiceException) return FAILURE;
    // A ConfigurationException or missing credential, an unknown provider, a parameter the vendor
    // cannot honour: all are reported before any request is made.
    if (failure instanceof IllegalArgumentException) return USAGE;
    return FAILURE;
  }
}
