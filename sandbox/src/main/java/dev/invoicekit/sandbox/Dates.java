package dev.invoicekit.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the dates and times vendors accept in query parameters and request bodies. */
public final class Dates {
  private Dates() {}

  /**
   * Returns the instant {@code text} names: an ISO-8601 date ({@code 2026-07-01}, meaning its
   * start in UTC) or an RFC 3339 date-time with {@code Z} or an offset, and optional fractional
   * seconds ({@code 2026-08-01T06:12:09.482913Z}, {@code 2026-08-01T08:00:00+02:00}).
   *
   * @param name the parameter's name, for the error message
   * @throws SandboxException with status 400 if {@code text} is neither
   */
  public static Instant parseInstant(String name, String text) {
    String trimmed = text.trim();
    try {
      if (trimmed.length() == 10) {
        return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException e) {
      throw new SandboxException(400, "'" + name + "' is not an ISO-8601 date or date-time: '"
          + text + "'");
    }
  }

  /** Returns the start of {@code date} in UTC. */
  public static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
