package dev.invoicekit.flexprice.sandbox;

import dev.invoicekit.sandbox.Dataset;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.DatasetLine;
import dev.invoicekit.sandbox.Dates;
import dev.invoicekit.sandbox.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link Dataset} invoices as Flexprice {@code InvoiceResponse} JSON trees, the way the Go
 * server does: shopspring decimal strings with trailing zeros trimmed ({@code "129.5"},
 * {@code "120"}, {@code "0"}), lower-case currencies, RFC 3339 times with fractional seconds
 * where they have some, optional times left out when unset, and {@code invoice_number} null
 * rather than absent.
 *
 * <p>Statuses: a data set {@code draft} is {@code DRAFT/PENDING}; {@code open} is
 * {@code FINALIZED/PENDING} (every fifth {@code FINALIZED/FAILED}); {@code paid} is
 * {@code FINALIZED/SUCCEEDED}, some {@code OVERPAID}, {@code REFUNDED} or
 * {@code PARTIALLY_REFUNDED}; {@code void} is {@code VOIDED/VOIDED}, or {@code SKIPPED/PENDING}
 * when it billed nothing (Flexprice skips a zero-total invoice instead of finalizing it: no number,
 * no finalization, no payment, every amount {@code "0"});
 * {@code uncollectible} is {@code FINALIZED/FAILED} (Flexprice has no write-off state).
 */
final class FlexpriceSandboxInvoices {
  static final String INVOICE_PREFIX = "inv_";
  static final String SUBSCRIPTION_PREFIX = "subs_";
  /** The salt space of invoice ids; other ids use other salts so they never collide. */
  private static final long LINE_SALT = 1L << 40;
  private static final long SUBSCRIPTION_SALT = 2L << 40;
  private static final long TAX_SALT = 3L << 40;
  private static final long PREVIEW_SALT = 4L << 40;
  /** When every subscription of the data set started. */
  private static final Instant SUBSCRIBED = Instant.parse("2024-01-01T00:00:00Z");

  private final Dataset dataset;
  private final long seed;
  private final String baseUrl;
  private final String taxKey;

  /**
   * @param baseUrl the sandbox's base URL, for {@code invoice_pdf_url}
   * @param taxKey {@code "taxes"}, or {@code "tax_applied_records"} as servers before July 2025 wrote it
   */
  FlexpriceSandboxInvoices(Dataset dataset, String baseUrl, String taxKey) {
    this.dataset = dataset;
    this.seed = dataset.seed();
    this.baseUrl = baseUrl;
    this.taxKey = taxKey;
  }

  /** Returns the id of invoice {@code index}: {@code inv_} and a ULID of its creation time. */
  String invoiceId(int index) {
    return invoiceId(dataset.invoice(index));
  }

  private String invoiceId(DatasetInvoice invoice) {
    return FlexpriceSandboxIds.id(INVOICE_PREFIX, createdAt(invoice), seed, invoice.index(), invoice.index());
  }

  /** Returns the index of the invoice with {@code id}, or -1 if the data set has none. */
  int invoiceIndex(String id) {
    long number = FlexpriceSandboxIds.number(INVOICE_PREFIX, id);
    if (number < 0 || number >= dataset.size()) return -1;
    int index = (int) number;
    return invoiceId(index).equals(id) ? index : -1;
  }

  /** Returns the id of customer {@code customer}'s one subscription. */
  String subscriptionId(int customer) {
    return FlexpriceSandboxIds.id(SUBSCRIPTION_PREFIX, SUBSCRIBED.plusSeconds(customer * 60L), seed,
        SUBSCRIPTION_SALT + customer, customer);
  }

  /** Returns the customer whose subscription has {@code id}, or -1 if there is none. */
  int subscriptionCustomer(String id) {
    long number = FlexpriceSandboxIds.number(SUBSCRIPTION_PREFIX, id);
    if (number < 0 || number >= dataset.customerCount()) return -1;
    int customer = (int) number;
    return subscriptionId(customer).equals(id) ? customer : -1;
  }

  /** Returns the external id Flexprice keeps for customer {@code customerId}: {@code ext_0001}. */
  static String externalCustomerId(String customerId) {
    return customerId.replace("cust_", "ext_");
  }

  /** Returns {@code invoice_status} of a data set invoice. */
  static String invoiceStatus(DatasetInvoice invoice) {
    switch (invoice.status()) {
      case "draft": return "DRAFT";
      case "void": return invoice.total().signum() == 0 ? "SKIPPED" : "VOIDED";
      default: return "FINALIZED";
    }
  }

  /** Returns {@code payment_status} of a data set invoice. */
  static String paymentStatus(DatasetInvoice invoice) {
    int index = invoice.index();
    switch (invoice.status()) {
      case "paid":
        if (index % 11 == 5) return "OVERPAID";
        if (index % 13 == 7) return "REFUNDED";
        if (index % 17 == 9) return "PARTIALLY_REFUNDED";
        return "SUCCEEDED";
      case "open": return index % 5 == 3 ? "FAILED" : "PENDING";
      case "uncollectible": return "FAILED";
      case "void": return invoice.total().signum() == 0 ? "PENDING" : "VOIDED";
      default: return "PENDING";
    }
  }

  /**
   * Returns invoice {@code invoice} as Flexprice writes it.
   *
   * @param lineItems whether to include {@code line_items}
   * @param taxes whether to include the tax records (under {@code taxes} or the old key)
   */
  Map<String, Object> invoice(DatasetInvoice invoice, boolean lineItems, boolean taxes) {
    String invoiceStatus = invoiceStatus(invoice);
    String paymentStatus = paymentStatus(invoice);
    return invoice(invoice, invoiceId(invoice), invoiceStatus, paymentStatus,
        invoiceStatus.equals("FINALIZED") || invoiceStatus.equals("VOIDED")
            ? String.format(Locale.ROOT, "INV-%d-%06d", invoice.periodEnd().getYear(),
                dataset.size() - invoice.index())
            : null,
        lineItems, taxes);
  }

  /**
   * Returns the preview of {@code upcoming} (a {@link Dataset#upcoming} draft) for
   * {@code [periodStart, periodEnd)}: a DRAFT with a fresh id, number {@code n}, that no other
   * request can fetch.
   */
  Map<String, Object> preview(DatasetInvoice upcoming, Instant periodStart, Instant periodEnd, int n) {
    String id = FlexpriceSandboxIds.id(INVOICE_PREFIX, createdAt(upcoming), seed, PREVIEW_SALT + n,
        Integer.MAX_VALUE - n);
    Map<String, Object> json = invoice(upcoming, id, "DRAFT", "PENDING", null, true, true);
    json.put("period_start", time(periodStart));
    json.put("period_end", time(periodEnd));
    json.put("amount_remaining", decimal(upcoming.total())); // computed on previews
    json.remove("invoice_pdf_url");
    for (Object line : (List<?>) json.get("line_items")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item = (Map<String, Object>) line;
      item.put("period_start", time(periodStart));
      item.put("period_end", time(periodEnd));
    }
    return json;
  }

  private Map<String, Object> invoice(DatasetInvoice invoice, String id, String invoiceStatus,
      String paymentStatus, String number, boolean lineItems, boolean taxes) {
    int customer = dataset.customerIndex(invoice.customerId());
    String currency = invoice.currency().toLowerCase(Locale.ROOT);
    BigDecimal total = invoice.total();
    BigDecimal amountPaid = BigDecimal.ZERO;
    BigDecimal amountRemaining = total;
    BigDecimal refunded = BigDecimal.ZERO;
    BigDecimal overpaid = null;
    switch (paymentStatus) {
      case "SUCCEEDED":
        amountPaid = total;
        amountRemaining = BigDecimal.ZERO;
        break;
      case "OVERPAID":
        overpaid = BigDecimal.ONE;
        amountPaid = total.add(overpaid);
        amountRemaining = BigDecimal.ZERO;
        break;
      case "REFUNDED":
        amountPaid = total;
        amountRemaining = BigDecimal.ZERO;
        refunded = total;
        break;
      case "PARTIALLY_REFUNDED":
        amountPaid = total;
        amountRemaining = BigDecimal.ZERO;
        refunded = total.divide(BigDecimal.valueOf(2), invoice.fractionDigits(), RoundingMode.DOWN);
        break;
      default:
        break;
    }
    if (invoiceStatus.equals("VOIDED") || invoiceStatus.equals("SKIPPED")) {
      amountRemaining = BigDecimal.ZERO;
    } else if (invoiceStatus.equals("DRAFT")) {
      amountRemaining = BigDecimal.ZERO; // "uncomputed drafts have zero AmountRemaining"
    }
    Instant created = createdAt(invoice);

    Map<String, Object> json = Json.object(
        "id", id,
        "customer_id", invoice.customerId(),
        "subscription_id", subscriptionId(customer),
        "invoice_type", "SUBSCRIPTION",
        "invoice_status", invoiceStatus,
        "payment_status", paymentStatus,
        "currency", currency,
        "amount_due", decimal(total),
        "amount_paid", decimal(amountPaid),
        "amount_remaining", decimal(amountRemaining),
        "subtotal", decimal(invoice.subtotal()),
        "total", decimal(total),
        "total_discount", decimal(invoice.discount()),
        "total_tax", decimal(invoice.tax()),
        "adjustment_amount", "0",
        "refunded_amount", decimal(refunded),
        "total_prepaid_credits_applied", "0",
        "description", invoice.description(),
        "invoice_number", number,
        "idempotency_key", null,
        "billing_sequence", invoice.index() < 0 ? null : (long) (dataset.size() - invoice.index()),
        "billing_period", "MONTHLY",
        "billing_reason", "SUBSCRIPTION_CYCLE",
        "period_start", time(Dates.startOfDay(invoice.periodStart())),
        "period_end", time(Dates.startOfDay(invoice.periodEnd())),
        "due_date", time(invoice.dueAt()));
    if (overpaid != null) json.put("overpaid_amount", decimal(overpaid));
    if (invoiceStatus.equals("FINALIZED") || invoiceStatus.equals("VOIDED")) {
      json.put("finalized_at", time(invoice.issuedAt()));
    }
    if (invoice.paidAt() != null) json.put("paid_at", time(invoice.paidAt()));
    if (invoiceStatus.equals("VOIDED")) {
      json.put("voided_at", time(invoice.issuedAt().plus(Duration.ofDays(3)).plusMillis(250)));
    }
    if (invoiceStatus.equals("FINALIZED") || invoiceStatus.equals("VOIDED")) {
      json.put("invoice_pdf_url", baseUrl + "invoices/" + id + "/pdf");
    }
    json.put("metadata", Json.object());
    json.put("version", 1L);
    json.put("environment_id", "env_sandbox");
    json.put("tenant_id", "tenant_sandbox");
    json.put("status", "published");
    json.put("created_at", time(created));
    json.put("updated_at", time(updated(invoice, created)));
    json.put("created_by", "system");
    json.put("updated_by", "system");
    if (lineItems) json.put("line_items", lines(invoice, id, currency, customer));
    if (taxes && invoice.tax().signum() != 0) {
      BigDecimal taxable = invoice.subtotal().subtract(invoice.discount());
      json.put(taxKey, List.of(Json.object(
          "id", FlexpriceSandboxIds.id("taxapp_", created, seed, TAX_SALT + invoice.index(), 0),
          "tax_rate_id", "taxrate_" + invoice.currency().toLowerCase(Locale.ROOT) + "_standard",
          "entity_type", "invoice",
          "entity_id", id,
          "taxable_amount", decimal(taxable),
          "tax_amount", decimal(invoice.tax()),
          "currency", currency,
          "applied_at", time(invoice.issuedAt()))));
    }
    return json;
  }

  private List<Object> lines(DatasetInvoice invoice, String invoiceId, String currency, int customer) {
    List<Object> lines = new ArrayList<>(invoice.lines().size());
    for (int i = 0; i < invoice.lines().size(); i++) {
      DatasetLine line = invoice.lines().get(i);
      boolean usage = line.quantity().compareTo(BigDecimal.ONE) != 0
          || !line.unit().equals("month");
      Map<String, Object> item = Json.object(
          "id", FlexpriceSandboxIds.id("inv_line_", createdAt(invoice), seed,
              LINE_SALT + (long) invoice.index() * 8 + i, i),
          "invoice_id", invoiceId,
          "customer_id", invoice.customerId(),
          "subscription_id", subscriptionId(customer),
          "entity_type", "plan",
          "plan_display_name", line.product(),
          "price_type", usage ? "USAGE" : "FIXED",
          "display_name", line.description(),
          "amount", decimal(line.amount()),
          "quantity", decimal(line.quantity()),
          "currency", currency,
          "period_start", time(Dates.startOfDay(invoice.periodStart())),
          "period_end", time(Dates.startOfDay(invoice.periodEnd())),
          "metadata", Json.object("region", line.region(), "unit", line.unit()),
          "prepaid_credits_applied", "0",
          "line_item_discount", decimal(line.discount()),
          "invoice_level_discount", "0",
          "status", "published");
      if (usage) item.put("meter_display_name", line.productGroup());
      lines.add(item);
    }
    return lines;
  }

  /**
   * Finalized (and voided) invoices were created a little before they were finalized, at a
   * fractional second; drafts and skipped invoices, never finalized, were created at
   * {@code issuedAt}, which is what a reader takes as their issue time.
   */
  private static Instant createdAt(DatasetInvoice invoice) {
    String status = invoiceStatus(invoice);
    if (invoice.index() < 0 || status.equals("DRAFT") || status.equals("SKIPPED")) {
      return invoice.issuedAt();
    }
    long micros = 310_000 + Math.floorMod(invoice.index() * 7919L, 600_000);
    return invoice.issuedAt().minusSeconds(3).plusNanos(micros * 1000);
  }

  private static Instant updated(DatasetInvoice invoice, Instant created) {
    Instant last = invoice.paidAt() != null ? invoice.paidAt() : created;
    return last.plusNanos(490_000_000L + Math.floorMod(invoice.index() * 31L, 1000) * 1000);
  }

  /** Writes {@code value} like shopspring's {@code Decimal.String()}: plain, trailing zeros trimmed. */
  static String decimal(BigDecimal value) {
    if (value.signum() == 0) return "0";
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** Writes {@code instant} like Go's {@code time.RFC3339Nano}: UTC, fraction trailing zeros trimmed. */
  static String time(Instant instant) {
    String text = instant.toString(); // ISO_INSTANT: no fraction when zero, else 3, 6 or 9 digits
    if (text.indexOf('.') < 0) return text;
    int end = text.length() - 1; // before the 'Z'
    while (text.charAt(end - 1) == '0') end--;
    return text.substring(0, end) + "Z";
  }

  static Instant periodStart(Dataset dataset, int index) {
    return Dates.startOfDay(periodStartDate(dataset, index));
  }

  /** The {@code period_end} of invoice {@code index}, without generating the invoice. */
  static Instant periodEnd(Dataset dataset, int index) {
    return Dates.startOfDay(Dataset.ANCHOR.minusMonths(index / dataset.customerCount()));
  }

  /** The first day of the month invoice {@code index} bills, without generating the invoice. */
  static LocalDate periodStartDate(Dataset dataset, int index) {
    return Dataset.ANCHOR.minusMonths(index / dataset.customerCount() + 1L);
  }
}
