package dev.invoicekit.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts secrets (the credential header values) out of texts and cause chains, replacing each with
 * {@code ****}.
 *
 * <p>What is a secret: each credential header value, and each part of it at least
 * {@value #MIN_PART_LENGTH} characters long (split at blanks, {@code , ; : =}). The authentication
 * scheme of an {@code Authorization} value ({@code Bearer}, {@code Basic}) is an ordinary word, not
 * a secret. Where it is masked: a secret of at least {@value #ANYWHERE_LENGTH} characters wherever
 * it occurs; a shorter one (a one-character test key, say) only where it stands alone, not
 * touching a letter or digit, so that masking {@code k} never turns {@code unknown} into
 * {@code un****nown}.
 */
final class Redaction {
  static final String MASK = "****";
  private static final int MIN_PART_LENGTH = 6;
  /** A secret this long is masked even inside a word: no ordinary word holds a random token. */
  private static final int ANYWHERE_LENGTH = 12;
  /** Cause chains are followed this deep, no deeper (a chain can loop). */
  private static final int MAX_CAUSES = 32;

  private final List<String> secrets;

  /** The secrets of {@code headers}, credential header name to value. */
  Redaction(Map<String, String> headers) {
    Set<String> found = new LinkedHashSet<>();
    headers.forEach((name, value) -> {
      String credential = credential(name, value);
      if (credential.isEmpty()) return;
      found.add(value);
      found.add(credential);
      for (String part : credential.split("[\\s,;:=]+")) {
        if (part.length() >= MIN_PART_LENGTH) found.add(part);
      }
    });
    List<String> secrets = new ArrayList<>(found);
    secrets.remove("");
    secrets.sort((a, b) -> b.length() - a.length()); // Longest first: "Bearer x" before "x".
    this.secrets = List.copyOf(secrets);
  }

  /** The secret part of a header value: an Authorization value without its scheme word. */
  private static String credential(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    String trimmed = value.trim();
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      int space = trimmed.indexOf(' ');
      if (space > 0) return trimmed.substring(space + 1).trim();
    }
    return trimmed;
  }

  /** Returns {@code text} with every secret replaced by {@code ****}; null for null. */
  String redact(String text) {
    if (text == null) return null;
    String result = text;
    for (String secret : secrets) {
      result = mask(result, secret);
    }
    return result;
  }

  /** True if {@code text} holds a secret, where {@link #redact} would mask it. */
  boolean holdsSecret(String text) {
    if (text == null) return false;
    for (String secret : secrets) {
      if (find(text, secret, 0) >= 0) return true;
    }
    return false;
  }

  /**
   * Returns {@code t} itself if no message in its cause chain holds a secret; else a copy of the
   * chain in which each exception whose message holds one is replaced by a
   * {@link RedactedException} with the secret cut out.
   */
  Throwable redact(Throwable t) {
    if (t == null || !chainHoldsSecret(t)) return t;
    return redactChain(t, 0);
  }

  private boolean chainHoldsSecret(Throwable t) {
    int depth = 0;
    for (Throwable cause = t; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
      if (holdsSecret(cause.getMessage()) || holdsSecret(cause.toString())) return true;
    }
    return false;
  }

  private Throwable redactChain(Throwable t, int depth) {
    if (t == null || depth >= MAX_CAUSES) return null;
    Throwable cause = t.getCause() == t ? null : redactChain(t.getCause(), depth + 1);
    if (!holdsSecret(t.getMessage()) && !holdsSecret(t.toString()) && cause == t.getCause()) return t;
    String className = t instanceof RedactedException
        ? ((RedactedException) t).originalClass()
        : t.getClass().getName();
    return new RedactedException(className, redact(t.getMessage()), cause, t.getStackTrace());
  }

  private static String mask(String text, String secret) {
    int at = find(text, secret, 0);
    if (at < 0) return text;
    StringBuilder result = new StringBuilder(text.length());
    int from = 0;
    while (at >= 0) {
      result.append(text, from, at).append(MASK);
      from = at + secret.length();
      at = find(text, secret, from);
    }
    return result.append(text, from, text.length()).toString();
  }

  /** The index of the next occurrence of {@code secret} from {@code from} that is masked, or -1. */
  private static int find(String text, String secret, int from) {
    for (int at = text.indexOf(secret, from); at >= 0; at = text.indexOf(secret, at + 1)) {
      if (secret.length() >= ANYWHERE_LENGTH || standsAlone(text, at, at + secret.length())) {
        return at;
      }
    }
    return -1;
  }

  private static boolean standsAlone(String text, int start, int end) {
    return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
  }
}
