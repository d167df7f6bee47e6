package dev.invoicekit.cli;

import dev.invoicekit.ConfigurationException;

/**
 * A provider was chosen without its credentials and without {@code --sandbox}: a configuration
 * error (exit 2) reported in one line that names the setting and its environment variable and,
 * where the provider has an embedded sandbox, suggests {@code --sandbox}.
 */
final class MissingCredentialException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  MissingCredentialException(ConfigurationException cause, String providerId, boolean hasSandbox) {
    super(cause.getMessage() + (hasSandbox
        ? "; or pass --sandbox to read made-up invoices from the embedded " + providerId + " sandbox"
        : ""), cause);
  }
}
