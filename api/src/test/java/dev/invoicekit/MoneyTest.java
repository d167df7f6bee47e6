package dev.invoicekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test void widensToTheCurrencysFractionDigits() {
    assertThat(Money.of(new BigDecimal("129.5"), USD).amount()).isEqualTo(new BigDecimal("129.50"));
    assertThat(Money.of("129.5", "usd").toPlainString()).isEqualTo("129.50");
  }

  @Test void zeroDecimalCurrencyKeepsWholeUnits() {
    assertThat(Money.of(new BigDecimal("1500"), JPY).amount()).isEqualTo(new BigDecimal("1500"));
    assertThat(Money.of(new BigDecimal("1.5E+3"), JPY).toPlainString()).isEqualTo("1500");
    assertThat(Money.of(new BigDecimal("1000.000"), JPY).toPlainString()).isEqualTo("1000");
  }

  @Test void keepsEveryDigitNeededToHoldTheValueExactly() {
    assertThat(Money.of(new BigDecimal("0.000125"), USD).amount()).isEqualTo(new BigDecimal("0.000125"));
    assertThat(Money.of(new BigDecimal("0.00012500"), USD).amount()).isEqualTo(new BigDecimal("0.000125"));
    assertThat(Money.of(new BigDecimal("12345678901234567890.123456789012345678901"), USD).toPlainString())
        .isEqualTo("12345678901234567890.123456789012345678901");
  }

  @Test void zeroIsAtCanonicalScale() {
    assertThat(Money.of("0", "USD").toPlainString()).isEqualTo("0.00");
    assertThat(Money.of("0.000", "JPY").toPlainString()).isEqualTo("0");
    assertThat(Money.zero(USD)).isEqualTo(Money.of("0.0", "USD"));
  }

  @Test void numericallyEqualAmountsAreEqual() {
    assertThat(Money.of("129.5", "USD")).isEqualTo(Money.of("129.500", "USD"));
    assertThat(Money.of("129.5", "USD").hashCode()).isEqualTo(Money.of("129.500", "USD").hashCode());
    assertThat(Money.of("1", "USD")).isNotEqualTo(Money.of("1", "EUR"));
  }

  @Test void minorUnitsAreDividedByTheCurrencysExponent() {
    assertThat(Money.ofMinor(18846, USD).toPlainString()).isEqualTo("188.46");
    assertThat(Money.ofMinor(1500, JPY).toPlainString()).isEqualTo("1500");
    assertThat(Money.ofMinor(new BigDecimal("0.000125"), USD).toPlainString()).isEqualTo("0.00000125");
    assertThat(Money.ofMinor(-5, USD).toPlainString()).isEqualTo("-0.05");
  }

  @Test void arithmeticIsExactAndCurrencyChecked() {
    Money a = Money.of("0.1", "USD");
    Money b = Money.of("0.2", "USD");
    assertThat(a.plus(b)).isEqualTo(Money.of("0.3", "USD"));
    assertThat(b.minus(a)).isEqualTo(a);
    assertThat(a.negate().toPlainString()).isEqualTo("-0.10");
    assertThat(a.compareTo(b)).isNegative();
    assertThatThrownBy(() -> a.plus(Money.of("1", "EUR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency mismatch: USD vs EUR");
  }

  @Test void rejectsBadInput() {
    assertThatThrownBy(() -> new Money(null, USD)).hasMessage("amount == null");
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).hasMessage("currency == null");
    assertThatThrownBy(() -> Money.of("12,5", "USD"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'12,5'");
    assertThatThrownBy(() -> Money.currency("XYZW"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown currency code: 'XYZW'");
  }

  @Test void currencyCodesAreCaseInsensitive() {
    assertThat(Money.currency(" usd ")).isEqualTo(USD);
  }

  @Test void toStringShowsPlainAmountAndCode() {
    assertThat(Money.of(new BigDecimal("1E+3"), USD)).hasToString("1000.00 USD");
  }
}
