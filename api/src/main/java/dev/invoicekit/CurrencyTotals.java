package dev.invoicekit;

import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Exact sums and counts of amounts, per currency, such as the totals of invoices read from several
 * instances. Amounts of different currencies are never added together. Not thread-safe.
 *
 * <pre>{@code
 * CurrencyTotals totals = new CurrencyTotals();
 * stream.forEach(each -> totals.add(each.invoice().total()));
 * totals.totals(); // {EUR=4690.53 EUR, USD=8341.52 USD}
 * }</pre>
 */
public final class CurrencyTotals {
  /**
   * One currency's count and sum.
   *
   * @param currency the currency
   * @param count how many amounts of {@code currency} were added
   * @param total the sum of those amounts, in {@code currency}
   */
  public record Entry(Currency currency, long count, Money total) {
    /**
     * Checks the components.
     *
     * @param currency the currency
     * @param count how many amounts of {@code currency} were added
     * @param total the sum of those amounts, in {@code currency}
     * @throws NullPointerException if {@code currency} or {@code total} is null
     */
    public Entry {
      Objects.requireNonNull(currency, "currency == null");
      Objects.requireNonNull(total, "total == null");
    }
  }

  private final Map<String, Entry> entries = new TreeMap<>();
  private long count;

  /**
   * Adds {@code amount} to the sum of its currency.
   *
   * @param amount the amount to add
   * @return these totals, to chain calls
   */
  public CurrencyTotals add(Money amount) {
    Objects.requireNonNull(amount, "amount == null");
    count++;
    entries.merge(amount.currency().getCurrencyCode(), new Entry(amount.currency(), 1, amount),
        (sum, one) -> new Entry(sum.currency(), sum.count() + 1, sum.total().plus(one.total())));
    return this;
  }

  /**
   * Adds every amount of {@code other}.
   *
   * @param other the totals whose amounts to add; not changed
   * @return these totals, to chain calls
   */
  public CurrencyTotals addAll(CurrencyTotals other) {
    Objects.requireNonNull(other, "other == null");
    for (Entry entry : other.entries.values()) {
      count += entry.count();
      entries.merge(entry.currency().getCurrencyCode(), entry,
          (sum, more) -> new Entry(sum.currency(), sum.count() + more.count(),
              sum.total().plus(more.total())));
    }
    return this;
  }

  /** {@return how many amounts were added, in every currency} */
  public long count() {
    return count;
  }

  /** {@return the count and sum of each currency, in currency-code order; unmodifiable} */
  public Map<Currency, Entry> entries() {
    Map<Currency, Entry> result = new LinkedHashMap<>();
    entries.values().forEach(entry -> result.put(entry.currency(), entry));
    return Collections.unmodifiableMap(result);
  }

  /** {@return the sum of each currency, in currency-code order; unmodifiable} */
  public Map<Currency, Money> totals() {
    Map<Currency, Money> result = new LinkedHashMap<>();
    entries.values().forEach(entry -> result.put(entry.currency(), entry.total()));
    return Collections.unmodifiableMap(result);
  }

  @Override public String toString() {
    return "CurrencyTotals" + totals().values();
  }
}
