package dev.invoicekit.cli;

/** {@code get} found no invoice with the id: exit {@link ExitCodes#NOT_FOUND}, one line on stderr. */
final class NoSuchInvoiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NoSuchInvoiceException(String providerId, String invoiceId) {
    super(providerId + ": no invoice with id '" + Text.oneLine(invoiceId) + "'");
  }
}
