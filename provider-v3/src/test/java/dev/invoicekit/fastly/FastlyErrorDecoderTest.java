package dev.invoicekit.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.http.VendorError;
import org.junit.jupiter.api.Test;

final class FastlyErrorDecoderTest {
  private final FastlyErrorDecoder decoder = new FastlyErrorDecoder();

  @Test void readsTitleWithNumericStatus() {
    VendorError error = decoder.decode(404, "application/json",
        "{\"title\":\"requested id:INV-1 doesn't exist\",\"status\":404}");

    assertThat(error).isEqualTo(new VendorError("requested id:INV-1 doesn't exist", null));
  }

  @Test void readsTitleDetailAndCodeWithStringStatus() {
    VendorError error = decoder.decode(400, "application/problem+json",
        "{\"type\":\"https://www.fastly.com/errors/bad-limit\",\"title\":\"Bad request\","
            + "\"detail\":\"limit must be at most 200\",\"code\":\"invalid_limit\",\"status\":\"400\"}");

    assertThat(error).isEqualTo(
        new VendorError("Bad request: limit must be at most 200", "invalid_limit"));
  }

  @Test void usesTypeAsCodeWhenNoCode() {
    VendorError error = decoder.decode(422, null,
        "{\"type\":\"estimate_unavailable\",\"title\":\"Unprocessable\",\"status\":422}");

    assertThat(error).isEqualTo(new VendorError("Unprocessable", "estimate_unavailable"));
  }

  @Test void readsNumericCode() {
    VendorError error = decoder.decode(400, null, "{\"title\":\"Bad\",\"code\":1234}");

    assertThat(error).isEqualTo(new VendorError("Bad", "1234"));
  }

  @Test void readsMsgBody() {
    VendorError error = decoder.decode(401, "application/json",
        "{\"msg\":\"Provided credentials are missing or invalid\"}");

    assertThat(error).isEqualTo(new VendorError("Provided credentials are missing or invalid", null));
  }

  @Test void readsDetailAlone() {
    assertThat(decoder.decode(500, null, "{\"detail\":\"backend busy\"}"))
        .isEqualTo(new VendorError("backend busy", null));
  }

  @Test void readsPlainTextFirstLine() {
    VendorError error = decoder.decode(401, "text/plain",
        "  Provided credentials are missing or invalid\nsecond line\n");

    assertThat(error).isEqualTo(new VendorError("Provided credentials are missing or invalid", null));
  }

  @Test void readsHtmlTitle() {
    VendorError error = decoder.decode(503, "text/html",
        "<html><head><title>503 Service Unavailable</title></head><body>busy</body></html>");

    assertThat(error).isEqualTo(new VendorError("503 Service Unavailable", null));
  }

  @Test void htmlWithoutTitleSaysNothing() {
    assertThat(decoder.decode(502, "text/html", "<html><body>bad gateway</body></html>")).isNull();
  }

  @Test void brokenJsonIsReadAsText() {
    assertThat(decoder.decode(500, "application/json", "{\"title\":"))
        .isEqualTo(new VendorError("{\"title\":", null));
  }

  @Test void jsonWithoutKnownFieldsOrEmptyBodySaysNothing() {
    assertThat(decoder.decode(500, "application/json", "{\"status\":500}")).isNull();
    assertThat(decoder.decode(500, null, "")).isNull();
  }

  @Test void longTextIsAbbreviated() {
    VendorError error = decoder.decode(500, "text/plain", "x".repeat(1000));

    assertThat(error.message()).hasSize(203).endsWith("...");
  }
}
