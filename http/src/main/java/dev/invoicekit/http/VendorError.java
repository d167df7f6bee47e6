package dev.invoicekit.http;

/**
 * What a vendor's error body says: its human-readable message and its error code, each nullable.
 *
 * @param message the vendor's message, like {@code "Invalid token"}; null if it gave none
 * @param code the vendor's error code, like {@code "not_found"}; null if it gave none
 */
public record VendorError(String message, String code) {
}
