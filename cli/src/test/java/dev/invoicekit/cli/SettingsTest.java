package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SettingsTest {
  @TempDir Path directory;

  @Test void providerFlagWinsOverConfigAndEnvironment() throws IOException {
    Path file = write("invoicekit.provider=cloudflare\n");
    Settings settings = Settings.load(file, Map.of(), Map.of("INVOICEKIT_PROVIDER", "flexprice"));

    assertThat(settings.providerId("fastly")).isEqualTo("fastly");
    assertThat(settings.providerId(null)).isEqualTo("cloudflare");
    assertThat(Settings.load(null, Map.of(), Map.of("INVOICEKIT_PROVIDER", " flexprice "))
        .providerId(null)).isEqualTo("flexprice");
  }

  @Test void noProviderChosenNamesTheWaysToChooseOne() {
    Settings settings = Settings.load(null, Map.of(), Map.of());

    assertThatThrownBy(() -> settings.providerId(" "))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--provider")
        .hasMessageContaining("INVOICEKIT_PROVIDER")
        .hasMessageContaining("available: [");
  }

  @Test void shortSetKeysBelongToTheConfiguredProviderAndWinOverTheFile() throws IOException {
    Path file = write("invoicekit.fastly.timeout=10s\ninvoicekit.fastly.page-size=20\n"
        + "invoicekit.cloudflare.page-size=30\n");
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("page-size", "5");
    sets.put("invoicekit.fastly.max-retries", "1");

    Settings settings = Settings.load(file, sets, Map.of());
    ProviderConfig fastly = settings.config("fastly");
    assertThat(fastly.pageSize()).hasValue(5);
    assertThat(fastly.timeout()).hasSeconds(10);
    assertThat(fastly.maxRetries()).isEqualTo(1);
  }

  @Test void fullSetKeysWinOverTheFile() throws IOException {
    Path file = write("invoicekit.provider=cloudflare\ninvoicekit.fastly.page-size=20\n");
    Settings settings = Settings.load(file,
        Map.of("invoicekit.provider", "fastly", "invoicekit.fastly.page-size", "7"), Map.of());

    assertThat(settings.providerId(null)).isEqualTo("fastly");
    assertThat(settings.config("fastly").pageSize()).hasValue(7);
  }

  @Test void environmentFallbacksReadOnlyTheGivenEnvironment() {
    Settings settings = Settings.load(null, Map.of(), Map.of("FASTLY_API_TOKEN", "from-the-map"));

    assertThat(settings.config("fastly").get("api-token", "FASTLY_API_TOKEN")).hasValue("from-the-map");
    assertThat(Settings.load(null, Map.of(), Map.of()).config("fastly").get("api-token", "PATH")).isEmpty();
  }

  @Test void missingConfigFileIsAConfigurationError() {
    Path missing = directory.resolve("nope.properties");

    assertThatThrownBy(() -> Settings.load(missing, Map.of(), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--config " + missing + ": no such file");
  }

  @Test void emptySetKeyIsAConfigurationError() {
    assertThatThrownBy(() -> Settings.load(null, Map.of("invoicekit.fastly.", "x"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not a setting name");
  }

  @Test void settingValuesNeverShowInTheConfigToString() {
    Settings settings = Settings.load(null, Map.of("api-token", "s3cr3t-t0ken"), Map.of());

    assertThat(settings.config("fastly").toString()).doesNotContain("s3cr3t-t0ken");
  }

  private Path write(String properties) throws IOException {
    return Files.writeString(directory.resolve("invoicekit.properties"), properties);
  }
}
