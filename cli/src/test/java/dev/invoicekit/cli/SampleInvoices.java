package dev.invoicekit.cli;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;

/** Hand-built invoices for the output tests: every field set, and the awkward cases. */
final class SampleInvoices {
  static final Currency USD = Currency.getInstance("USD");
  static final Currency JPY = Currency.getInstance("JPY");

  private SampleInvoices() {}

  /** Every field set; two lines, one with sub-cent prices. */
  static Invoice full() {
    return Invoice.builder("fastly", "inv_2026_09")
        .number("S-1042")
        .customerId("cust_0001")
        .status(InvoiceStatus.PAID)
        .vendorStatus("paid")
        .currency(USD)
        .periodStart(Instant.parse("2026-09-01T00:00:00Z"))
        .periodEnd(Instant.parse("2026-10-01T00:00:00Z"))
        .issuedAt(Instant.parse("2026-10-01T06:30:00Z"))
        .dueAt(Instant.parse("2026-10-31T06:30:00Z"))
        .paidAt(Instant.parse("2026-10-02T09:15:30.250Z"))
        .subtotal(Money.of("130.5", "USD"))
        .tax(Money.of("10", "USD"))
        .discount(Money.of("11", "USD"))
        .total(Money.of("129.5", "USD"))
        .amountDue(Money.of("129.5", "USD"))
        .amountPaid(Money.of("129.5", "USD"))
        .amountRemaining(Money.zero(USD))
        .addLine(InvoiceLine.builder("Requests Europe", Money.of("0.50", "USD"))
            .id("li_1")
            .product("Requests")
            .productGroup("Full Site Delivery")
            .quantity(new BigDecimal("4000"))
            .unit("requests")
            .unitPrice(new BigDecimal("0.000125"))
            .region("Europe")
            .periodStart(Instant.parse("2026-09-01T00:00:00Z"))
            .periodEnd(Instant.parse("2026-10-01T00:00:00Z"))
            .attribute("product_line", "Network Services")
            .build())
        .addLine(InvoiceLine.builder("Bandwidth North America", Money.of("130", "USD"))
            .quantity(new BigDecimal("146017.0369"))
            .unit("GB")
            .unitPrice(new BigDecimal("0.00089031"))
            .discount(Money.of("11", "USD"))
            .build())
        .pdfUrl(URI.create("https://example.test/invoices/inv_2026_09.pdf"))
        .description("September, \"as agreed\"\nsecond line")
        .attribute("billing_reason", "subscription_cycle")
        .attribute("invoice_origin", "auto")
        .build();
  }

  /** Only the required fields, in yen. */
  static Invoice minimal(String id, String amount) {
    return Invoice.builder("cloudflare", id)
        .status(InvoiceStatus.OPEN)
        .currency(JPY)
        .total(Money.of(amount, "JPY"))
        .amountDue(Money.of(amount, "JPY"))
        .build();
  }

  /** A USD invoice of {@code total}, with a one-month period. */
  static Invoice usd(String id, String total) {
    return Invoice.builder("fastly", id)
        .status(InvoiceStatus.OPEN)
        .currency(USD)
        .periodStart(Instant.parse("2026-08-01T00:00:00Z"))
        .periodEnd(Instant.parse("2026-09-01T00:00:00Z"))
        .total(Money.of(total, "USD"))
        .amountDue(Money.of(total, "USD"))
        .build();
  }
}
