package dev.invoicekit.cli;

import dev.invoicekit.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Exact sums and counts of amounts, per currency, in currency-code order. Not thread-safe. */
final class Totals {
  /** One currency's count and sum. */
  record Entry(Currency currency, long count, Money total) {}

  private final Map<String, Entry> entries = new TreeMap<>();
  private long count;

  void add(Money amount) {
    Objects.requireNonNull(amount, "amount == null");
    count++;
    entries.merge(amount.currency().getCurrencyCode(),
        new Entry(amount.currency(), 1, amount),
        (sum, one) -> new Entry(sum.currency(), sum.count() + 1, sum.total().plus(one.total())));
  }

  /** How many amounts were added, in every currency. */
  long count() {
    return count;
  }

  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }
}
