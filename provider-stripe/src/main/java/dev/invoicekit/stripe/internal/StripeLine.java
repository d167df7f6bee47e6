package dev.invoicekit.stripe.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * One invoice line item ({@code il_...}). Not API; may change.
 *
 * @param amount in the currency's minor unit, before discounts
 * @param quantity a whole number (Stripe truncates it)
 * @param quantityDecimal the full-precision quantity, a decimal string (from {@code dahlia})
 */
public record StripeLine(
    String id,
    String description,
    BigDecimal amount,
    String currency,
    BigDecimal quantity,
    @Json(name = "quantity_decimal") String quantityDecimal,
    Period period,
    Pricing pricing,
    @Json(name = "discount_amounts") List<StripeAmount> discountAmounts,
    @Json(name = "pretax_credit_amounts") List<StripeAmount> pretaxCreditAmounts,
    List<StripeAmount> taxes,
    String subscription) {

  /** A line's service period, epoch seconds. */
  public record Period(BigDecimal start, BigDecimal end) {}

  /**
   * How a line is priced.
   *
   * @param unitAmountDecimal the unit price in minor units, a decimal string of up to 12 places
   */
  public record Pricing(
      String type,
      @Json(name = "unit_amount_decimal") String unitAmountDecimal,
      @Json(name = "price_details") PriceDetails priceDetails) {}

  /** The price and product of a line. */
  public record PriceDetails(String price, String product) {}
}
