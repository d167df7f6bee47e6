package dev.invoicekit.benchmarks;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * The wire records of {@link Baseline}: the invoice JSON of the vendors' get endpoints, every
 * field the vendors document, as anyone would mirror it for Moshi (so both sides of the benchmark
 * parse the same values). Public because Moshi reads records through method handles.
 */
public final class BaselineJson {
  private BaselineJson() {}

  /** {@code GET /billing/v3/invoices/{invoice_id}}. */
  public record FastlyInvoiceJson(
      @Json(name = "customer_id") String customerId,
      @Json(name = "invoice_id") String invoiceId,
      @Json(name = "invoice_posted_on") String invoicePostedOn,
      @Json(name = "billing_start_date") String billingStartDate,
      @Json(name = "billing_end_date") String billingEndDate,
      @Json(name = "statement_number") String statementNumber,
      @Json(name = "currency_code") String currencyCode,
      @Json(name = "monthly_transaction_amount") BigDecimal monthlyTransactionAmount,
      @Json(name = "payment_status") String paymentStatus,
      @Json(name = "transaction_line_items") List<FastlyLineJson> transactionLineItems) {}

  /** One of {@code transaction_line_items}. */
  public record FastlyLineJson(
      String description,
      BigDecimal amount,
      @Json(name = "credit_coupon_code") String creditCouponCode,
      BigDecimal rate,
      BigDecimal units,
      @Json(name = "product_name") String productName,
      @Json(name = "product_group") String productGroup,
      @Json(name = "product_line") String productLine,
      String region,
      @Json(name = "usage_type") String usageType) {}

  /** {@code GET /v1/invoices/{id}}: an {@code InvoiceResponse}. */
  public record FlexpriceInvoiceJson(
      String id,
      @Json(name = "invoice_number") String invoiceNumber,
      @Json(name = "customer_id") String customerId,
      @Json(name = "subscription_id") String subscriptionId,
      @Json(name = "invoice_type") String invoiceType,
      @Json(name = "invoice_status") String invoiceStatus,
      @Json(name = "payment_status") String paymentStatus,
      String currency,
      @Json(name = "amount_due") BigDecimal amountDue,
      @Json(name = "amount_paid") BigDecimal amountPaid,
      @Json(name = "amount_remaining") BigDecimal amountRemaining,
      BigDecimal subtotal,
      BigDecimal total,
      @Json(name = "total_discount") BigDecimal totalDiscount,
      @Json(name = "total_tax") BigDecimal totalTax,
      String description,
      @Json(name = "billing_period") String billingPeriod,
      @Json(name = "billing_reason") String billingReason,
      @Json(name = "period_start") String periodStart,
      @Json(name = "period_end") String periodEnd,
      @Json(name = "due_date") String dueDate,
      @Json(name = "finalized_at") String finalizedAt,
      @Json(name = "paid_at") String paidAt,
      @Json(name = "created_at") String createdAt,
      @Json(name = "invoice_pdf_url") String invoicePdfUrl,
      @Json(name = "line_items") List<FlexpriceLineJson> lineItems,
      List<FlexpriceTaxJson> taxes) {}

  /** One of {@code line_items}. */
  public record FlexpriceLineJson(
      String id,
      @Json(name = "display_name") String displayName,
      @Json(name = "plan_display_name") String planDisplayName,
      @Json(name = "meter_display_name") String meterDisplayName,
      @Json(name = "price_id") String priceId,
      @Json(name = "price_type") String priceType,
      @Json(name = "meter_id") String meterId,
      @Json(name = "price_unit") String priceUnit,
      @Json(name = "price_unit_amount") BigDecimal priceUnitAmount,
      BigDecimal amount,
      BigDecimal quantity,
      String currency,
      @Json(name = "period_start") String periodStart,
      @Json(name = "period_end") String periodEnd,
      @Json(name = "line_item_discount") BigDecimal lineItemDiscount,
      @Json(name = "invoice_level_discount") BigDecimal invoiceLevelDiscount,
      @Json(name = "prepaid_credits_applied") BigDecimal prepaidCreditsApplied) {}

  /** One of {@code taxes}. */
  public record FlexpriceTaxJson(
      String id,
      @Json(name = "tax_rate_id") String taxRateId,
      @Json(name = "entity_type") String entityType,
      @Json(name = "entity_id") String entityId,
      @Json(name = "taxable_amount") BigDecimal taxableAmount,
      @Json(name = "tax_amount") BigDecimal taxAmount,
      String currency) {}
}
