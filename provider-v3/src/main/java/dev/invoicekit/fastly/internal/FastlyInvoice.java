package dev.invoicekit.fastly.internal;

import com.squareup.moshi.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * A Fastly invoice: a closed one ({@code EomInvoiceResponse}, from list and get) or the
 * month-to-date estimate ({@code MtdInvoiceResponse}). Every component is nullable: the vendor
 * marks every field optional. Not API; may change.
 *
 * @param monthlyTransactionAmount the total in major units: a JSON number on closed invoices, a
 *     string on month-to-date; both read exactly
 * @param paymentStatus {@code paid}, {@code outstanding} or a value not seen yet
 */
public record FastlyInvoice(
    @Json(name = "customer_id") String customerId,
    @Json(name = "invoice_id") String invoiceId,
    @Json(name = "invoice_posted_on") String invoicePostedOn,
    @Json(name = "billing_start_date") String billingStartDate,
    @Json(name = "billing_end_date") String billingEndDate,
    @Json(name = "statement_number") String statementNumber,
    @Json(name = "currency_code") String currencyCode,
    @Json(name = "monthly_transaction_amount") BigDecimal monthlyTransactionAmount,
    @Json(name = "payment_status") String paymentStatus,
    @Json(name = "transaction_line_items") List<FastlyLineItem> transactionLineItems) {}
