package dev.invoicekit;

/**
 * A setting is missing or malformed. The message names the setting (like
 * {@code invoicekit.acme.timeout}) and never shows a secret value. Thrown by
 * {@link InvoiceProviders} and {@link dev.invoicekit.spi.ProviderConfig} before any network call.
 */
public final class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public ConfigurationException(String key, String message) {
    super(message);
    this.key = key;
  }

  public ConfigurationException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** {@return the full name of the setting at fault, like {@code invoicekit.acme.timeout}} */
  public String key() {
    return key;
  }
}
