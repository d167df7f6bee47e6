package dev.invoicekit.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a DATE option: {@code 2026-07-01} (UTC midnight) or an ISO instant
 * ({@code 2026-07-01T12:00:00Z}, or with an offset).
 */
final class DateConverter implements ITypeConverter<Instant> {
  @Override public Instant convert(String value) {
    String text = value.trim();
    try {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notAnInstant) {
        throw new TypeConversionException("'" + value
            + "' is not a date (2026-07-01) or an ISO instant (2026-07-01T00:00:00Z)");
      }
    }
  }
}
