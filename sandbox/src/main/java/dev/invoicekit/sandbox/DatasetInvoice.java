package dev.invoicekit.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One invoice of a {@link Dataset}, vendor-neutral: each emulator writes it in its vendor's shape.
 *
 * <p>Amounts are exact, in major units, at the currency's {@linkplain #fractionDigits() fraction
 * digits}: {@code subtotal} is the sum of the line amounts, {@code discount} the sum of the line
 * discounts, and {@code total = subtotal − discount + tax}.
 *
 * @param index the position in the data set, 0 being the newest; negative for an
 *     {@linkplain Dataset#upcoming upcoming} invoice
 * @param customerId such as {@code "cust_0001"}
 * @param currency an ISO 4217 code, upper case
 * @param periodStart the first day of the billed calendar month
 * @param periodEnd the first day after it (exclusive)
 * @param issuedAt a few hours after {@code periodEnd} begins
 * @param dueAt 30 days after {@code issuedAt}
 * @param paidAt when it was paid; null unless {@code status} is {@code "paid"}
 * @param status {@code "draft"}, {@code "open"}, {@code "paid"}, {@code "void"} or
 *     {@code "uncollectible"}
 * @param lines one to six lines, or as many as the data set fixes
 * @param description such as {@code "Usage for September 2026"}
 */
public record DatasetInvoice(
    int index, String customerId, String currency, LocalDate periodStart, LocalDate periodEnd,
    Instant issuedAt, Instant dueAt, Instant paidAt, String status,
    BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total,
    List<DatasetLine> lines, String description) {
  public DatasetInvoice {
    Objects.requireNonNull(customerId, "customerId == null");
    Objects.requireNonNull(currency, "currency == null");
    Objects.requireNonNull(periodStart, "periodStart == null");
    Objects.requireNonNull(periodEnd, "periodEnd == null");
    Objects.requireNonNull(issuedAt, "issuedAt == null");
    Objects.requireNonNull(dueAt, "dueAt == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(subtotal, "subtotal == null");
    Objects.requireNonNull(discount, "discount == null");
    Objects.requireNonNull(tax, "tax == null");
    Objects.requireNonNull(total, "total == null");
    Objects.requireNonNull(description, "description == null");
    lines = List.copyOf(lines);
  }

  /** The currency's fraction digits: 2 for USD, EUR and GBP, 0 for JPY. */
  public int fractionDigits() {
    return Currency.getInstance(currency).getDefaultFractionDigits();
  }

  /** Returns {@code total} if the invoice is paid, else zero (at the currency's scale). */
  public BigDecimal amountPaid() {
    return status.equals("paid") ? total : BigDecimal.ZERO.setScale(fractionDigits());
  }

  /** Returns what is left to pay: zero if paid or void, else {@code total}. */
  public BigDecimal amountRemaining() {
    return status.equals("paid") || status.equals("void")
        ? BigDecimal.ZERO.setScale(fractionDigits())
        : total;
  }
}
