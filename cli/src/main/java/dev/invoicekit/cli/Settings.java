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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The configuration the tool assembles from {@code --config}, {@code --set} and the environment.
 *
 * <p>Precedence, highest first: {@code --set}, the {@code --config} file, then the environment
 * variables each provider reads through {@link ProviderConfig} (which sees {@link #environment}
 * only, never the process environment directly). Values are never printed: they may be secrets.
 */
final class Settings {
  private static final String PREFIX = "invoicekit.";
  /** {@code --provider all}: every configured instance. */
  static final String ALL = "all";

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

  /**
   * Returns the settings of instance {@code name}: of the provider {@code invoicekit.<name>.provider}
   * names, else of provider {@code name} (SPEC §9); environment fallbacks read from this tool's
   * environment. Short {@code --set} settings apply to every instance.
   */
  ProviderConfig config(String name) {
    String declared = properties.getProperty(
        PREFIX + name + "." + ProviderConfig.PROVIDER);
    String providerId = declared == null || declared.isBlank() ? name : declared.trim();
    ProviderConfig config;
    try {
      config = ProviderConfig.fromProperties(providerId, name, properties);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--provider", "--provider " + name + ": " + e.getMessage(), e);
    }
    return config.toBuilder()
        .setAll(shortSettings)
        .environment(environment::get)
        .build();
  }

  /**
   * Returns the instances to read together: those of {@code flag} (nullable; comma-separated
   * provider ids or instance names, or {@code all}), else those of {@code invoicekit.providers},
   * else the one of {@link #providerId}. {@code all} means the instances of
   * {@code invoicekit.providers} if it is set, else every id {@code everyProvider} gives.
   *
   * @throws ConfigurationException if a name is listed twice or none is chosen
   */
  List<String> instances(String flag, Supplier<Set<String>> everyProvider) {
    boolean listed = properties.getProperty(InvoiceProviders.PROVIDERS_PROPERTY) != null;
    if (flag == null && listed
        && properties.getProperty(InvoiceProviders.PROVIDER_PROPERTY) == null) {
      return InvoiceProviders.instanceNames(properties);
    }
    String value = providerId(flag);
    if (value.equals(ALL)) {
      return listed ? InvoiceProviders.instanceNames(properties) : List.copyOf(everyProvider.get());
    }
    List<String> result = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty()) throw new ConfigurationException("--provider", "--provider '" + value + "': an empty name");
      if (result.contains(name)) {
        throw new ConfigurationException("--provider", "--provider lists '" + name + "' twice");
      }
      result.add(name);
    }
    return List.copyOf(result);
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
