package dev.invoicekit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of an {@link Invoice}.
 *
 * @param id the vendor's line identifier; nullable
 * @param description what was billed; never null (a placeholder where the vendor has none)
 * @param product the product name; nullable
 * @param productGroup the vendor's product group; nullable
 * @param quantity the quantity billed, exact; nullable
 * @param unit the unit of the quantity (requests, bandwidth, tokens); nullable
 * @param unitPrice the price of one unit, in major units of the line's currency; nullable
 * @param amount the line amount
 * @param discount credits or discounts applied to this line, as a positive amount; nullable
 * @param periodStart the start of the line's period, inclusive; nullable
 * @param periodEnd the end of the line's period, exclusive; nullable
 * @param region the region the usage was in; nullable
 * @param attributes vendor extras worth keeping, under the vendor's own field names
 */
public record InvoiceLine(
    String id,
    String description,
    String product,
    String productGroup,
    BigDecimal quantity,
    String unit,
    BigDecimal unitPrice,
    Money amount,
    Money discount,
    Instant periodStart,
    Instant periodEnd,
    String region,
    Map<String, String> attributes) {

  public InvoiceLine {
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(amount, "amount == null");
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes == null"));
    if (discount != null && !discount.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("discount is in " + discount.currency().getCurrencyCode()
          + ", the amount in " + amount.currency().getCurrencyCode());
    }
    if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException(
          "periodEnd " + periodEnd + " is before periodStart " + periodStart);
    }
  }

  /** {@return a builder for a line described by {@code description} amounting to {@code amount}} */
  public static Builder builder(String description, Money amount) {
    return new Builder().description(description).amount(amount);
  }

  /** Builds an {@link InvoiceLine}; {@link #build} validates. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String description;
    private String product;
    private String productGroup;
    private BigDecimal quantity;
    private String unit;
    private BigDecimal unitPrice;
    private Money amount;
    private Money discount;
    private Instant periodStart;
    private Instant periodEnd;
    private String region;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    Builder() {}

    public Builder id(String id) { this.id = id; return this; }
    public Builder description(String description) { this.description = description; return this; }
    public Builder product(String product) { this.product = product; return this; }
    public Builder productGroup(String productGroup) { this.productGroup = productGroup; return this; }
    public Builder quantity(BigDecimal quantity) { this.quantity = quantity; return this; }
    public Builder unit(String unit) { this.unit = unit; return this; }
    public Builder unitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; return this; }
    public Builder amount(Money amount) { this.amount = amount; return this; }
    public Builder discount(Money discount) { this.discount = discount; return this; }
    public Builder periodStart(Instant periodStart) { this.periodStart = periodStart; return this; }
    public Builder periodEnd(Instant periodEnd) { this.periodEnd = periodEnd; return this; }
    public Builder region(String region) { this.region = region; return this; }

    /**
     * Keeps {@code value} under {@code key}; a null value is ignored.
     *
     * @return this builder
     */
    public Builder attribute(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      if (value != null) attributes.put(key, value);
      return this;
    }

    public InvoiceLine build() {
      return new InvoiceLine(id, description, product, productGroup, quantity, unit, unitPrice,
          amount, discount, periodStart, periodEnd, region, attributes);
    }
  }
}
