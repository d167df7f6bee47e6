package dev.invoicekit.focus;

import java.math.BigDecimal;
import java.util.Locale;

/** Vendor units as FOCUS UnitFormat wants them: {@code images} → {@code Images}, {@code 10k requests} → {@code 10000 Requests}. */
final class Units {
  /** The unit of a line that has a quantity but no unit. */
  static final String UNITS = "Units";
  /** The unit of a line without a quantity, counted as 1 (FOCUS SaaS example A1). */
  static final String COUNT = "Count";

  private Units() {}

  /** Returns {@code unit} in UnitFormat; null when blank. */
  static String format(String unit) {
    if (unit == null || unit.isBlank()) return null;
    StringBuilder result = new StringBuilder();
    for (String word : unit.trim().split("\\s+")) {
      if (result.length() > 0) result.append(' ');
      result.append(word(word));
    }
    return result.toString();
  }

  private static String word(String word) {
    if (word.matches("\\d+[kK]")) {
      return new BigDecimal(word.substring(0, word.length() - 1)).movePointRight(3).toPlainString();
    }
    if (!word.matches("[a-z]+")) return word; // GB, KiB, 1000, already capitalized words
    String plural = word.endsWith("s") ? word : word + "s";
    return plural.substring(0, 1).toUpperCase(Locale.ROOT) + plural.substring(1);
  }
}
