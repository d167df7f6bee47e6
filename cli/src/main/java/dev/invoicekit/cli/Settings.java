package dev.invoicekit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The configuration the tool assembles from {@code --config}, {@code --set} and the environment.
 *
 * <p>Precedence, highest first: {@code --set}, the {@code --config} file, then the environment
 * variables each provider reads through {@link ProviderConfig} (which sees {@link #environment}
 * only, never the process environment directly). Values are never printed: they may be secrets.
 */
final class Settings {
  private static final String PREFIX = "invoicekit.";

  private final Properties properties;
  private final Map<String, String> shortSettings;
  private final Map<String, String> environment;

  private Settings(Properties properties, Map<String, String> shortSettings,
      Map<String, String> environment) {
    this.properties = properties;
    this.shortSettings = shortSettings;
    this.environment = environment;
  }

  /**
   * Reads {@code configFile} (nullable) and applies {@code sets}: a key starting with
   * {@code invoicekit.} is a full property name, any other key is a setting of the chosen provider.
   *
   * @throws ConfigurationException if the file cannot be read or a key is malformed
   */
  static Settings load(Path configFile, Map<String, String> sets, Map<String, String> environment) {
    Objects.requireNonNull(sets, "sets == null");
    Objects.requireNonNull(environment, "environment == null");
    Properties properties = new Properties();
    if (configFile != null) read(configFile, properties);
    Map<String, String> shortSettings = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : sets.entrySet()) {
      String key = entry.getKey().trim();
      if (key.isEmpty() || key.equals(PREFIX) || key.endsWith(".")) {
        throw new ConfigurationException(key, "--set '" + key + "=...': not a setting name");
      }
      if (key.startsWith(PREFIX)) {
        properties.setProperty(key, entry.getValue());
      } else {
        shortSettings.put(key, entry.getValue());
      }
    }
    return new Settings(properties, shortSettings, Map.copyOf(environment));
  }

  /**
   * Returns the provider id: {@code flag} (nullable), else {@code invoicekit.provider}, else the
   * environment variable {@value InvoiceKitCli#PROVIDER_ENV}.
   *
   * @throws ConfigurationException listing the available ids when none of them is set
   */
  String providerId(String flag) {
    for (String candidate : new String[] {
        flag, properties.getProperty(InvoiceProviders.PROVIDER_PROPERTY),
        environment.get(InvoiceKitCli.PROVIDER_ENV)}) {
      if (candidate != null && !candidate.isBlank()) return candidate.trim();
    }
    throw new ConfigurationException(InvoiceProviders.PROVIDER_PROPERTY,
        "no provider chosen: pass --provider ID, set " + InvoiceProviders.PROVIDER_PROPERTY
            + " in --config or $" + InvoiceKitCli.PROVIDER_ENV + "; available: "
            + InvoiceProviders.available());
  }

  /** Returns the settings of {@code providerId}, environment fallbacks read from this tool's environment. */
  ProviderConfig config(String providerId) {
    return ProviderConfig.fromProperties(providerId, properties).toBuilder()
        .setAll(shortSettings)
        .environment(environment::get)
        .build();
  }

  private static void read(Path file, Properties properties) {
    try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigurationException("--config", "--config " + file + ": no such file");
    } catch (IOException | IllegalArgumentException e) {
      // Properties.load throws IllegalArgumentException on a malformed \\uXXXX escape.
      throw new ConfigurationException("--config", "--config " + file + ": cannot read it: "
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
  }
}
