package dev.invoicekit.http;

import dev.invoicekit.spi.Quoting;

/**
 * What a vendor's error body says: its human-readable message and its error code, each nullable,
 * as safe to show as {@link Quoting} makes them.
 *
 * @param message the vendor's message, like {@code "Invalid token"}; null if it gave none
 * @param code the vendor's error code, like {@code "not_found"}; null if it gave none
 */
public record VendorError(String message, String code) {
  /** Cuts both texts to a readable length and escapes their control characters ({@link Quoting}). */
  public VendorError {
    message = Quoting.text(message);
    code = Quoting.excerpt(code);
  }
}
