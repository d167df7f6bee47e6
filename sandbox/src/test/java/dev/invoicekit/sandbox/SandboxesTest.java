package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SandboxesTest {
  @Test void unknownIdFailsListingTheAvailableIds() {
    assertThatThrownBy(() -> Sandboxes.start("nope", SandboxOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("available: [")
        .hasMessageContaining("test-vendor");
  }

  @Test void findsFactoriesWithServiceLoader() {
    assertThat(Sandboxes.available()).contains("test-vendor");
    try (Sandbox sandbox = Sandboxes.start("test-vendor", SandboxOptions.builder().invoices(3).build())) {
      assertThat(sandbox.providerId()).isEqualTo("test-vendor");
      assertThat(sandbox.dataset().size()).isEqualTo(3);
      assertThat(sandbox.baseUrl()).startsWith("http://");
    }
  }

  @Test void zeroFactoriesIndexToNothing() {
    assertThat(Sandboxes.index(List.of())).isEmpty();
  }

  @Test void twoFactoriesWithOneIdFail() {
    SandboxFactory one = new TestVendorSandbox.Factory();
    SandboxFactory two = new TestVendorSandbox.Factory();
    assertThatThrownBy(() -> Sandboxes.index(List.of(one, two)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'test-vendor'");
  }
}
