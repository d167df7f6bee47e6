package dev.invoicekit.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.guice.FakeProviderFactory.FakeProvider;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InvoiceKitModuleTest {
  private static final Key<Map<String, InvoiceProvider>> MAP =
      Key.get(new TypeLiteral<Map<String, InvoiceProvider>>() {});

  @Test void bindsTheProviderNamedInProperties() {
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.provider", "alpha", "invoicekit.alpha.api-token", "a-token")));

    FakeProvider provider = (FakeProvider) injector.getInstance(InvoiceProvider.class);
    assertThat(provider.id()).isEqualTo("alpha");
    assertThat(provider.token).isEqualTo("a-token");
    assertThat(injector.getInstance(InvoiceProvider.class)).isSameAs(provider);
  }

  @Test void swappingTheVendorIsAChangeOfProperties() {
    Properties properties = properties(
        "invoicekit.provider", "alpha",
        "invoicekit.alpha.api-token", "a-token",
        "invoicekit.beta.api-token", "b-token");
    assertThat(Guice.createInjector(new InvoiceKitModule(properties))
        .getInstance(InvoiceProvider.class).id()).isEqualTo("alpha");

    properties.setProperty("invoicekit.provider", "beta");
    FakeProvider beta = (FakeProvider) Guice.createInjector(new InvoiceKitModule(properties))
        .getInstance(InvoiceProvider.class);
    assertThat(beta.id()).isEqualTo("beta");
    assertThat(beta.token).isEqualTo("b-token");
  }

  @Test void bindsAMapOfProvidersInTheOrderGiven() {
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.providers", "beta, alpha",
        "invoicekit.alpha.api-token", "a-token",
        "invoicekit.beta.api-token", "b-token")));

    Map<String, InvoiceProvider> providers = injector.getInstance(MAP);
    assertThat(providers.keySet()).containsExactly("beta", "alpha");
    assertThat(providers.get("alpha").id()).isEqualTo("alpha");
    assertThat(providers.get("beta").id()).isEqualTo("beta");
  }

  @Test void singleAndMapBindingsShareOneInstance() {
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.provider", "alpha",
        "invoicekit.providers", "alpha,beta",
        "invoicekit.alpha.api-token", "a-token",
        "invoicekit.beta.api-token", "b-token")));

    assertThat(injector.getInstance(InvoiceProvider.class)).isSameAs(injector.getInstance(MAP).get("alpha"));
  }

  @Test void unknownProviderFailsAtInjectorCreationListingTheAvailableOnes() {
    assertThatThrownBy(() -> Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.provider", "nope"))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("no InvoiceKit provider 'nope'")
        .hasMessageContaining("[alpha, beta]");
  }

  @Test void noProviderPropertyFails() {
    assertThatThrownBy(() -> Guice.createInjector(new InvoiceKitModule(new Properties())))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("invoicekit.provider");
  }

  @Test void missingSettingFailsNamingTheKeyInProductionStage() {
    assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, new InvoiceKitModule(properties(
        "invoicekit.provider", "alpha"))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("invoicekit.alpha.api-token is not set");
  }

  @Test void missingSettingFailsNamingTheKeyOnInjection() {
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.provider", "alpha")));
    assertThatThrownBy(() -> injector.getInstance(InvoiceProvider.class))
        .isInstanceOf(ProvisionException.class)
        .hasMessageContaining("invoicekit.alpha.api-token is not set");
  }

  @Test void propertiesAreCopied() {
    Properties properties = properties("invoicekit.provider", "alpha", "invoicekit.alpha.api-token", "t");
    InvoiceKitModule module = new InvoiceKitModule(properties);
    properties.setProperty("invoicekit.provider", "beta");
    assertThat(Guice.createInjector(module).getInstance(InvoiceProvider.class).id()).isEqualTo("alpha");
  }

  @Test void bindsInstancesOfOneProviderByInstanceName() {
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.provider", "alpha-us",
        "invoicekit.providers", "alpha-eu,alpha-us,beta",
        "invoicekit.alpha-eu.provider", "alpha",
        "invoicekit.alpha-eu.api-token", "eu-token",
        "invoicekit.alpha-us.provider", "alpha",
        "invoicekit.alpha-us.api-token", "us-token",
        "invoicekit.beta.api-token", "b-token")));

    Map<String, InvoiceProvider> providers = injector.getInstance(MAP);
    assertThat(providers.keySet()).containsExactly("alpha-eu", "alpha-us", "beta");
    assertThat(providers.get("alpha-eu").id()).isEqualTo("alpha");
    assertThat(((FakeProvider) providers.get("alpha-eu")).token).isEqualTo("eu-token");
    assertThat(((FakeProvider) providers.get("alpha-us")).token).isEqualTo("us-token");
    assertThat(injector.getInstance(InvoiceProvider.class)).isSameAs(providers.get("alpha-us"));
  }

  @Test void singleProviderMayBeAnInstanceOutsideTheMap() {
    FakeProvider provider = (FakeProvider) Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.provider", "alpha-eu",
        "invoicekit.alpha-eu.provider", "alpha",
        "invoicekit.alpha-eu.api-token", "eu-token"))).getInstance(InvoiceProvider.class);
    assertThat(provider.id()).isEqualTo("alpha");
    assertThat(provider.token).isEqualTo("eu-token");
  }

  @Test void badInstancesFailAtInjectorCreationNamingTheKey() {
    assertThatThrownBy(() -> Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.providers", "alpha,beta,alpha"))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("invoicekit.providers lists instance 'alpha' twice");
    assertThatThrownBy(() -> Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.providers", "alpha-eu",
        "invoicekit.alpha-eu.provider", "gamma",
        "invoicekit.alpha-eu.api-token", "t"))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("invoicekit.alpha-eu.provider: no InvoiceKit provider 'gamma'");
    assertThatThrownBy(() -> Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.providers", "alpha-eu",
        "invoicekit.alpha-eu.provider", "alpha"))))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("instance 'alpha-eu' of provider 'alpha' has no settings");
  }

  @Test void aBadSettingOfOneInstanceNamesItsKey() {
    Injector injector = Guice.createInjector(new InvoiceKitModule(properties(
        "invoicekit.providers", "beta,alpha-eu",
        "invoicekit.beta.api-token", "b",
        "invoicekit.alpha-eu.provider", "alpha",
        "invoicekit.alpha-eu.timeout", "5s")));
    assertThatThrownBy(() -> injector.getInstance(MAP))
        .isInstanceOf(ProvisionException.class)
        .hasMessageContaining("invoicekit.alpha-eu.api-token is not set");
  }

  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
