package dev.invoicekit.stripe;

import java.util.Currency;
import java.util.Set;

/**
 * Stripe's own table of decimal places, which is not ISO 4217's (nor {@link Currency}'s): it
 * decides how many minor units make a major one in every amount Stripe sends. From
 * docs.stripe.com/currencies:
 *
 * <ul>
 *   <li>zero-decimal: {@code BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF}
 *       ({@code MGA} has 2 in ISO 4217, 0 at Stripe);
 *   <li>three-decimal: {@code BHD JOD KWD OMR TND};
 *   <li>{@code ISK}: 0 in ISO 4217, but "ISK will remain a two-decimal currency in the Stripe
 *       API" (an amount of {@code 100} is 1 króna);
 *   <li>{@code HUF} and {@code TWD}: two-decimal for invoices (zero-decimal only for payouts);
 *   <li>every other currency: two decimals.
 * </ul>
 */
final class StripeCurrencies {
  private static final Set<String> ZERO_DECIMAL = Set.of(
      "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
      "XAF", "XOF", "XPF");
  private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

  private StripeCurrencies() {}

  /** Returns how many decimal places Stripe's integer amounts of {@code currency} carry. */
  static int decimals(Currency currency) {
    String code = currency.getCurrencyCode();
    if (ZERO_DECIMAL.contains(code)) return 0;
    if (THREE_DECIMAL.contains(code)) return 3;
    return 2;
  }
}
