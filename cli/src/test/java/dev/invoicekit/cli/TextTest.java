package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class TextTest {
  @Test void calendarMonthPeriodReadsAsTheMonth() {
    assertThat(Text.period(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")))
        .isEqualTo("2026-02");
  }

  @Test void otherPeriodsReadAsIsoIntervals() {
    assertThat(Text.period(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-15T00:00:00Z")))
        .isEqualTo("2026-02-01/2026-02-15");
    assertThat(Text.period(Instant.parse("2026-02-01T12:00:00Z"), null)).isEqualTo("2026-02-01T12:00:00Z/?");
    assertThat(Text.period(null, null)).isNull();
  }

  @Test void decimalsNeverUseExponents() {
    assertThat(Text.decimal(new BigDecimal("1.25E-7"))).isEqualTo("0.000000125");
    assertThat(Text.decimal(new BigDecimal("1E+3"))).isEqualTo("1000");
  }

  @Test void oneLineJoinsLines() {
    assertThat(Text.oneLine("a\r\n  b\nc")).isEqualTo("a b c");
  }
}
