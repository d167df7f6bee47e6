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
  private static ProviderConfig.Builder fastly() {
    return ProviderConfig.builder("fastly").environment(Map.<String, String>of()::get);
  }

  @Test void defaults() {
    ProviderConfig config = fastly().build();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxRetries()).isEqualTo(3);
    assertThat(config.maxConcurrency()).isEqualTo(4);
    assertThat(config.pageSize()).isEmpty();
    assertThat(config.baseUrl("https://api.fastly.com")).isEqualTo(URI.create("https://api.fastly.com/"));
  }

  @Test void durationsAcceptShortFormsAndIso8601() {
    assertThat(fastly().set("timeout", "30s").build().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(fastly().set("timeout", "500ms").build().timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(fastly().set("timeout", "2m").build().timeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(fastly().set("timeout", "1h").build().timeout()).isEqualTo(Duration.ofHours(1));
    assertThat(fastly().set("timeout", "PT1M30S").build().timeout()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test void malformedSettingsFailNamingTheKey() {
    assertThatThrownBy(() -> fastly().set("timeout", "soon").build().timeout())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.fastly.timeout is not a duration: 'soon' (write 30s, 500ms, 2m or PT30S)")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("invoicekit.fastly.timeout"));
    assertThatThrownBy(() -> fastly().set("timeout", "0s").build().timeout())
        .hasMessageContaining("invoicekit.fastly.timeout must be positive");
    assertThatThrownBy(() -> fastly().set("max-retries", "three").build().maxRetries())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.fastly.max-retries is not a whole number: 'three'");
    assertThatThrownBy(() -> fastly().set("max-concurrency", "0").build().maxConcurrency())
        .hasMessage("invoicekit.fastly.max-concurrency must be between 1 and 64: 0");
    assertThatThrownBy(() -> fastly().set("page-size", "-1").build().pageSize())
        .hasMessageContaining("invoicekit.fastly.page-size must be between 1");
  }

  @Test void baseUrlRequiresHttpsUnlessLoopback() {
    assertThat(fastly().baseUrl("http://127.0.0.1:8080/api").build().baseUrl(null))
        .isEqualTo(URI.create("http://127.0.0.1:8080/api/"));
    assertThat(fastly().baseUrl("http://localhost:1/").build().baseUrl(null))
        .isEqualTo(URI.create("http://localhost:1/"));
    assertThat(fastly().baseUrl("http://[::1]:9/v1").build().baseUrl(null))
        .isEqualTo(URI.create("http://[::1]:9/v1/"));
    assertThatThrownBy(() -> fastly().baseUrl("http://api.fastly.com").build().baseUrl(null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("invoicekit.fastly.base-url must use https unless the host is loopback");
    assertThatThrownBy(() -> fastly().baseUrl("ftp://x").build().baseUrl(null))
        .hasMessageContaining("must be an absolute http(s) URL");
    assertThatThrownBy(() -> fastly().baseUrl("https://user:pw@example.com/").build().baseUrl(null))
        .hasMessageContaining("must not carry user info")
        .hasMessageNotContaining("pw");
    assertThatThrownBy(() -> fastly().baseUrl("not a url").build().baseUrl(null))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test void environmentIsTheFallbackForUnsetKeys() {
    ProviderConfig config = ProviderConfig.builder("fastly")
        .environment(Map.of("FASTLY_API_TOKEN", "env-token", "FLEX_URL", "https://eu.example/v1")::get)
        .build();
    assertThat(config.require("api-token", "FASTLY_API_TOKEN")).isEqualTo("env-token");
    assertThat(config.baseUrl("https://default/v1", "FLEX_URL")).isEqualTo(URI.create("https://eu.example/v1/"));
    assertThat(config.toBuilder().set("api-token", "set-token").build().require("api-token", "FASTLY_API_TOKEN"))
        .isEqualTo("set-token");
  }

  @Test void missingRequiredSettingNamesKeyAndVariable() {
    assertThatThrownBy(() -> fastly().build().require("api-token", "FASTLY_API_TOKEN"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.fastly.api-token is not set (nor the environment variable FASTLY_API_TOKEN)");
    assertThatThrownBy(() -> fastly().set("api-token", "  ").build().require("api-token", null))
        .hasMessage("invoicekit.fastly.api-token is not set");
  }

  @Test void toStringNeverShowsSecrets() {
    ProviderConfig config = ProviderConfig.builder("cloudflare")
        .set("api-token", "tok-SECRET-1").set("api-key", "key-SECRET-2").set("api-email", "me@SECRET.example")
        .set("account-id", "acc-123").set("timeout", "5s").baseUrl("https://api.cloudflare.com/client/v4")
        .build();
    assertThat(config.toString())
        .doesNotContain("SECRET")
        .contains("account-id=acc-123", "timeout=5s", "api-token=****", "base-url=https://api.cloudflare.com/client/v4");
  }

  @Test void fromPropertiesTakesOnlyThisProvidersKeys() {
    Properties properties = new Properties();
    properties.setProperty("invoicekit.fastly.api-token", "t");
    properties.setProperty("invoicekit.fastly.", "ignored");
    properties.setProperty("invoicekit.fastlyx.api-token", "other");
    properties.setProperty("invoicekit.provider", "fastly");
    assertThat(ProviderConfig.fromProperties("fastly", properties).keys()).containsExactly("api-token");
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
