package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

final class DateConverterTest {
  private final DateConverter converter = new DateConverter();

  @Test void dateIsUtcMidnight() {
    assertThat(converter.convert("2026-07-01")).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
  }

  @Test void isoInstantsWithZoneOrOffset() {
    assertThat(converter.convert("2026-07-01T12:30:00Z")).isEqualTo(Instant.parse("2026-07-01T12:30:00Z"));
    assertThat(converter.convert("2026-07-01T02:00:00+02:00")).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
  }

  @Test void anythingElseIsRejectedWithTheAcceptedForms() {
    assertThatThrownBy(() -> converter.convert("2026-13-01"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'2026-13-01'")
        .hasMessageContaining("2026-07-01T00:00:00Z");
    assertThatThrownBy(() -> converter.convert("July 1st")).isInstanceOf(TypeConversionException.class);
  }
}
