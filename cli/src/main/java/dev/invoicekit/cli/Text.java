package dev.invoicekit.cli;

import dev.invoicekit.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** How values read in the table format; exact, never rounded. Nulls give null. */
final class Text {
  private Text() {}

  /** ISO-8601 UTC: {@code 2026-07-01T00:00:00Z}. */
  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** {@code 2026-07-01} for a UTC midnight, else the ISO instant. */
  static String instant(Instant instant) {
    if (instant == null) return null;
    ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
    return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : instant.toString();
  }

  /**
   * A half-open period: {@code 2026-07} when it is exactly that calendar month (UTC), else
   * {@code start/end} as an ISO-8601 interval, with {@code ?} for an unknown end.
   */
  static String period(Instant start, Instant end) {
    if (start == null && end == null) return null;
    if (start != null && end != null) {
      ZonedDateTime from = start.atZone(ZoneOffset.UTC);
      LocalDate day = from.toLocalDate();
      if (from.toLocalTime().equals(LocalTime.MIDNIGHT) && day.getDayOfMonth() == 1
          && day.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().equals(end)) {
        return YearMonth.from(day).toString();
      }
    }
    return (start == null ? "?" : instant(start)) + "/" + (end == null ? "?" : instant(end));
  }

  /** The canonical amount as plain decimal text: {@code 129.50}. */
  static String amount(Money money) {
    return money == null ? null : money.toPlainString();
  }

  /** Plain decimal text, never in exponent notation. */
  static String decimal(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  /** {@code text} on one line: line breaks become spaces. */
  static String oneLine(String text) {
    return text == null ? null : text.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
