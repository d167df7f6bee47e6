package dev.invoicekit.spring;

import dev.invoicekit.ConfigurationException;
import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on an InvoiceKit setting: the core's message (which names the
 * key and never shows a secret) and where to set the key, instead of a chain of bean-creation
 * exceptions.
 */
final class InvoiceKitFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
  @Override protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
    String key = cause.key();
    String action = key == null || !key.startsWith(InvoiceKitSettings.PREFIX + ".")
        ? "Fix the InvoiceKit setting named above."
        : "Set or fix " + key + " in application.properties or YAML, or as the environment variable "
            + environmentVariable(key) + ".";
    return new FailureAnalysis(cause.getMessage(), action, cause);
  }

  /** {@code invoicekit.fastly.api-token} as Spring reads it from the environment: {@code INVOICEKIT_FASTLY_APITOKEN}. */
  static String environmentVariable(String key) {
    return key.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
  }
}
