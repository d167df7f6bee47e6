package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

final class SandboxOptionsTest {
  @Test void defaultsAreDocumented() {
    SandboxOptions options = SandboxOptions.defaults();
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.invoices()).isEqualTo(120);
    assertThat(options.latency()).isEqualTo(Duration.ZERO);
    assertThat(options.faultPercent()).isZero();
    assertThat(options.faults()).isEqualTo(EnumSet.allOf(Fault.class));
    assertThat(options.retryAfterSeconds()).isEqualTo(1);
    assertThat(options.credential()).isEqualTo("sandbox-token");
    assertThat(options.rejectCredentials()).isFalse();
    assertThat(options.vendorOptions()).isEmpty();
    assertThat(options.linesPerInvoice()).isEmpty();
  }

  @Test void builderSetsEveryOption() {
    SandboxOptions options = SandboxOptions.builder()
        .seed(7)
        .invoices(1_000_000)
        .linesPerInvoice(200)
        .latency(Duration.ofMillis(25))
        .faultPercent(100)
        .faults(Fault.DISCONNECT, Fault.RATE_LIMIT)
        .retryAfterSeconds(0)
        .credential("secret-token")
        .rejectCredentials(true)
        .vendorOption("line-item-spelling", "pascal")
        .build();
    assertThat(options.seed()).isEqualTo(7);
    assertThat(options.invoices()).isEqualTo(1_000_000);
    assertThat(options.linesPerInvoice()).hasValue(200);
    assertThat(options.dataset().linesPerInvoice()).hasValue(200);
    assertThat(options.newBuilder().build().linesPerInvoice()).hasValue(200);
    assertThat(options.latency()).isEqualTo(Duration.ofMillis(25));
    assertThat(options.faultPercent()).isEqualTo(100);
    assertThat(options.faults()).containsExactly(Fault.RATE_LIMIT, Fault.DISCONNECT);
    assertThat(options.retryAfterSeconds()).isZero();
    assertThat(options.credential()).isEqualTo("secret-token");
    assertThat(options.rejectCredentials()).isTrue();
    assertThat(options.vendorOption("line-item-spelling", "snake")).isEqualTo("pascal");
    assertThat(options.vendorOption("absent", "fallback")).isEqualTo("fallback");
  }

  @Test void newBuilderDerivesAVariantAndLeavesTheOriginal() {
    SandboxOptions original = SandboxOptions.builder().seed(9).vendorOption("a", "1").build();
    SandboxOptions variant = original.newBuilder().faultPercent(30).vendorOption("b", "2").build();
    assertThat(variant.seed()).isEqualTo(9);
    assertThat(variant.faultPercent()).isEqualTo(30);
    assertThat(variant.vendorOptions()).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(original.faultPercent()).isZero();
    assertThat(original.vendorOptions()).containsOnlyKeys("a");
  }

  @Test void collectionsAreUnmodifiable() {
    SandboxOptions options = SandboxOptions.builder().vendorOption("a", "1").build();
    assertThatThrownBy(() -> options.faults().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> options.vendorOptions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test void badValuesFailNamingTheOption() {
    SandboxOptions.Builder builder = SandboxOptions.builder();
    assertThatThrownBy(() -> builder.invoices(-1)).hasMessageContaining("invoices");
    assertThatThrownBy(() -> builder.linesPerInvoice(0)).hasMessageContaining("linesPerInvoice");
    assertThatThrownBy(() -> builder.latency(Duration.ofMillis(-1))).hasMessageContaining("latency");
    assertThatThrownBy(() -> builder.faultPercent(101)).hasMessageContaining("faultPercent");
    assertThatThrownBy(() -> builder.faultPercent(-1)).hasMessageContaining("faultPercent");
    assertThatThrownBy(() -> builder.faults()).hasMessageContaining("faults is empty");
    assertThatThrownBy(() -> builder.retryAfterSeconds(-1)).hasMessageContaining("retryAfterSeconds");
    assertThatThrownBy(() -> builder.credential(" ")).hasMessageContaining("credential");
    assertThatThrownBy(() -> builder.credential(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("credential == null");
  }

  @Test void toStringShowsNoCredential() {
    SandboxOptions options = SandboxOptions.builder()
        .credential("tok-123456")
        .vendorOption("api-email", "billing@example.com")
        .vendorOption("line-item-spelling", "pascal")
        .build();
    assertThat(options.toString())
        .doesNotContain("tok-123456")
        .doesNotContain("billing@example.com")
        .contains("line-item-spelling=pascal")
        .contains("seed=42");
  }
}
