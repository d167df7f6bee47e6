package dev.invoicekit.spi;

/**
 * Makes a vendor's value safe to show in a message: cut to a readable length and with its control
 * characters escaped, so that a 100 KB field is not echoed whole and a terminal escape sequence a
 * vendor sends never reaches a user's terminal. Every message that quotes a value from a vendor's
 * answer (a field, a page token, an error text) goes through here.
 *
 * <p>Escaped as {@code \}{@code uXXXX}: ISO control characters ({@code U+0000}–{@code U+001F},
 * {@code U+007F}–{@code U+009F}), the line and paragraph separators, the bidirectional formatting
 * characters ({@code U+200E}, {@code U+200F}, {@code U+202A}–{@code U+202E},
 * {@code U+2066}–{@code U+2069}) and lone surrogates; and the backslash itself as
 * {@code \\}, so that an escape in the output always means one. A value longer than
 * {@value #MAX_CHARS} characters keeps its first {@value #MAX_CHARS} and ends with
 * {@code …(N chars)}, N its full length.
 */
public final class Quoting {
  /** The most characters of a value a message shows. */
  public static final int MAX_CHARS = 80;
  /** The most characters of a vendor's own message (an error text) a message shows. */
  public static final int MAX_TEXT_CHARS = 500;

  private Quoting() {}

  /**
   * Returns {@code value} between single quotes, {@linkplain #excerpt cut and escaped}; {@code null} unquoted.
   *
   * @param value the value to show; may be null
   * @return {@code 'value'} with its {@code toString()} cut and escaped, or {@code null}
   */
  public static String quote(Object value) {
    return value == null ? "null" : "'" + excerpt(value.toString()) + "'";
  }

  /**
   * Returns {@code text} cut to {@value #MAX_CHARS} characters (then {@code …(N chars)}) with its
   * control characters escaped; null for null.
   *
   * @param text the value to show; may be null
   * @return the cut and escaped text, or null
   */
  public static String excerpt(String text) {
    return excerpt(text, MAX_CHARS);
  }

  /**
   * Like {@link #excerpt(String)}, for a vendor's own message: cut to {@value #MAX_TEXT_CHARS}.
   *
   * @param text the vendor's message, like an error text; may be null
   * @return the cut and escaped text, or null
   */
  public static String text(String text) {
    return excerpt(text, MAX_TEXT_CHARS);
  }

  private static String excerpt(String text, int max) {
    if (text == null) return null;
    int length = text.length();
    int shown = Math.min(length, max);
    if (shown < length && Character.isHighSurrogate(text.charAt(shown - 1))) shown--;
    StringBuilder result = null;
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (needsEscape(text, i, c)) {
        if (result == null) result = new StringBuilder(shown + 16).append(text, 0, i);
        if (c == '\\') {
          result.append("\\\\");
        } else {
          result.append(String.format("\\u%04x", (int) c));
        }
      } else if (result != null) {
        result.append(c);
      }
    }
    String head = result != null ? result.toString() : text.substring(0, shown);
    return shown < length ? head + "…(" + length + " chars)" : head;
  }

  private static boolean needsEscape(String text, int i, char c) {
    if (c == '\\' || Character.isISOControl(c)) return true;
    if (c == '\u2028' || c == '\u2029' || c == '\u200e' || c == '\u200f') return true;
    if (c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') return true;
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
