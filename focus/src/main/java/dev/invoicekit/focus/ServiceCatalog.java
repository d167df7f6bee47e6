package dev.invoicekit.focus;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.invoicekit.InvoiceLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/** The vendor data of {@code vendors.properties}: display names and services per provider id. */
final class ServiceCatalog {
  /** A service: its name and its FOCUS category and subcategory. */
  record Service(String name, String category, String subcategory) {}

  /** What the catalog knows of one vendor. */
  record Vendor(String name, String service, String category, String subcategory, boolean classify,
      String serviceAttribute) {}

  private record Keyword(List<String> words, String category, String subcategory) {}

  private static final String RESOURCE = "vendors.properties";
  private static final ServiceCatalog DEFAULT = load();

  private final Properties properties;
  private final List<Keyword> keywords;
  private final Map<String, Vendor> vendors = new ConcurrentHashMap<>();

  private ServiceCatalog(Properties properties) {
    this.properties = properties;
    this.keywords = keywords(properties);
  }

  static ServiceCatalog defaults() {
    return DEFAULT;
  }

  /** The vendor {@code providerId}; a vendor the catalog lacks is named by its id, in Other. */
  Vendor vendor(String providerId) {
    return vendors.computeIfAbsent(providerId, id -> {
      String[] category = property(id + ".category", "Other|Other (Other)").split("\\|", 2);
      String name = property(id + ".name", id);
      return new Vendor(name, property(id + ".service", name), category[0].trim(),
          category.length > 1 ? category[1].trim() : "Other (" + category[0].trim() + ")",
          Boolean.parseBoolean(property(id + ".classify", "false")),
          properties.getProperty(id + ".service-attribute"));
    });
  }

  /** The service of charges no line names: tax, credits, an invoice without lines. */
  Service invoiceService(String providerId) {
    Vendor vendor = vendor(providerId);
    return place(vendor, vendor.service());
  }

  /** The service of {@code line}: its product group, else its service attribute, else the vendor's. */
  Service lineService(String providerId, InvoiceLine line) {
    Vendor vendor = vendor(providerId);
    String group = line.productGroup();
    if (group == null && vendor.serviceAttribute() != null) {
      group = line.attributes().get(vendor.serviceAttribute());
    }
    if (group == null || group.isBlank()) return place(vendor, vendor.service());
    return place(vendor, vendor.name() + " " + group.trim());
  }

  /** The category of a service depends on its name alone: one category per ServiceName. */
  private Service place(Vendor vendor, String serviceName) {
    if (vendor.classify()) {
      String text = serviceName.toLowerCase(Locale.ROOT);
      for (Keyword keyword : keywords) {
        for (String word : keyword.words()) {
          if (text.contains(word)) return new Service(serviceName, keyword.category(), keyword.subcategory());
        }
      }
    }
    return new Service(serviceName, vendor.category(), vendor.subcategory());
  }

  private String property(String key, String defaultValue) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  private static List<Keyword> keywords(Properties properties) {
    List<Keyword> result = new ArrayList<>();
    for (int i = 1; properties.getProperty("keyword." + i) != null; i++) {
      String[] parts = properties.getProperty("keyword." + i).split("\\|");
      if (parts.length != 3) throw new IllegalStateException(RESOURCE + ": keyword." + i + " is malformed");
      List<String> words = new ArrayList<>();
      for (String word : parts[0].split(",")) words.add(word.trim().toLowerCase(Locale.ROOT));
      result.add(new Keyword(List.copyOf(words), parts[1].trim(), parts[2].trim()));
    }
    return List.copyOf(result);
  }

  private static ServiceCatalog load() {
    Properties properties = new Properties();
    try (InputStream in = ServiceCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      properties.load(new InputStreamReader(in, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new ServiceCatalog(properties);
  }
}
