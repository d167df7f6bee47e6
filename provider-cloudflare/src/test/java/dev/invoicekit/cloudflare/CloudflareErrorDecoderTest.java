package dev.invoicekit.cloudflare;

import static dev.invoicekit.cloudflare.CloudflareMapperTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.http.VendorError;
import org.junit.jupiter.api.Test;

final class CloudflareErrorDecoderTest {
  private final CloudflareErrorDecoder decoder = new CloudflareErrorDecoder();

  @Test void readsTheFirstCodeAndEveryMessage() {
    assertThat(decoder.decode(400, "application/json", fixture("success-false.json")))
        .isEqualTo(new VendorError("Could not route to /accounts/x/ai-gateway/billing/invoice-history,"
            + " perhaps your object identifier is invalid?; No route for that URI", "7003"));
    assertThat(decoder.decode(401, "application/json", fixture("error-401.json")))
        .isEqualTo(new VendorError("Authentication error", "10000"));
  }

  @Test void keepsAStringCodeAndSkipsMalformedEntries() {
    String body = "{\"errors\":[\"oops\",{\"code\":\"rate_limited\",\"message\":{\"nested\":1}},"
        + "{\"message\":\"slow down\"}]}";

    assertThat(decoder.decode(429, null, body)).isEqualTo(new VendorError("slow down", "rate_limited"));
  }

  @Test void saysNothingAboutBodiesThatAreNotTheEnvelope() {
    assertThat(decoder.decode(502, "text/html", fixture("error-502.html"))).isNull();
    assertThat(decoder.decode(500, null, "")).isNull();
    assertThat(decoder.decode(500, "application/json", "{\"errors\":[]}")).isNull();
    assertThat(decoder.decode(500, "application/json", "{\"errors\":")).isNull();
    assertThat(decoder.decode(500, "application/json", "[1,2]")).isNull();
    assertThat(decoder.decode(500, "application/json", "{\"error\":\"Internal\"}")).isNull();
  }
}
