package dev.invoicekit.spring;

import dev.invoicekit.InvoiceProvider;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Creates InvoiceKit providers from the {@code invoicekit.*} settings of the Spring
 * {@link Environment}: {@code application.properties}, YAML, environment variables in Spring's
 * relaxed form ({@code INVOICEKIT_FASTLY_APITOKEN} or {@code INVOICEKIT_FASTLY_API_TOKEN} for
 * {@code invoicekit.fastly.api-token}), system properties, command-line arguments.
 *
 * <ul>
 *   <li>{@code invoicekit.provider=acme}: an {@link InvoiceProvider} bean, unless the application
 *       defines its own.
 *   <li>{@code invoicekit.providers=acme,globex}: a {@code Map<String, InvoiceProvider>} bean named
 *       {@value #INSTANCES_BEAN}, one provider per instance name, in the order given; inject it with
 *       {@code @Qualifier("invoiceProviders")}. An instance that is also {@code invoicekit.provider}
 *       is one provider in both beans.
 * </ul>
 *
 * <p>Providers are created through {@link dev.invoicekit.InvoiceProviders#fromProperties}, so
 * every check of the core applies: a missing or malformed setting fails start-up with the
 * {@link dev.invoicekit.ConfigurationException} naming the key. They are closed with the context.
 */
@AutoConfiguration
public final class InvoiceKitAutoConfiguration {
  /** The name of the {@code Map<String, InvoiceProvider>} bean of {@code invoicekit.providers}. */
  public static final String INSTANCES_BEAN = "invoiceProviders";

  /** For Spring. */
  public InvoiceKitAutoConfiguration() {}

  @Bean(destroyMethod = "close")
  @Conditional(OnInvoiceKitSettings.class)
  InvoiceKitInstances invoiceKitInstances(Environment environment) {
    return new InvoiceKitInstances(InvoiceKitSettings.read(environment));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(InvoiceProvider.class)
  @Conditional(OnInvoiceKitSettings.Single.class)
  InvoiceProvider invoiceProvider(InvoiceKitInstances instances) {
    return instances.single();
  }

  @Bean(name = INSTANCES_BEAN, destroyMethod = "close")
  @ConditionalOnMissingBean(name = INSTANCES_BEAN)
  @Conditional(OnInvoiceKitSettings.Several.class)
  Map<String, InvoiceProvider> invoiceProviders(InvoiceKitInstances instances) {
    return instances.several();
  }

  /** Matches when {@code invoicekit.provider} or {@code invoicekit.providers} is set. */
  static class OnInvoiceKitSettings extends SpringBootCondition {
    @Override public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      InvoiceKitSettings.Names names = InvoiceKitSettings.names(context.getEnvironment());
      return matches(names)
          ? ConditionOutcome.match(describe(names))
          : ConditionOutcome.noMatch("no " + property() + " set");
    }

    boolean matches(InvoiceKitSettings.Names names) {
      return names.single() != null || !names.several().isEmpty();
    }

    String property() {
      return InvoiceKitSettings.PROVIDER + " or " + InvoiceKitSettings.PROVIDERS;
    }

    private static String describe(InvoiceKitSettings.Names names) {
      return InvoiceKitSettings.PROVIDER + "=" + names.single() + ", " + InvoiceKitSettings.PROVIDERS + "="
          + names.several();
    }

    /** Matches when {@code invoicekit.provider} is set. */
    static final class Single extends OnInvoiceKitSettings {
      @Override boolean matches(InvoiceKitSettings.Names names) {
        return names.single() != null;
      }

      @Override String property() {
        return InvoiceKitSettings.PROVIDER;
      }
    }

    /** Matches when {@code invoicekit.providers} is set. */
    static final class Several extends OnInvoiceKitSettings {
      @Override boolean matches(InvoiceKitSettings.Names names) {
        return !names.several().isEmpty();
      }

      @Override String property() {
        return InvoiceKitSettings.PROVIDERS;
      }
    }
  }
}
