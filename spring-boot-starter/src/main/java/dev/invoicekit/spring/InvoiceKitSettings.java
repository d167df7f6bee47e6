package dev.invoicekit.spring;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * Reads the {@code invoicekit.*} settings of a Spring {@link Environment} into the flat
 * {@link Properties} that {@link InvoiceProviders#fromProperties} takes.
 *
 * <p>InvoiceKit's keys are flat ({@code invoicekit.<name>.<key>}, the key dashed), which a map
 * binding cannot recover from an environment variable ({@code INVOICEKIT_FASTLY_API_TOKEN} could be
 * {@code api-token} or {@code api.token}). So every key is bound by its exact name, which lets
 * Spring's relaxed binding find it in any form: {@code api-token}, {@code apiToken},
 * {@code INVOICEKIT_FASTLY_APITOKEN}, {@code INVOICEKIT_FASTLY_API_TOKEN}. The keys bound are the
 * common ones, those the provider's factory declares, those the configuration metadata on the class
 * path lists for the provider ({@code META-INF/spring-configuration-metadata.json}, this starter's
 * and any a provider jar ships), and any other key found under {@code invoicekit.<name>.}.
 */
final class InvoiceKitSettings {
  static final String PREFIX = "invoicekit";
  static final String PROVIDER = InvoiceProviders.PROVIDER_PROPERTY;
  static final String PROVIDERS = "invoicekit.providers";
  /** The key naming an instance's provider (SPEC §9: {@code invoicekit.fastly-eu.provider=fastly}). */
  static final String INSTANCE_PROVIDER_KEY = "provider";
  /** Settings every provider reads (ProviderConfig). */
  static final Set<String> COMMON_KEYS = Set.of("base-url", "timeout", "max-retries", "retry-base-delay",
      "max-response-size", "max-concurrency", "page-size");
  static final String METADATA = "META-INF/spring-configuration-metadata.json";
  private static final Pattern METADATA_NAME =
      Pattern.compile("\"name\"\\s*:\\s*\"invoicekit\\.([a-z0-9-]+)\\.([a-z0-9-]+)\"");

  /** The instance names asked for: {@code invoicekit.provider} (or null) and {@code invoicekit.providers}. */
  record Names(String single, List<String> several) {
    Set<String> all() {
      Set<String> all = new LinkedHashSet<>(several);
      if (single != null) all.add(single);
      return all;
    }
  }

  /** What {@link #read} found: the names and the properties of every instance they name. */
  record Settings(Names names, Properties properties) {}

  private InvoiceKitSettings() {}

  static Names names(Environment environment) {
    Binder binder = Binder.get(environment);
    String single = binder.bind(PROVIDER, String.class).map(String::trim).orElse("");
    if (single.isEmpty()) single = null;
    Set<String> several = new LinkedHashSet<>();
    // Bound as a list: a comma-separated value and a YAML list both work.
    for (String name : binder.bind(PROVIDERS, Bindable.listOf(String.class)).orElse(List.of())) {
      if (name != null && !name.isBlank()) several.add(name.trim());
    }
    return new Names(single, List.copyOf(several));
  }

  static Settings read(Environment environment) {
    Names names = names(environment);
    Binder binder = Binder.get(environment);
    Properties properties = new Properties();
    if (names.single() != null) properties.setProperty(PROVIDER, names.single());
    if (!names.several().isEmpty()) properties.setProperty(PROVIDERS, String.join(",", names.several()));
    Map<String, Set<String>> declared = metadataKeys();
    List<String> found = foundNames(environment);
    for (String name : names.all()) {
      if (!ConfigurationPropertyName.isValid(PREFIX + "." + name)) {
        throw new ConfigurationException(names.several().contains(name) ? PROVIDERS : PROVIDER,
            "instance name '" + name + "' must be lower-case letters, digits and dashes");
      }
      String prefix = PREFIX + "." + name + ".";
      String id = binder.bind(prefix + INSTANCE_PROVIDER_KEY, String.class).map(String::trim).orElse(name);
      Set<String> known = new TreeSet<>(COMMON_KEYS);
      known.add(INSTANCE_PROVIDER_KEY);
      known.addAll(declared.getOrDefault(id, Set.of()));
      if (InvoiceProviders.available().contains(id)) known.addAll(InvoiceProviders.factory(id).publicKeys());
      Set<String> keys = new TreeSet<>(known);
      for (String key : keysUnder(name, found)) keys.add(canonical(key, known));
      for (String key : keys) {
        String property = prefix + key;
        if (!ConfigurationPropertyName.isValid(property)) continue;
        binder.bind(property, String.class).ifBound(value -> properties.setProperty(property, value));
      }
    }
    return new Settings(names, properties);
  }

  /** Every property name under {@code invoicekit.} in the environment, elements joined by dots. */
  private static List<String> foundNames(Environment environment) {
    List<String> result = new ArrayList<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource iterable)) continue;
      iterable.stream().forEach(name -> {
        if (name.getNumberOfElements() < 3 || !name.getElement(0, ConfigurationPropertyName.Form.DASHED).equals(PREFIX)) {
          return;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 1; i < name.getNumberOfElements(); i++) {
          if (i > 1) joined.append('.');
          joined.append(name.getElement(i, ConfigurationPropertyName.Form.DASHED));
        }
        result.add(joined.toString());
      });
    }
    return result;
  }

  /**
   * The keys below instance {@code name} among {@code found}: {@code fastly.api-token} (a
   * property), {@code fastly.api.token} (the variable {@code INVOICEKIT_FASTLY_API_TOKEN}) and
   * {@code fastly-eu.api-token} or {@code fastly.eu.api.token} for instance {@code fastly-eu}.
   * InvoiceKit keys hold no dot, so what follows the name is one key, its dots made dashes.
   */
  private static Set<String> keysUnder(String name, List<String> found) {
    Set<String> keys = new LinkedHashSet<>();
    for (String prefix : new LinkedHashSet<>(List.of(name + ".", name.replace('-', '.') + "."))) {
      for (String candidate : found) {
        if (candidate.startsWith(prefix) && candidate.length() > prefix.length()) {
          keys.add(candidate.substring(prefix.length()).replace('.', '-'));
        }
      }
    }
    return keys;
  }

  /** {@code key} as a known key when it is one but for dashes ({@code apitoken} is {@code api-token}). */
  private static String canonical(String key, Set<String> known) {
    String bare = key.replace("-", "");
    for (String candidate : known) {
      if (candidate.replace("-", "").equals(bare)) return candidate;
    }
    return key;
  }

  /** The keys of each provider id that the configuration metadata on the class path lists. */
  static Map<String, Set<String>> metadataKeys() {
    Map<String, Set<String>> result = new TreeMap<>();
    try {
      ClassLoader loader = InvoiceKitSettings.class.getClassLoader();
      Enumeration<URL> resources = loader.getResources(METADATA);
      while (resources.hasMoreElements()) {
        String json;
        try (InputStream in = resources.nextElement().openStream()) {
          json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher matcher = METADATA_NAME.matcher(json);
        while (matcher.find()) {
          result.computeIfAbsent(matcher.group(1), id -> new TreeSet<>()).add(matcher.group(2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + METADATA, e);
    }
    return result;
  }
}
