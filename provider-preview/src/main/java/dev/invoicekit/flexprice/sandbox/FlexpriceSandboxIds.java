package dev.invoicekit.flexprice.sandbox;

import dev.invoicekit.sandbox.Dataset;
import java.time.Instant;

/**
 * Flexprice-style identifiers: a prefix and 26 ULID characters (Crockford base 32), 10 for a
 * 48-bit millisecond time and 16 for 80 "random" bits derived from the seed. The low 32 of those
 * bits carry a number (an invoice index, a customer), so an id decodes back without a lookup
 * table, and ids sort by their time like Flexprice's do.
 */
final class FlexpriceSandboxIds {
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final int ULID_LENGTH = 26;

  private FlexpriceSandboxIds() {}

  /**
   * Returns {@code prefix} and a ULID of {@code time} whose random part is derived from
   * {@code seed} and {@code salt}, and ends with the 32 bits of {@code number}.
   */
  static String id(String prefix, Instant time, long seed, long salt, int number) {
    long millis = Math.max(0, time.toEpochMilli()) & 0xFFFF_FFFF_FFFFL;
    long high = Dataset.mix(seed, salt) & 0xFFFF_FFFF_FFFFL; // 48 bits
    long low = number & 0xFFFF_FFFFL; // 32 bits
    char[] text = new char[ULID_LENGTH];
    // 48-bit time: 10 characters (the first carries 3 bits).
    for (int i = 9; i >= 0; i--) {
      text[i] = CROCKFORD[(int) (millis & 31)];
      millis >>>= 5;
    }
    // 80 bits of randomness: 48 high bits, then 32 low bits, as 16 characters of 5 bits.
    for (int i = ULID_LENGTH - 1; i >= 10; i--) {
      text[i] = CROCKFORD[(int) (low & 31)];
      low = (low >>> 5) | ((high & 31) << 27);
      high >>>= 5;
    }
    return prefix + new String(text);
  }

  /** Returns the number {@link #id} put in {@code id} after {@code prefix}, or -1 if it is not such an id. */
  static long number(String prefix, String id) {
    if (!id.startsWith(prefix) || id.length() != prefix.length() + ULID_LENGTH) return -1;
    long value = 0;
    // The last 32 bits are the last 6.4 characters: read the last 7 and keep 32 bits.
    for (int i = id.length() - 7; i < id.length(); i++) {
      int digit = digit(id.charAt(i));
      if (digit < 0) return -1;
      value = (value << 5) | digit;
    }
    for (int i = prefix.length(); i < id.length() - 7; i++) {
      if (digit(id.charAt(i)) < 0) return -1;
    }
    return value & 0xFFFF_FFFFL;
  }

  private static int digit(char c) {
    for (int i = 0; i < CROCKFORD.length; i++) {
      if (CROCKFORD[i] == c) return i;
    }
    return -1;
  }
}
