package dev.invoicekit;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of one currency.
 *
 * <p>The amount is held at its canonical scale: the larger of the currency's default fraction
 * digits and the scale needed to hold the value exactly. So {@code 129.5 USD} is {@code 129.50},
 * {@code 1000 JPY} is {@code 1000} and {@code 0.000125 USD} stays {@code 0.000125}. Two amounts that
 * are numerically equal in one currency are therefore {@link #equals equal}. Never a {@code double}.
 *
 * @param amount the amount in major units (dollars, not cents), at the canonical scale
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
  /**
   * Puts {@code amount} at the canonical scale of {@code currency}.
   *
   * @param amount the amount in major units (dollars, not cents)
   * @param currency the currency
   * @throws NullPointerException if {@code amount} or {@code currency} is null
   */
  public Money {
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(currency, "currency == null");
    amount = canonical(amount, currency);
  }

  /**
   * {@return {@code amount} of {@code currency}, in major units (dollars, not cents)}
   *
   * @param amount the amount in major units (dollars, not cents)
   * @param currency the currency
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * {@return the amount written as decimal text (for example {@code "129.5"}) of the currency
   * with ISO 4217 code {@code currencyCode}, upper or lower case}
   *
   * @param amount the amount in major units (dollars, not cents)
   * @param currencyCode the ISO 4217 code of the currency, like {@code "USD"}
   * @throws IllegalArgumentException if the text is not a decimal number or the code is unknown
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount == null");
    BigDecimal value;
    try {
      value = new BigDecimal(amount.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal amount: '" + amount + "'", e);
    }
    return new Money(value, currency(currencyCode));
  }

  /**
   * {@return the amount given in the currency's minor units (cents for USD, yen for JPY): the
   * value is divided by 10 to the power of the currency's default fraction digits, exactly}
   *
   * @param currency the currency
   * @param minorUnits the amount in minor units (cents for USD)
   */
  public static Money ofMinor(BigDecimal minorUnits, Currency currency) {
    Objects.requireNonNull(minorUnits, "minorUnits == null");
    Objects.requireNonNull(currency, "currency == null");
    return new Money(minorUnits.movePointLeft(fractionDigits(currency)), currency);
  }

  /**
   * {@return {@code minorUnits} cents (or the currency's minor unit) of {@code currency}}
   *
   * @param currency the currency
   * @param minorUnits the amount in minor units (cents for USD)
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return ofMinor(BigDecimal.valueOf(minorUnits), currency);
  }

  /**
   * {@return zero of {@code currency}}
   *
   * @param currency the currency
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * {@return the currency with ISO 4217 code {@code code}, accepting lower case ({@code "usd"})}
   *
   * @param code the ISO 4217 code, like {@code "USD"}
   * @throws IllegalArgumentException if {@code code} is not a known ISO 4217 code
   */
  public static Currency currency(String code) {
    Objects.requireNonNull(code, "currency code == null");
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown currency code: '" + code + "'", e);
    }
  }

  /**
   * {@return this plus {@code other}}
   *
   * @param other an amount in the same currency
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * {@return this minus {@code other}}
   *
   * @param other an amount in the same currency
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /** {@return the negation of this amount} */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** {@return true if the amount is zero} */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /** Orders amounts of one currency by value. */
  @Override public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  /** {@return the amount as plain decimal text, never in exponent notation: {@code "129.50"}} */
  public String toPlainString() {
    return amount.toPlainString();
  }

  /** Returns for example {@code "129.50 USD"}. */
  @Override public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other == null");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency.getCurrencyCode() + " vs " + other.currency.getCurrencyCode());
    }
  }

  private static int fractionDigits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  private static BigDecimal canonical(BigDecimal amount, Currency currency) {
    BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
    int scale = Math.max(fractionDigits(currency), stripped.scale());
    return stripped.setScale(scale); // never rounds: scale only grows from the stripped value
  }
}
