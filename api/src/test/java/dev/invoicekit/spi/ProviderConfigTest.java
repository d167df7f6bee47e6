package dev.invoicekit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {
  private static ProviderConfig.Builder acme() {
    return ProviderConfig.builder("acme").environment(Map.<String, String>of()::get);
  }

  @Test void defaults() {
    ProviderConfig config = acme().build();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxRetries()).isEqualTo(3);
    assertThat(config.maxConcurrency()).isEqualTo(4);
    assertThat(config.pageSize()).isEmpty();
    assertThat(config.baseUrl("https://api.acme.com")).isEqualTo(URI.create("https://api.acme.com/"));
  }

  @Test void durationsAcceptShortFormsAndIso8601() {
    assertThat(acme().set("timeout", "30s").build().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(acme().set("timeout", "500ms").build().timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(acme().set("timeout", "2m").build().timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(acme().set("timeout", "1h").build().timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(acme().set("timeout", "PT1M30S").build().timeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test void malformedSettingsFailNamingTheKey() {
    assertThatThrownBy(() -> acme().set("timeout", "soon").build().timeout())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.acme.timeout is not a duration: 'soon' (write 30s, 500ms, 2m or PT30S)")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("invoicekit.acme.timeout"));
    assertThatThrownBy(() -> acme().set("timeout", "0s").build().timeout())
        .hasMessageContaining("invoicekit.acme.timeout must be positive");
    assertThatThrownBy(() -> acme().set("max-retries", "three").build().maxRetries())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.acme.max-retries is not a whole number: 'three'");
    assertThatThrownBy(() -> acme().set("max-concurrency", "0").build().maxConcurrency())
        .hasMessage("invoicekit.acme.max-concurrency must be between 1 and 64: 0");
    assertThatThrownBy(() -> acme().set("page-size", "-1").build().pageSize())
        .hasMessageContaining("invoicekit.acme.page-size must be between 1");
  }

  @Test void baseUrlRequiresHttpsUnlessLoopback() {
    assertThat(acme().baseUrl("http://127.0.0.1:8080/api").build().baseUrl(null))
        .isEqualTo(URI.create("http://127.0.0.1:8080/api/"));
    assertThat(acme().baseUrl("http://localhost:1/").build().baseUrl(null))
        .isEqualTo(URI.create("http://localhost:1/"));
    assertThat(acme().baseUrl("http://[::1]:9/v1").build().baseUrl(null))
        .isEqualTo(URI.create("http://[::1]:9/v1/"));
    assertThatThrownBy(() -> acme().baseUrl("http://api.acme.com").build().baseUrl(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("invoicekit.acme.base-url must use https unless the host is loopback");
    assertThatThrownBy(() -> acme().baseUrl("ftp://x").build().baseUrl(null))
        .hasMessageContaining("must be an absolute http(s) URL");
    assertThatThrownBy(() -> acme().baseUrl("https://user:pw@example.com/").build().baseUrl(null))
        .hasMessageContaining("must not carry user info")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> acme().baseUrl("not a url").build().baseUrl(null))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test void environmentIsTheFallbackForUnsetKeys() {
    ProviderConfig config = ProviderConfig.builder("acme")
        .environment(Map.of("ACME_API_TOKEN", "env-token", "FLEX_URL", "https://eu.example/v1")::get)
        .build();
    assertThat(config.require("api-token", "ACME_API_TOKEN")).isEqualTo("env-token");
    assertThat(config.baseUrl("https://default/v1", "FLEX_URL")).isEqualTo(URI.create("https://eu.example/v1/"));
    assertThat(config.toBuilder().set("api-token", "set-token").build().require("api-token", "ACME_API_TOKEN"))
        .isEqualTo("set-token");
  }

  @Test void missingRequiredSettingNamesKeyAndVariable() {
    assertThatThrownBy(() -> acme().build().require("api-token", "ACME_API_TOKEN"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.acme.api-token is not set (nor the environment variable ACME_API_TOKEN)");
    assertThatThrownBy(() -> acme().set("api-token", "  ").build().require("api-token", null))
        .hasMessage("invoicekit.acme.api-token is not set");
  }

  @Test void toStringShowsCommonKeysAndTheFactorysPublicKeysAndMasksEveryOther() {
    // test-alpha's factory (InvoiceProvidersTest.TestFactories.Alpha) declares account-id and region.
    ProviderConfig config = ProviderConfig.builder("test-alpha")
        .set("api-token", "tok-SECRET-1").set("api-key", "key-SECRET-2").set("api-email", "me@SECRET.example")
        .set("client-secret", "SECRET-3").set("account-id", "acc-123").set("region", "eu")
        .set("timeout", "5s").set("max-retries", "2").set("max-concurrency", "3").set("page-size", "10")
        .set("max-response-size", "1MiB").set("retry-base-delay", "10ms")
        .baseUrl("https://api.acme.example/v1")
        .build();
    assertThat(config.toString())
        .doesNotContain("SECRET")
        .isEqualTo("ProviderConfig{provider=test-alpha, account-id=acc-123, api-email=****,"
            + " api-key=****, api-token=****, base-url=https://api.acme.example/v1, client-secret=****,"
            + " max-concurrency=3, max-response-size=1MiB, max-retries=2, page-size=10, region=eu,"
            + " retry-base-delay=10ms, timeout=5s}");
  }

  @Test void toStringMasksProviderKeysTheFactoryDoesNotDeclare() {
    // test-beta's factory declares no public key: account-id is only another setting to mask.
    ProviderConfig config = ProviderConfig.builder("test-beta")
        .set("account-id", "acc-SECRET").set("api-token", "tok-SECRET").set("timeout", "5s").build();
    assertThat(config.toString())
        .doesNotContain("SECRET")
        .isEqualTo("ProviderConfig{provider=test-beta, account-id=****, api-token=****, timeout=5s}");
  }

  @Test void toStringOfAProviderNotOnTheClassPathMasksEveryProviderKey() {
    ProviderConfig config = ProviderConfig.builder("acme")
        .set("account-id", "acc-SECRET").set("region", "SECRET-eu").baseUrl("https://api.acme.example")
        .build();
    assertThat(config.toString())
        .doesNotContain("SECRET")
        .isEqualTo("ProviderConfig{provider=acme, account-id=****, base-url=https://api.acme.example,"
            + " region=****}");
  }

  @Test void fromPropertiesTakesOnlyThisProvidersKeys() {
    Properties properties = new Properties();
    properties.setProperty("invoicekit.acme.api-token", "t");
    properties.setProperty("invoicekit.acme.", "ignored");
    properties.setProperty("invoicekit.acmex.api-token", "other");
    properties.setProperty("invoicekit.provider", "acme");
    assertThat(ProviderConfig.fromProperties("acme", properties).keys()).containsExactly("api-token");
  }

  @Test void loopbackHosts() {
    assertThat(ProviderConfig.isLoopback("127.0.0.1")).isTrue();
    assertThat(ProviderConfig.isLoopback("127.10.0.2")).isTrue();
    assertThat(ProviderConfig.isLoopback("localhost")).isTrue();
    assertThat(ProviderConfig.isLoopback("[::1]")).isTrue();
    assertThat(ProviderConfig.isLoopback("127.0.0.1.evil.com")).isFalse();
    assertThat(ProviderConfig.isLoopback("10.0.0.1")).isFalse();
    assertThat(ProviderConfig.isLoopback("localhost.evil.com")).isFalse();
  }
}
