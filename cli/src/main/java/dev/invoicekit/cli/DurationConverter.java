package dev.invoicekit.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a DURATION option: {@code 25ms}, {@code 2s}, {@code 1m}, {@code 0}, or ISO-8601 ({@code PT0.5S}). */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m)?");

  @Override public Duration convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT.matcher(text);
    try {
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        if (unit == null && amount != 0) throw notADuration(value); // "25": of what?
        if (unit == null || unit.equals("ms")) return Duration.ofMillis(amount);
        return unit.equals("s") ? Duration.ofSeconds(amount) : Duration.ofMinutes(amount);
      }
      Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
      if (duration.isNegative()) throw notADuration(value);
      return duration;
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw notADuration(value);
    }
  }

  private static TypeConversionException notADuration(String value) {
    return new TypeConversionException("'" + value
        + "' is not a duration (25ms, 2s, 1m or ISO-8601 like PT0.5S)");
  }
}
