package dev.invoicekit.stripe.internal;

import java.math.BigDecimal;

/**
 * An amount with what it is: an entry of {@code total_taxes}, {@code taxes},
 * {@code total_discount_amounts}, {@code discount_amounts} or {@code (total_)pretax_credit_amounts}.
 * Not API; may change.
 *
 * @param amount in the currency's minor unit
 * @param type set on taxes ({@code tax_rate_details}) and pre-tax credits ({@code discount},
 *     {@code credit_balance_transaction}); null on discount amounts
 */
public record StripeAmount(BigDecimal amount, String type) {}
