package dev.invoicekit.sandbox;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a {@link DatasetInvoice}, vendor-neutral: each emulator writes it in its vendor's
 * shape and units.
 *
 * <p>{@code amount} and {@code discount} are in major units at the currency's fraction digits;
 * {@code quantity} and {@code unitPrice} may carry more decimals ({@code 146017.0369},
 * {@code 0.00000125}). {@code amount} is {@code quantity × unitPrice} rounded half-even to the
 * currency's fraction digits, so it can be zero; {@code discount} (a credit, zero on most lines) is
 * at most {@code amount}.
 *
 * @param description what a bill shows, such as {@code "Bandwidth North America"}
 * @param product the product name, such as {@code "openai/gpt-5"}
 * @param productGroup the product's group, such as {@code "Full Site Delivery"}
 * @param productLine the product's line, such as {@code "Network Services"}
 * @param region the region, {@code "Global"} for products without one
 * @param unit the unit of {@code quantity}, such as {@code "GB"}, {@code "tokens"}
 */
public record DatasetLine(
    String description, String product, String productGroup, String productLine, String region,
    String unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal discount) {
  public DatasetLine {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(product, "product == null");
    Objects.requireNonNull(productGroup, "productGroup == null");
    Objects.requireNonNull(productLine, "productLine == null");
    Objects.requireNonNull(region, "region == null");
    Objects.requireNonNull(unit, "unit == null");
    Objects.requireNonNull(quantity, "quantity == null");
    Objects.requireNonNull(unitPrice, "unitPrice == null");
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(discount, "discount == null");
  }
}
