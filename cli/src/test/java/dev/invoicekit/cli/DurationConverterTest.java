package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

final class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test void readsShortUnitsAndIso() {
    assertThat(converter.convert("25ms")).isEqualTo(Duration.ofMillis(25));
    assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(converter.convert("0")).isEqualTo(Duration.ZERO);
    assertThat(converter.convert("PT0.5S")).isEqualTo(Duration.ofMillis(500));
  }

  @Test void rejectsANumberWithoutUnitAndNegativeDurations() {
    assertThatThrownBy(() -> converter.convert("25")).isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'25' is not a duration");
    assertThatThrownBy(() -> converter.convert("PT-1S")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class);
  }
}
