package dev.invoicekit;

/**
 * A setting is missing or malformed. The message names the setting (like
 * {@code invoicekit.acme.timeout}) and never shows a secret value. Thrown by
 * {@link InvoiceProviders} and {@link dev.invoicekit.spi.ProviderConfig} before any network call.
 */
public final class ConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The full name of the setting at fault. */
  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the full name of the setting at fault, like {@code invoicekit.acme.timeout}
   * @param message the message: it names the setting and never shows a secret value
   */
  public ConfigurationException(String key, String message) {
    super(message);
    this.key = key;
  }

  /**
   * Creates the exception.
   *
   * @param key the full name of the setting at fault, like {@code invoicekit.acme.timeout}
   * @param message the message: it names the setting and never shows a secret value
   * @param cause the cause; nullable
   */
  public ConfigurationException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** {@return the full name of the setting at fault, like {@code invoicekit.acme.timeout}} */
  public String key() {
    return key;
  }
}
