package dev.invoicekit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.fastly.sandbox.FastlySandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.spring.RecordingProviderFactory.RecordingProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

final class InvoiceKitAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(InvoiceKitAutoConfiguration.class));

  @BeforeEach void forget() {
    RecordingProviderFactory.CREATED.clear();
  }

  /** Adds {@code variables} as the process environment would (Spring's relaxed mapping applies). */
  private static ApplicationContextRunner environment(ApplicationContextRunner runner, Map<String, Object> variables) {
    return runner.withInitializer(context -> context.getEnvironment().getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables)));
  }

  private static ProviderConfig onlyConfig() {
    assertThat(RecordingProviderFactory.CREATED).hasSize(1);
    return RecordingProviderFactory.CREATED.get(0).config;
  }

  @Test void propertiesBindToTheProviderBean() {
    runner.withPropertyValues("invoicekit.provider=recording", "invoicekit.recording.api-token=tok_1",
            "invoicekit.recording.timeout=5s", "invoicekit.recording.region=eu", "invoicekit.other.api-token=no")
        .run(context -> {
          assertThat(context).hasSingleBean(InvoiceProvider.class).doesNotHaveBean(InvoiceKitAutoConfiguration.INSTANCES_BEAN);
          assertThat(context.getBean(InvoiceProvider.class).id()).isEqualTo("recording");
          ProviderConfig config = onlyConfig();
          assertThat(config.get("api-token")).contains("tok_1");
          assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(config.get("region")).contains("eu");
          assertThat(config.keys()).containsExactlyInAnyOrder("api-token", "timeout", "region");
        });
  }

  @Test void environmentVariablesBindInSpringsRelaxedForms() {
    environment(runner, Map.of("INVOICEKIT_PROVIDER", "recording", "INVOICEKIT_RECORDING_APITOKEN", "tok_env",
            "INVOICEKIT_RECORDING_MAXRETRIES", "7", "INVOICEKIT_RECORDING_RETRY_BASE_DELAY", "1s"))
        .run(context -> {
          assertThat(context).hasSingleBean(InvoiceProvider.class);
          ProviderConfig config = onlyConfig();
          assertThat(config.get("api-token")).contains("tok_env");
          assertThat(config.maxRetries()).isEqualTo(7);
          assertThat(config.get("retry-base-delay")).contains("1s");
        });
  }

  @Test void anUnderscoredVariableBindsADashedKeyNoMetadataDeclares() {
    environment(runner, Map.of("INVOICEKIT_PROVIDER", "recording", "INVOICEKIT_RECORDING_API_TOKEN", "tok_env",
            "INVOICEKIT_RECORDING_CUSTOMER_SCOPE", "all"))
        .run(context -> {
          ProviderConfig config = onlyConfig();
          assertThat(config.get("api-token")).contains("tok_env");
          assertThat(config.get("customer-scope")).contains("all");
        });
  }

  @Test void fastlyConfiguredByEnvironmentVariablesReadsItsSandbox() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(7).build())) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("INVOICEKIT_PROVIDER", "fastly");
      sandbox.providerSettings().forEach((key, value) ->
          variables.put("INVOICEKIT_FASTLY_" + key.toUpperCase().replace("-", ""), value));
      assertThat(variables).containsKeys("INVOICEKIT_FASTLY_APITOKEN", "INVOICEKIT_FASTLY_BASEURL");
      environment(runner, variables).run(context -> {
        InvoiceProvider fastly = context.getBean(InvoiceProvider.class);
        assertThat(fastly.id()).isEqualTo("fastly");
        assertThat(fastly.stream(InvoiceQuery.all()).count()).isEqualTo(7);
      });
    }
  }

  @Test void yamlBindsListsAndCamelCaseToTheInstancesMap() throws IOException {
    var yaml = new YamlPropertySourceLoader().load("invoicekit-test", new ClassPathResource("invoicekit-test.yml"));
    runner.withInitializer(context -> yaml.forEach(context.getEnvironment().getPropertySources()::addLast))
        .run(context -> {
          assertThat(context).doesNotHaveBean(InvoiceProvider.class);
          Map<String, InvoiceProvider> providers = instances(context);
          assertThat(providers).containsOnlyKeys("recording", "fastly");
          assertThat(providers.keySet()).containsExactly("recording", "fastly");
          assertThat(providers.get("fastly").id()).isEqualTo("fastly");
          ProviderConfig config = onlyConfig();
          assertThat(config.get("api-token")).contains("yaml-token");
          assertThat(config.maxRetries()).isEqualTo(5);
        });
  }

  @Test void oneNameInBothSettingsIsOneProviderAndTheHostInjectsTheMapByQualifier() {
    runner.withPropertyValues("invoicekit.provider=recording", "invoicekit.providers=recording, fastly",
            "invoicekit.recording.api-token=tok_1", "invoicekit.fastly.api-token=tok_2",
            "invoicekit.fastly.base-url=http://127.0.0.1:9/")
        .withUserConfiguration(Host.class)
        .run(context -> {
          Map<String, InvoiceProvider> providers = instances(context);
          assertThat(providers.get("recording")).isSameAs(context.getBean(InvoiceProvider.class));
          assertThat(RecordingProviderFactory.CREATED).hasSize(1);
          assertThat(context.getBean(Host.class).providers).isSameAs(providers);
        });
  }

  @Test void providersAreClosedWithTheContext() {
    ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
    runner.withPropertyValues("invoicekit.provider=recording", "invoicekit.providers=recording",
            "invoicekit.recording.api-token=tok_1")
        .run(context -> {
          assertThat(RecordingProviderFactory.CREATED).singleElement().satisfies(p -> assertThat(p.closed).isZero());
          closed[0] = context.getSourceApplicationContext();
        });
    assertThat(closed[0].isActive()).isFalse();
    RecordingProvider provider = RecordingProviderFactory.CREATED.get(0);
    assertThat(provider.closed).isPositive();
  }

  @Test void backsOffWhenTheHostDefinesItsOwnBeans() {
    RecordingProvider own = new RecordingProvider(ProviderConfig.builder("recording").build());
    runner.withPropertyValues("invoicekit.provider=recording", "invoicekit.providers=recording",
            "invoicekit.recording.api-token=tok_1")
        .withBean(InvoiceProvider.class, () -> own)
        .withBean(InvoiceKitAutoConfiguration.INSTANCES_BEAN, Map.class, () -> Map.of("recording", own))
        .run(context -> {
          assertThat(context).hasSingleBean(InvoiceProvider.class);
          assertThat(context.getBean(InvoiceProvider.class)).isSameAs(own);
          assertThat(RecordingProviderFactory.CREATED).isEmpty();
        });
  }

  @Test void nothingConfiguredCreatesNothing() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(InvoiceProvider.class)
          .doesNotHaveBean(InvoiceKitAutoConfiguration.INSTANCES_BEAN);
      assertThat(RecordingProviderFactory.CREATED).isEmpty();
    });
  }

  @Test void aMissingSettingFailsStartUpWithTheCoresMessage() {
    runner.withPropertyValues("invoicekit.provider=recording").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigurationException.class)
          .hasMessage("invoicekit.recording.api-token is not set");
      // What Spring Boot prints under "APPLICATION FAILED TO START".
      FailureAnalysis analysis = new InvoiceKitFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).isEqualTo("invoicekit.recording.api-token is not set");
      assertThat(analysis.getAction()).isEqualTo("Set or fix invoicekit.recording.api-token in application.properties"
          + " or YAML, or as the environment variable INVOICEKIT_RECORDING_APITOKEN.");
    });
  }

  @Test void aMalformedSettingFailsStartUpNamingTheKeyNotTheSecret() {
    runner.withPropertyValues("invoicekit.providers=fastly", "invoicekit.fastly.api-token=tok_SECRET_91",
            "invoicekit.fastly.page-size=0")
        .run(context -> {
          assertThat(context).hasFailed();
          Throwable cause = context.getStartupFailure();
          while (cause.getCause() != null) cause = cause.getCause();
          assertThat(cause).isInstanceOf(ConfigurationException.class);
          assertThat(((ConfigurationException) cause).key()).isEqualTo("invoicekit.fastly.page-size");
          assertThat(cause.getMessage()).contains("invoicekit.fastly.page-size").doesNotContain("tok_SECRET_91");
        });
  }

  @Test void anUnknownProviderFailsStartUpListingTheAvailableOnes() {
    runner.withPropertyValues("invoicekit.provider=nope").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("no InvoiceKit provider 'nope'").hasMessageContaining("fastly");
    });
  }

  @Test void theMetadataListsTheKeysOfEveryProviderOnTheClassPath() {
    Map<String, Set<String>> metadata = InvoiceKitSettings.metadataKeys();
    for (String id : InvoiceProviders.available()) {
      Set<String> expected = new TreeSet<>(InvoiceKitSettings.COMMON_KEYS);
      expected.addAll(InvoiceProviders.factory(id).publicKeys());
      if (id.equals("recording")) expected.removeAll(InvoiceKitSettings.COMMON_KEYS);
      assertThat(metadata.get(id)).as("keys of %s in %s", id, InvoiceKitSettings.METADATA).containsAll(expected);
    }
    assertThat(metadata.get("fastly")).contains("api-token");
    assertThat(metadata.get("flexprice")).contains("api-key");
    assertThat(metadata.get("cloudflare")).contains("account-id", "api-token", "api-email", "api-key");
    assertThat(InvoiceProviders.available()).as("every provider the starter documents is tested")
        .containsAll(List.of("cloudflare", "fastly", "flexprice", "stripe"));
    assertThat(metadata.get("stripe")).contains("api-key", "base-url", "stripe-account", "api-version");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, InvoiceProvider> instances(org.springframework.context.ApplicationContext context) {
    return (Map<String, InvoiceProvider>) context.getBean(InvoiceKitAutoConfiguration.INSTANCES_BEAN, Map.class);
  }

  /** A host bean taking the instances map. */
  static class Host {
    final Map<String, InvoiceProvider> providers;

    @Autowired Host(@Qualifier(InvoiceKitAutoConfiguration.INSTANCES_BEAN) Map<String, InvoiceProvider> providers) {
      this.providers = providers;
    }
  }
}
