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

  /**
   * Checks the components (the description and amount are required) and copies the attributes.
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
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
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

  /**
   * {@return a builder for a line described by {@code description} amounting to {@code amount}}
   *
   * @param amount the line amount
   * @param description what the line bills
   */
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

    /**
     * Sets {@link InvoiceLine#id()}.
     *
     * @param id see {@link InvoiceLine#id()}
     * @return this builder
     */
    public Builder id(String id) { this.id = id; return this; }
    /**
     * Sets {@link InvoiceLine#description()}.
     *
     * @param description see {@link InvoiceLine#description()}
     * @return this builder
     */
    public Builder description(String description) { this.description = description; return this; }
    /**
     * Sets {@link InvoiceLine#product()}.
     *
     * @param product see {@link InvoiceLine#product()}
     * @return this builder
     */
    public Builder product(String product) { this.product = product; return this; }
    /**
     * Sets {@link InvoiceLine#productGroup()}.
     *
     * @param productGroup see {@link InvoiceLine#productGroup()}
     * @return this builder
     */
    public Builder productGroup(String productGroup) { this.productGroup = productGroup; return this; }
    /**
     * Sets {@link InvoiceLine#quantity()}.
     *
     * @param quantity see {@link InvoiceLine#quantity()}
     * @return this builder
     */
    public Builder quantity(BigDecimal quantity) { this.quantity = quantity; return this; }
    /**
     * Sets {@link InvoiceLine#unit()}.
     *
     * @param unit see {@link InvoiceLine#unit()}
     * @return this builder
     */
    public Builder unit(String unit) { this.unit = unit; return this; }
    /**
     * Sets {@link InvoiceLine#unitPrice()}.
     *
     * @param unitPrice see {@link InvoiceLine#unitPrice()}
     * @return this builder
     */
    public Builder unitPrice(BigDecimal unitPrice) { this.unitPrice = unitPrice; return this; }
    /**
     * Sets {@link InvoiceLine#amount()}.
     *
     * @param amount see {@link InvoiceLine#amount()}
     * @return this builder
     */
    public Builder amount(Money amount) { this.amount = amount; return this; }
    /**
     * Sets {@link InvoiceLine#discount()}.
     *
     * @param discount see {@link InvoiceLine#discount()}
     * @return this builder
     */
    public Builder discount(Money discount) { this.discount = discount; return this; }
    /**
     * Sets {@link InvoiceLine#periodStart()}.
     *
     * @param periodStart see {@link InvoiceLine#periodStart()}
     * @return this builder
     */
    public Builder periodStart(Instant periodStart) { this.periodStart = periodStart; return this; }
    /**
     * Sets {@link InvoiceLine#periodEnd()}.
     *
     * @param periodEnd see {@link InvoiceLine#periodEnd()}
     * @return this builder
     */
    public Builder periodEnd(Instant periodEnd) { this.periodEnd = periodEnd; return this; }
    /**
     * Sets {@link InvoiceLine#region()}.
     *
     * @param region see {@link InvoiceLine#region()}
     * @return this builder
     */
    public Builder region(String region) { this.region = region; return this; }

    /**
     * Keeps {@code value} under {@code key}; a null value is ignored.
     *
     * @param key the attribute's name, the vendor's field name
     * @param value the value; null is ignored
     * @return this builder
     */
    public Builder attribute(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      if (value != null) attributes.put(key, value);
      return this;
    }

    /**
     * {@return a new invoice line of the values set}
     */
    public InvoiceLine build() {
      return new InvoiceLine(id, description, product, productGroup, quantity, unit, unitPrice,
          amount, discount, periodStart, periodEnd, region, attributes);
    }
  }
}
