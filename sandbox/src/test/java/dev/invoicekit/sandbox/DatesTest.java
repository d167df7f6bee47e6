package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class DatesTest {
  @Test void parsesDatesAsTheirStartInUtc() {
    assertThat(Dates.parseInstant("billing_start_date", "2023-01-01"))
        .isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
  }

  @Test void parsesDateTimesWithOffsetsAndFractions() {
    assertThat(Dates.parseInstant("t", "2026-07-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(Dates.parseInstant("t", "2026-08-01T06:12:09.482913Z"))
        .isEqualTo(Instant.parse("2026-08-01T06:12:09.482913Z"));
    assertThat(Dates.parseInstant("t", "2026-08-01T08:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-08-01T06:00:00Z"));
  }

  @Test void badDateIsABadRequestNamingTheParameter() {
    assertThatThrownBy(() -> Dates.parseInstant("period_start_gte", "yesterday"))
        .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("period_start_gte")
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> Dates.parseInstant("t", "2026-13-01"))
        .isInstanceOf(SandboxException.class);
  }

  @Test void startOfDayIsMidnightUtc() {
    assertThat(Dates.startOfDay(LocalDate.of(2026, 10, 1)))
        .isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
  }
}
