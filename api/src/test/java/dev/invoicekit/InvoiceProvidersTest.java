package dev.invoicekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InvoiceProvidersTest {
  @Test void discoversFactoriesWithServiceLoader() {
    assertThat(InvoiceProviders.available()).containsExactly("test-alpha", "test-beta");
    assertThat(InvoiceProviders.factory("test-alpha").description()).isEqualTo("test provider test-alpha");
  }

  @Test void createsTheProviderWithItsConfig() {
    ProviderConfig config = ProviderConfig.builder("test-alpha").set("api-token", "t").build();
    try (InvoiceProvider provider = InvoiceProviders.create("test-alpha", config)) {
      assertThat(provider.id()).isEqualTo("test-alpha");
      assertThat(((TestProvider) provider).config).isSameAs(config);
    }
  }

  @Test void unknownIdFailsListingTheAvailableIds() {
    assertThatThrownBy(() -> InvoiceProviders.create("nope", ProviderConfig.builder("nope").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no InvoiceKit provider 'nope' on the class path; available: [test-alpha, test-beta]");
  }

  @Test void configForAnotherProviderIsRejected() {
    assertThatThrownBy(() -> InvoiceProviders.create("test-alpha", ProviderConfig.builder("test-beta").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'test-beta'");
  }

  @Test void twoFactoriesWithOneIdFail() {
    assertThatThrownBy(() -> InvoiceProviders.index(List.of(new TestFactories.Alpha(), new TestFactories.Alpha())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two InvoiceKit providers have the id 'test-alpha'");
  }

  @Test void fromPropertiesReadsTheProviderAndItsPrefixedKeys() {
    Properties properties = new Properties();
    properties.setProperty("invoicekit.provider", " test-beta ");
    properties.setProperty("invoicekit.test-beta.api-token", "secret-beta");
    properties.setProperty("invoicekit.test-beta.timeout", "5s");
    properties.setProperty("invoicekit.test-alpha.api-token", "secret-alpha");
    try (InvoiceProvider provider = InvoiceProviders.fromProperties(properties)) {
      ProviderConfig config = ((TestProvider) provider).config;
      assertThat(provider.id()).isEqualTo("test-beta");
      assertThat(config.require("api-token", null)).isEqualTo("secret-beta");
      assertThat(config.timeout()).hasSeconds(5);
      assertThat(config.keys()).containsExactlyInAnyOrder("api-token", "timeout");
    }
  }

  @Test void fromPropertiesWithoutProviderFailsNamingTheKey() {
    assertThatThrownBy(() -> InvoiceProviders.fromProperties(new Properties()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("invoicekit.provider is not set")
        .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("invoicekit.provider"));
  }

  @Test void factoryErrorsReachTheCaller() {
    Properties properties = new Properties();
    properties.setProperty("invoicekit.provider", "test-alpha");
    assertThatThrownBy(() -> InvoiceProviders.fromProperties(properties))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("invoicekit.test-alpha.api-token is not set");
  }

  /** Test factories registered in src/test/resources/META-INF/services. */
  public static final class TestFactories {
    private TestFactories() {}

    abstract static class Base implements InvoiceProviderFactory {
      @Override public InvoiceProvider create(ProviderConfig config) {
        config.require("api-token", null);
        return new TestProvider(id(), config);
      }

      @Override public String description() {
        return "test provider " + id();
      }
    }

    public static final class Alpha extends Base {
      @Override public String id() { return "test-alpha"; }
      @Override public Set<String> publicKeys() { return Set.of("account-id", "region"); }
    }

    public static final class Beta extends Base {
      @Override public String id() { return "test-beta"; }
    }
  }

  static final class TestProvider implements InvoiceProvider {
    final String id;
    final ProviderConfig config;

    TestProvider(String id, ProviderConfig config) {
      this.id = id;
      this.config = config;
    }

    @Override public String id() { return id; }
    @Override public Page<Invoice> list(InvoiceQuery query) { return Page.of(List.of(), null); }
    @Override public Stream<Invoice> stream(InvoiceQuery query) { return Stream.empty(); }
    @Override public Optional<Invoice> get(String invoiceId) { return Optional.empty(); }
    @Override public Invoice preview(PreviewRequest request) { throw new UnsupportedOperationException(); }
    @Override public void close() {}
  }
}
