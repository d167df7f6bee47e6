package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@link SandboxOptions#port()}: a fixed loopback port, for sandboxes other programs are pointed at. */
final class SandboxPortTest {
  @Test void defaultIsAFreePort() {
    assertThat(SandboxOptions.defaults().port()).isZero();
    try (Sandbox sandbox = TestVendorSandbox.start(SandboxOptions.defaults())) {
      assertThat(URI.create(sandbox.baseUrl()).getPort()).isPositive();
    }
  }

  @Test void aTakenPortFailsToStartNamingTheSandbox() {
    try (Sandbox first = TestVendorSandbox.start(SandboxOptions.defaults())) {
      int taken = URI.create(first.baseUrl()).getPort();
      SandboxOptions options = SandboxOptions.builder().port(taken).build();

      assertThat(options.port()).isEqualTo(taken);
      assertThat(options.newBuilder().build().port()).isEqualTo(taken);
      assertThat(options.toString()).contains("port=" + taken);
      assertThatThrownBy(() -> TestVendorSandbox.start(options))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("test-vendor");
    }
  }

  @Test void aFixedPortIsTheOneBound() {
    int port;
    try (Sandbox probe = TestVendorSandbox.start(SandboxOptions.defaults())) {
      port = URI.create(probe.baseUrl()).getPort(); // free a moment ago, never connected to
    }
    try (Sandbox sandbox = TestVendorSandbox.start(SandboxOptions.builder().port(port).build())) {
      assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/test/v1/");
    }
  }

  @Test void portOutOfRangeIsRejected() {
    assertThatThrownBy(() -> SandboxOptions.builder().port(65536))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("port not in 0..65535: 65536");
    assertThatThrownBy(() -> SandboxOptions.builder().port(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
