package dev.invoicekit.stripe;

import dev.invoicekit.Invoice;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.tck.WireCase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Stripe's v1 invoices API: the list object paged by {@code starting_after}, the invoice with its
 * embedded lines, {@code create_preview} (form-encoded POST), and errors as
 * {@code {"error":{...}}} with and without a code.
 */
final class StripeWireCase extends WireCase {
  static final String KEY = "sk_test_51WireCaseKey7Hq2ZmV0tLc8RbN";
  static final String ID = "in_1S4vRqH2eZvKYlo2C0nT8bWx";
  static final String PREVIEW_ID = "upcoming_in_1S9kT2H2eZvKYlo2Xa0Pq4Lm";
  static final String SUBSCRIPTION = "sub_1S4vPaH2eZvKYlo2m7GqT9Lc";
  private static final String REQUEST_LOG = "https://dashboard.stripe.com/logs/req_internal_trace_91";

  /** A paid subscription invoice in USD with one discounted, taxed line. */
  static final String INVOICE = "{\"id\": \"" + ID + "\", \"object\": \"invoice\", \"livemode\": false,"
      + " \"customer\": \"cus_SsJ2kQ8vLmN4pX\", \"number\": \"4A7C19F2-0008\", \"status\": \"paid\","
      + " \"currency\": \"usd\", \"billing_reason\": \"subscription_cycle\","
      + " \"collection_method\": \"charge_automatically\", \"created\": 1785545892, \"due_date\": null,"
      + " \"period_start\": 1782864000, \"period_end\": 1785542400, \"subtotal\": 12500,"
      + " \"total_discount_amounts\": [{\"amount\": 2500, \"discount\": \"di_1S4v\"}],"
      + " \"total_pretax_credit_amounts\": [{\"amount\": 2500, \"type\": \"discount\", \"discount\": \"di_1S4v\"}],"
      + " \"total_taxes\": [{\"amount\": 888, \"tax_behavior\": \"exclusive\", \"type\": \"tax_rate_details\"}],"
      + " \"total\": 10888, \"amount_due\": 10888, \"amount_paid\": 10888, \"amount_remaining\": 0,"
      + " \"status_transitions\": {\"finalized_at\": 1785549520, \"paid_at\": 1785549524,"
      + " \"marked_uncollectible_at\": null, \"voided_at\": null}, \"description\": null,"
      + " \"hosted_invoice_url\": \"https://invoice.stripe.com/i/acct_1Rk2Qw/live_YWNj\","
      + " \"invoice_pdf\": \"https://pay.stripe.com/invoice/acct_1Rk2Qw/live_YWNj/pdf\","
      + " \"parent\": {\"type\": \"subscription_details\", \"subscription_details\": {\"subscription\": \""
      + SUBSCRIPTION + "\"}},"
      + " \"lines\": {\"object\": \"list\", \"has_more\": false, \"url\": \"/v1/invoices/" + ID + "/lines\","
      + " \"data\": [{\"id\": \"il_1S4vRqH2eZvKYlo2aP0d3KfN\", \"object\": \"line_item\", \"amount\": 12500,"
      + " \"currency\": \"usd\", \"description\": \"5 × Team (at $25.00 / month)\", \"quantity\": 5,"
      + " \"quantity_decimal\": \"5\", \"period\": {\"start\": 1785542400, \"end\": 1788220800},"
      + " \"pricing\": {\"type\": \"price_details\", \"unit_amount_decimal\": \"2500\","
      + " \"price_details\": {\"price\": \"price_1RzL\", \"product\": \"prod_SvTq0hB3nWcE7r\"}},"
      + " \"discount_amounts\": [{\"amount\": 2500, \"discount\": \"di_1S4v\"}],"
      + " \"pretax_credit_amounts\": [{\"amount\": 2500, \"type\": \"discount\", \"discount\": \"di_1S4v\"}],"
      + " \"taxes\": [{\"amount\": 888, \"tax_behavior\": \"exclusive\", \"type\": \"tax_rate_details\"}]}]}}";
  /** The preview Stripe answers create_preview with: a draft without number or transitions. */
  static final String PREVIEW = INVOICE.replace(ID, PREVIEW_ID)
      .replace("\"number\": \"4A7C19F2-0008\", \"status\": \"paid\"", "\"number\": null, \"status\": \"draft\"")
      .replace("\"billing_reason\": \"subscription_cycle\"", "\"billing_reason\": \"upcoming\"")
      .replace("\"amount_paid\": 10888, \"amount_remaining\": 0", "\"amount_paid\": 0, \"amount_remaining\": 10888")
      .replace("\"finalized_at\": 1785549520, \"paid_at\": 1785549524", "\"finalized_at\": null, \"paid_at\": null");

  StripeWireCase() {
    super("stripe", "/", Map.of("api-key", KEY));
  }

  @Override public PreviewRequest previewRequest() {
    return PreviewRequest.builder().subscriptionId(SUBSCRIPTION).build();
  }

  @Override public String method(Op op) {
    return op == Op.PREVIEW ? "POST" : "GET";
  }

  @Override public String path(Op op) {
    switch (op) {
      case LIST: return "/v1/invoices";
      case GET: return "/v1/invoices/" + ID;
      default: return "/v1/invoices/create_preview";
    }
  }

  @Override public String body(Op op, Payload payload) {
    String invoice = op == Op.PREVIEW ? PREVIEW : INVOICE;
    switch (payload) {
      case UNKNOWN_FIELDS_AND_ENUMS:
        invoice = swap(swap(invoice, "\"status\": \"" + (op == Op.PREVIEW ? "draft" : "paid") + "\"",
                "\"status\": \"disputed\", \"x_new_field\": " + UNKNOWN_OBJECT),
            "\"quantity\": 5,", "\"quantity\": 5, \"x_line_field\": " + UNKNOWN_OBJECT + ",");
        break;
      case MISSING_REQUIRED_FIELD:
        // Not id: an invoice without one gets a derived id (README, "Hostile answers").
        invoice = swap(invoice, "\"currency\": \"usd\", \"billing_reason\"", "\"billing_reason\"");
        break;
      case HUGE_NUMBERS:
        invoice = swap(swap(invoice, "\"total\": 10888", "\"total\": " + HUGE_AMOUNT),
            "\"quantity_decimal\": \"5\"", "\"quantity_decimal\": \"" + HUGE_QUANTITY + "\"");
        break;
      default:
        break;
    }
    return op == Op.LIST ? page(invoice, false) : invoice;
  }

  /** A list object of {@code invoices} (JSON, comma-separated). */
  static String page(String invoices, boolean hasMore) {
    return "{\"object\": \"list\", \"url\": \"/v1/invoices\", \"has_more\": " + hasMore
        + ", \"x_list_field\": " + UNKNOWN_OBJECT + ", \"data\": [" + invoices + "]}";
  }

  @Override public String invoiceId(Op op) {
    return op == Op.PREVIEW ? PREVIEW_ID : ID;
  }

  @Override public String numberMember(Op op) {
    return "\"total\": 10888";
  }

  @Override public String checkedTextMember(Op op) {
    return "\"currency\": \"usd\"";
  }

  @Override public String missingField(Op op) {
    return "currency";
  }

  /** The total in minor units is cents: the model holds it divided by 100. */
  @Override public List<BigDecimal> hugeNumbers(Op op) {
    return List.of(new BigDecimal(HUGE_AMOUNT).movePointLeft(2), new BigDecimal(HUGE_QUANTITY));
  }

  @Override public List<BigDecimal> readHugeNumbers(Invoice invoice, Op op) {
    return List.of(invoice.total().amount(), invoice.lines().get(0).quantity());
  }

  /** A page that continues after its own last invoice: served again, it holds the cursor sent. */
  @Override public String repeatingPage() {
    return page(INVOICE, true);
  }

  @Override public String emptyPageClaimingMore() {
    return page("", true);
  }

  @Override public List<String> errorShapes() {
    return List.of("error", "error-without-code");
  }

  @Override public String errorBody(String shape, int status) {
    String message = id() + " says no to this request (" + status + ")";
    String type = status >= 500 ? "api_error" : "invalid_request_error";
    if (shape.equals("error-without-code")) {
      return "{\"error\": {\"message\": \"" + message + "\", \"type\": \"" + type + "\"}}";
    }
    String code = errorCode(shape, status);
    return "{\"error\": {\"code\": \"" + code + "\", \"doc_url\": \"https://stripe.com/docs/error-codes/"
        + code + "\", \"message\": \"" + message + "\", \"param\": \"id\", \"request_log_url\": \""
        + REQUEST_LOG + "\", \"type\": \"" + type + "\"}}";
  }

  /** The decoder adds the parameter Stripe names. */
  @Override public String errorMessage(String shape, int status) {
    String message = super.errorMessage(shape, status);
    return shape.equals("error") ? message + " (param id)" : message;
  }

  /** The error's code; without one, its type. */
  @Override public String errorCode(String shape, int status) {
    if (shape.equals("error-without-code")) return status >= 500 ? "api_error" : "invalid_request_error";
    return status == 404 ? "resource_missing" : "invoice_error_" + status;
  }

  @Override public String errorInternalDetail(String shape) {
    return shape.equals("error") ? REQUEST_LOG : null;
  }

  @Override public List<String> credentialHeaders() {
    return List.of("Authorization");
  }
}
