package dev.invoicekit.http;

/**
 * Stands in, in a cause chain, for an exception whose message held a credential (a vendor that
 * echoed it into a field a parser then quoted, say): it shows the original class name, the
 * message with the credential cut out and the original stack trace, so a logged stack trace
 * reads as before, minus the secret.
 */
final class RedactedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String originalClass;

  RedactedException(String originalClass, String message, Throwable cause, StackTraceElement[] stackTrace) {
    super(message, cause, false, true);
    this.originalClass = originalClass;
    setStackTrace(stackTrace);
  }

  /** The name of the class of the exception this stands in for. */
  String originalClass() {
    return originalClass;
  }

  @Override public String toString() {
    String message = getLocalizedMessage();
    return message != null ? originalClass + ": " + message : originalClass;
  }
}
