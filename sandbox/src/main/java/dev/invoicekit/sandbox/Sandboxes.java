package dev.invoicekit.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Starts vendor sandboxes by provider id, for tools that choose the vendor at run time.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandboxes.start("acme", SandboxOptions.defaults())) {
 *   ... sandbox.providerSettings() ...
 * }
 * }</pre>
 *
 * <p>Sandboxes are found with {@link ServiceLoader}. An unknown id fails listing the ids
 * available; two factories with one id fail.
 */
public final class Sandboxes {
  private Sandboxes() {}

  /**
   * Returns a new, started sandbox of provider {@code providerId}; the caller closes it.
   *
   * @throws IllegalArgumentException if no sandbox has that id (the message lists those that do)
   * @throws IllegalStateException if two sandboxes on the class path share that id
   */
  public static Sandbox start(String providerId, SandboxOptions options) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(options, "options == null");
    Map<String, SandboxFactory> factories = load();
    SandboxFactory factory = factories.get(providerId);
    if (factory == null) {
      throw new IllegalArgumentException("no InvoiceKit sandbox '" + providerId
          + "' on the class path; available: " + factories.keySet());
    }
    return factory.start(options);
  }

  /** Returns the provider ids of the sandboxes on the class path, sorted. */
  public static Set<String> available() {
    return Collections.unmodifiableSet(load().keySet());
  }

  private static Map<String, SandboxFactory> load() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) loader = Sandboxes.class.getClassLoader();
    try {
      return index(ServiceLoader.load(SandboxFactory.class, loader));
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load InvoiceKit sandboxes: " + e.getMessage(), e);
    }
  }

  /** Indexes {@code factories} by provider id, failing on a duplicate id. */
  static Map<String, SandboxFactory> index(Iterable<? extends SandboxFactory> factories) {
    Map<String, SandboxFactory> result = new TreeMap<>();
    Map<String, String> classes = new LinkedHashMap<>();
    for (SandboxFactory factory : factories) {
      String id = Objects.requireNonNull(factory.providerId(),
          factory.getClass().getName() + ".providerId() == null");
      if (result.putIfAbsent(id, factory) != null) {
        throw new IllegalStateException("two InvoiceKit sandboxes have the id '" + id + "': "
            + classes.get(id) + " and " + factory.getClass().getName());
      }
      classes.put(id, factory.getClass().getName());
    }
    return result;
  }
}
