package dev.invoicekit.fastly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.spi.ProviderConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FastlyInvoiceProviderFactoryTest {
  private static final String TOKEN = "fastly-secret-0b5a";
  private final FastlyInvoiceProviderFactory factory = new FastlyInvoiceProviderFactory();

  private static ProviderConfig.Builder config(Map<String, String> environment) {
    return ProviderConfig.builder("fastly").environment(environment::get);
  }

  @Test void describesItself() {
    assertThat(factory.id()).isEqualTo("fastly");
    assertThat(factory.description())
        .isEqualTo("Fastly Invoices API: list (cursor), get, preview (month-to-date)");
    assertThat(InvoiceProviders.available()).contains("fastly");
  }

  @Test void missingCredentialNamesEnvironmentVariable() {
    assertThat(factory.missingCredential(config(Map.of()).build())).contains("FASTLY_API_TOKEN");
    assertThat(factory.missingCredential(config(Map.of()).set("api-token", " ").build()))
        .contains("FASTLY_API_TOKEN");
    assertThat(factory.missingCredential(config(Map.of()).set("api-token", TOKEN).build())).isEmpty();
    assertThat(factory.missingCredential(config(Map.of("FASTLY_API_TOKEN", TOKEN)).build())).isEmpty();
  }

  @Test void createReadsTokenFromEnvironmentAndDefaultsToFastlyApi() {
    try (InvoiceProvider provider = InvoiceProviders.create("fastly",
        config(Map.of("FASTLY_API_TOKEN", TOKEN)).build())) {
      assertThat(provider.id()).isEqualTo("fastly");
      assertThat(provider.toString()).isEqualTo("FastlyInvoiceProvider{baseUrl=https://api.fastly.com/}");
    }
  }

  @Test void createWithoutTokenNamesKeyAndVariable() {
    assertThatThrownBy(() -> factory.create(config(Map.of()).build()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.fastly.api-token");
          assertThat(e.getMessage()).contains("FASTLY_API_TOKEN");
        });
  }

  @Test void createRejectsEachMalformedSettingByName() {
    Map<String, String> bad = Map.of(
        "base-url", "http://api.fastly.com",
        "page-size", "201",
        "timeout", "soon",
        "max-retries", "11",
        "max-concurrency", "0");
    bad.forEach((key, value) -> assertThatThrownBy(() -> factory.create(
            config(Map.of()).set("api-token", TOKEN).set(key, value).build()))
        .as(key)
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.fastly." + key);
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        }));
  }

  @Test void tokenThatCannotBeAHeaderFailsNamingTheKeyWithoutShowingIt() {
    assertThatThrownBy(() -> factory.create(config(Map.of()).set("api-token", TOKEN + "\nX-Evil: 1").build()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.key()).isEqualTo("invoicekit.fastly.api-token");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test void pageSizeZeroIsRejected() {
    assertThatThrownBy(() -> factory.create(
            config(Map.of()).set("api-token", TOKEN).set("page-size", "0").build()))
        .isInstanceOfSatisfying(ConfigurationException.class,
            e -> assertThat(e.key()).isEqualTo("invoicekit.fastly.page-size"));
  }
}
