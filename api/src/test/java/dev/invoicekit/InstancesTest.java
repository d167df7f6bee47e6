package dev.invoicekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.InvoiceProvidersTest.TestProvider;
import dev.invoicekit.spi.ProviderConfig;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** SPEC §9: instances of one provider, each with its own settings. */
class InstancesTest {
  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  @Test void twoAccountsOfOneProviderEachHaveTheirOwnSettings() {
    Properties properties = properties(
        "invoicekit.providers", "alpha-eu, alpha-us,test-beta",
        "invoicekit.alpha-eu.provider", "test-alpha",
        "invoicekit.alpha-eu.api-token", "token-eu",
        "invoicekit.alpha-us.provider", "test-alpha",
        "invoicekit.alpha-us.api-token", "token-us",
        "invoicekit.alpha-us.timeout", "7s",
        "invoicekit.test-beta.api-token", "token-beta");
    Map<String, InvoiceProvider> instances = InvoiceProviders.instancesFromProperties(properties);
    assertThat(instances).containsOnlyKeys("alpha-eu", "alpha-us", "test-beta");
    assertThat(instances.keySet()).containsExactly("alpha-eu", "alpha-us", "test-beta");
    ProviderConfig eu = ((TestProvider) instances.get("alpha-eu")).config;
    ProviderConfig us = ((TestProvider) instances.get("alpha-us")).config;
    ProviderConfig beta = ((TestProvider) instances.get("test-beta")).config;
    assertThat(instances.get("alpha-eu").id()).isEqualTo("test-alpha");
    assertThat(eu.instanceName()).isEqualTo("alpha-eu");
    assertThat(eu.require("api-token", null)).isEqualTo("token-eu");
    assertThat(eu.keys()).containsExactly("api-token"); // provider= is not a setting
    assertThat(us.require("api-token", null)).isEqualTo("token-us");
    assertThat(us.timeout()).hasSeconds(7);
    assertThat(us.keyName("timeout")).isEqualTo("invoicekit.alpha-us.timeout");
    assertThat(beta.instanceName()).isEqualTo("test-beta");
    assertThat(us.toString()).contains("instance=alpha-us").doesNotContain("token-us");
  }

  @Test void fromPropertiesAcceptsAnInstanceName() {
    Properties properties = properties(
        "invoicekit.provider", "alpha-eu",
        "invoicekit.alpha-eu.provider", "test-alpha",
        "invoicekit.alpha-eu.api-token", "token-eu");
    try (InvoiceProvider provider = InvoiceProviders.fromProperties(properties)) {
      assertThat(provider.id()).isEqualTo("test-alpha");
      assertThat(((TestProvider) provider).config.instanceName()).isEqualTo("alpha-eu");
    }
  }

  @Test void unknownProviderIdFailsNamingTheKey() {
    Properties properties = properties(
        "invoicekit.providers", "alpha-eu",
        "invoicekit.alpha-eu.provider", "nope",
        "invoicekit.alpha-eu.api-token", "t");
    assertThatThrownBy(() -> InvoiceProviders.instancesFromProperties(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.alpha-eu.provider: no InvoiceKit provider 'nope' on the class path;"
            + " available: [test-alpha, test-beta]")
        .satisfies(e -> assertThat(((ConfigurationException) e).key())
            .isEqualTo("invoicekit.alpha-eu.provider"));
  }

  @Test void aNameThatIsNeitherProviderNorInstanceFailsNamingTheList() {
    Properties properties = properties("invoicekit.providers", "test-alpha,mystery");
    assertThatThrownBy(() -> InvoiceProviders.instancesFromProperties(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.providers: no InvoiceKit provider 'mystery' on the class path, and no "
            + "instance of that name (invoicekit.mystery.provider is not set); available providers: "
            + "[test-alpha, test-beta]")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("invoicekit.providers"));
  }

  @Test void duplicateInstanceFailsNamingTheList() {
    Properties properties = properties("invoicekit.providers", "test-alpha, test-beta ,test-alpha");
    assertThatThrownBy(() -> InvoiceProviders.instanceNames(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.providers lists instance 'test-alpha' twice")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("invoicekit.providers"));
  }

  @Test void instanceNamedAfterAnotherProviderFails() {
    Properties properties = properties(
        "invoicekit.providers", "test-beta",
        "invoicekit.test-beta.provider", "test-alpha",
        "invoicekit.test-beta.api-token", "t");
    assertThatThrownBy(() -> InvoiceProviders.instanceConfigs(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'test-beta' is the id of another provider")
        .satisfies(e -> assertThat(((ConfigurationException) e).key())
            .isEqualTo("invoicekit.test-beta.provider"));
  }

  @Test void instanceWithoutSettingsFailsNamingIt() {
    Properties properties = properties(
        "invoicekit.providers", "alpha-eu",
        "invoicekit.alpha-eu.provider", "test-alpha");
    assertThatThrownBy(() -> InvoiceProviders.instanceConfigs(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("instance 'alpha-eu' of provider 'test-alpha' has no settings: set its "
            + "credentials under invoicekit.alpha-eu.")
        .satisfies(e -> assertThat(((ConfigurationException) e).key())
            .isEqualTo("invoicekit.alpha-eu.provider"));
  }

  @Test void malformedNamesAndMissingListFail() {
    assertThatThrownBy(() -> InvoiceProviders.instanceNames(properties()))
        .isInstanceOf(ConfigurationException.class).hasMessage("invoicekit.providers is not set");
    assertThatThrownBy(() -> InvoiceProviders.instanceNames(properties("invoicekit.providers", "a,,b")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("empty name");
    assertThatThrownBy(() -> InvoiceProviders.instanceNames(properties("invoicekit.providers", "a.b")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("not an instance name");
  }

  @Test void aBadSettingNamesTheInstanceKey() {
    Properties properties = properties(
        "invoicekit.providers", "test-beta,alpha-eu",
        "invoicekit.test-beta.api-token", "t",
        "invoicekit.alpha-eu.provider", "test-alpha",
        "invoicekit.alpha-eu.timeout", "5s");
    assertThatThrownBy(() -> InvoiceProviders.instancesFromProperties(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.alpha-eu.api-token is not set");
  }

  @Test void namedInstancesReadNoEnvironmentFallback() {
    ProviderConfig named = ProviderConfig.builder("test-alpha").instanceName("alpha-eu")
        .environment(Map.of("ALPHA_TOKEN", "from-env")::get).build();
    ProviderConfig plain = ProviderConfig.builder("test-alpha")
        .environment(Map.of("ALPHA_TOKEN", "from-env")::get).build();
    assertThat(named.get("api-token", "ALPHA_TOKEN")).isEmpty();
    assertThat(plain.get("api-token", "ALPHA_TOKEN")).contains("from-env");
    assertThatThrownBy(() -> named.require("api-token", "ALPHA_TOKEN"))
        .hasMessageStartingWith("invoicekit.alpha-eu.api-token is not set");
  }
}
