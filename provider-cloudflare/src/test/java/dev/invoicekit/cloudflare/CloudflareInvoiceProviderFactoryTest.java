package dev.invoicekit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CloudflareInvoiceProviderFactoryTest {
  static final String TOKEN = "cf-secret-token-Sn3lZJTBX6kkg7Od";
  static final String KEY = "cf-secret-global-key-144c9def";

  private final CloudflareInvoiceProviderFactory factory = new CloudflareInvoiceProviderFactory();

  private static ProviderConfig.Builder config() {
    return ProviderConfig.builder("cloudflare")
        .set("account-id", "023e105f4ecef8ad9ca31a8372d0c353")
        .set("api-token", TOKEN)
        .environment(name -> null);
  }

  private static ProviderConfig.Builder emptyConfig() {
    return ProviderConfig.builder("cloudflare").environment(name -> null);
  }

  @Test void serviceLoaderFindsTheFactory() {
    assertThat(InvoiceProviders.available()).contains("cloudflare");
    InvoiceProviderFactory found = InvoiceProviders.factory("cloudflare");
    assertThat(found).isInstanceOf(CloudflareInvoiceProviderFactory.class);
    assertThat(found.id()).isEqualTo("cloudflare");
    assertThat(found.description()).startsWith("Cloudflare AI Gateway billing").doesNotContain("\n");
  }

  @Test void createsAProviderWithTheDefaultBaseUrl() {
    try (InvoiceProvider provider = factory.create(config().build())) {
      assertThat(provider.id()).isEqualTo("cloudflare");
      assertThat(provider.toString())
          .isEqualTo("CloudflareInvoiceProvider{baseUrl=https://api.cloudflare.com/client/v4/}");
    }
  }

  @Test void configShowsTheAccountIdItDeclaresPublicAndMasksCredentials() {
    assertThat(factory.publicKeys()).containsExactly("account-id");
    ProviderConfig config = config().set("api-email", "me@example.com").set("api-key", KEY).build();

    assertThat(config.toString())
        .contains("account-id=023e105f4ecef8ad9ca31a8372d0c353", "api-token=****", "api-key=****",
            "api-email=****")
        .doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain("me@example.com");
  }

  @Test void missingCredentialNamesTheFirstMissingEnvironmentVariable() {
    assertThat(factory.missingCredential(emptyConfig().build())).contains("CLOUDFLARE_ACCOUNT_ID");
    assertThat(factory.missingCredential(emptyConfig().set("account-id", "a").build()))
        .contains("CLOUDFLARE_API_TOKEN");
    assertThat(factory.missingCredential(emptyConfig().set("account-id", "a").set("api-email", "e@x").build()))
        .contains("CLOUDFLARE_API_KEY");
    assertThat(factory.missingCredential(emptyConfig().set("account-id", "a").set("api-key", KEY).build()))
        .contains("CLOUDFLARE_EMAIL");
    assertThat(factory.missingCredential(config().build())).isEmpty();
    assertThat(factory.missingCredential(emptyConfig().set("account-id", "a")
        .set("api-email", "e@x").set("api-key", KEY).build())).isEmpty();
    Map<String, String> environment = Map.of("CLOUDFLARE_ACCOUNT_ID", "a", "CLOUDFLARE_API_TOKEN", TOKEN);
    assertThat(factory.missingCredential(emptyConfig().environment(environment::get).build()))
        .isEqualTo(Optional.empty());
  }

  @Test void missingAccountIdFailsNamingTheKey() {
    assertThatThrownBy(() -> factory.create(config().set("account-id", null).build()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.cloudflare.account-id");
          assertThat(e.getMessage()).contains("CLOUDFLARE_ACCOUNT_ID");
        });
  }

  @Test void missingTokenFailsNamingTheKey() {
    assertThatThrownBy(() -> factory.create(config().set("api-token", null).build()))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("invoicekit.cloudflare.api-token"));
  }

  @Test void emailWithoutKeyFailsNamingTheKey() {
    assertThatThrownBy(() -> factory.create(config().set("api-email", "e@example.com").build()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.cloudflare.api-key");
          assertThat(e.getMessage()).doesNotContain("e@example.com").doesNotContain(TOKEN);
        });
    assertThatThrownBy(() -> factory.create(config().set("api-key", KEY).build()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.cloudflare.api-email");
          assertThat(e.getMessage()).doesNotContain(KEY);
        });
  }

  @Test void credentialThatCannotBeAHeaderFailsWithoutShowingIt() {
    assertThatThrownBy(() -> factory.create(config().set("api-token", "abc\u0000" + TOKEN).build()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.cloudflare.api-token");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test void malformedSettingsFailNamingTheKey() {
    assertKey(config().set("page-size", "0"), "page-size");
    assertKey(config().set("page-size", "101"), "page-size");
    assertKey(config().set("page-size", "fifty"), "page-size");
    assertKey(config().set("timeout", "soon"), "timeout");
    assertKey(config().set("max-retries", "-1"), "max-retries");
    assertKey(config().set("max-concurrency", "0"), "max-concurrency");
    assertKey(config().set("base-url", "http://api.cloudflare.com/client/v4"), "base-url");
    assertKey(config().set("base-url", "not a url"), "base-url");
    assertKey(config().set("account-id", ".."), "account-id");
  }

  @Test void configIsForAnotherProvider() {
    assertThatThrownBy(() -> factory.create(ProviderConfig.builder("fastly").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertKey(ProviderConfig.Builder config, String key) {
    assertThatThrownBy(() -> factory.create(config.build()))
        .as(key)
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("invoicekit.cloudflare." + key));
  }
}
