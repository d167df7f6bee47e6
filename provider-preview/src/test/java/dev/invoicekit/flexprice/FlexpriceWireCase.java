package dev.invoicekit.flexprice;

import dev.invoicekit.tck.WireCase;
import dev.invoicekit.Invoice;
import dev.invoicekit.PreviewRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Flexprice: offset-paged {@code POST /invoices/search} (read-only, so retried), get by id, the
 * per-subscription {@code POST /invoices/preview}, amounts as decimal strings, and four error
 * shapes (flat, legacy envelope, older status object, auth middleware).
 */
final class FlexpriceWireCase extends WireCase {
  static final String API_KEY = "flex-api-key-Wm3JcN8aLp5e";
  static final String SUBSCRIPTION = "subs_01K1H9A2B3C4D5E6F7G8H9J0K1";

  private static final String ID = "inv_01K2Z8Q4T7XW3M9R5D6B1C2E4F";
  private static final String PREVIEW_ID = "inv_01K3PREVIEW0000000000000AB";
  private static final String INVOICE = "{\"id\": \"" + ID + "\","
      + " \"customer_id\": \"cust_01K1H7V2N3P4Q5R6S7T8U9V0W1\", \"subscription_id\": \"" + SUBSCRIPTION + "\","
      + " \"invoice_type\": \"SUBSCRIPTION\", \"invoice_status\": \"FINALIZED\", \"payment_status\": \"SUCCEEDED\","
      + " \"currency\": \"usd\", \"amount_due\": \"129.5\", \"amount_paid\": \"129.5\", \"amount_remaining\": \"0\","
      + " \"subtotal\": \"120\", \"total\": \"129.5\", \"total_discount\": \"0\", \"total_tax\": \"9.5\","
      + " \"invoice_number\": \"INV-2026-00042\", \"billing_reason\": \"SUBSCRIPTION_CYCLE\","
      + " \"period_start\": \"2026-07-01T00:00:00Z\", \"period_end\": \"2026-08-01T00:00:00Z\","
      + " \"due_date\": \"2026-08-01T00:00:00Z\", \"finalized_at\": \"2026-08-01T00:05:00.120931Z\","
      + " \"paid_at\": \"2026-08-01T06:12:09.482913Z\","
      + " \"invoice_pdf_url\": \"https://files.flexprice.io/invoices/inv_01K2Z8Q4.pdf\","
      + " \"created_at\": \"2026-08-01T00:00:02.31Z\", \"line_items\": [{\"id\": \"inv_line_01K2Z8Q5AAAA\","
      + " \"display_name\": \"API calls\", \"amount\": \"120\", \"quantity\": \"40000\", \"currency\": \"usd\","
      + " \"period_start\": \"2026-07-01T00:00:00Z\", \"period_end\": \"2026-08-01T00:00:00Z\"}]}";
  private static final String PREVIEW = INVOICE
      .replace(ID, PREVIEW_ID)
      .replace("\"invoice_status\": \"FINALIZED\", \"payment_status\": \"SUCCEEDED\"",
          "\"invoice_status\": \"DRAFT\", \"payment_status\": \"PENDING\"")
      .replace("\"invoice_number\": \"INV-2026-00042\"", "\"invoice_number\": null");
  private static final String HUGE_DUE = "123456789012345678901234567890.000000000000000000000001";

  FlexpriceWireCase() {
    super("flexprice", "/v1/", Map.of("api-key", API_KEY));
  }

  @Override public PreviewRequest previewRequest() {
    return PreviewRequest.builder().subscriptionId(SUBSCRIPTION).build();
  }

  @Override public String method(Op op) {
    return op == Op.GET ? "GET" : "POST";
  }

  @Override public String path(Op op) {
    switch (op) {
      case LIST: return "/v1/invoices/search";
      case GET: return "/v1/invoices/" + ID;
      default: return "/v1/invoices/preview";
    }
  }

  @Override public String body(Op op, Payload payload) {
    String invoice = invoice(op == Op.PREVIEW ? PREVIEW : INVOICE, payload);
    return op == Op.LIST ? search(invoice, 1, 0) : invoice;
  }

  private static String invoice(String invoice, Payload payload) {
    switch (payload) {
      case UNKNOWN_FIELDS_AND_ENUMS: {
        String status = invoice.contains("\"DRAFT\"") ? "\"invoice_status\": \"DRAFT\"" : "\"invoice_status\": \"FINALIZED\"";
        return swap(swap(invoice, status, "\"invoice_status\": \"ARCHIVED_FOR_AUDIT\", \"x_new_field\": "
                + UNKNOWN_OBJECT),
            "\"display_name\": \"API calls\"", "\"display_name\": \"API calls\", \"price_type\": \"TIERED_V2\","
                + " \"x_line_field\": " + UNKNOWN_OBJECT);
      }
      case MISSING_REQUIRED_FIELD:
        return swap(invoice, "\"total\": \"129.5\", ", "");
      case HUGE_NUMBERS:
        return swap(swap(swap(invoice, "\"total\": \"129.5\"", "\"total\": \"" + HUGE_AMOUNT + "\""),
                "\"amount_due\": \"129.5\"", "\"amount_due\": " + HUGE_DUE), // unquoted: a JSON number
            "\"quantity\": \"40000\"", "\"quantity\": \"" + HUGE_QUANTITY + "\"");
      default:
        return invoice;
    }
  }

  /** A search answer of {@code invoices} (JSON, comma-separated) with its pagination. */
  static String search(String invoices, long total, long offset) {
    return "{\"items\": [" + invoices + "], \"pagination\": {\"total\": " + total
        + ", \"limit\": 2, \"offset\": " + offset + "}, \"x_envelope_field\": " + UNKNOWN_OBJECT + "}";
  }

  @Override public String invoiceId(Op op) {
    return op == Op.PREVIEW ? PREVIEW_ID : ID;
  }

  @Override public String numberMember(Op op) {
    return "\"total\": \"129.5\"";
  }

  @Override public String checkedTextMember(Op op) {
    return "\"period_start\": \"2026-07-01T00:00:00Z\"";
  }

  @Override public String missingField(Op op) {
    return "total";
  }

  @Override public List<BigDecimal> hugeNumbers(Op op) {
    return List.of(new BigDecimal(HUGE_AMOUNT), new BigDecimal(HUGE_DUE), new BigDecimal(HUGE_QUANTITY));
  }

  @Override public List<BigDecimal> readHugeNumbers(Invoice invoice, Op op) {
    return List.of(invoice.total().amount(), invoice.amountDue().amount(),
        invoice.lines().get(0).quantity());
  }

  /** The first two of six invoices whatever offset is asked for: a server that ignores {@code offset}. */
  @Override public String repeatingPage() {
    return search(INVOICE + ", " + INVOICE.replace(ID, ID.replace("4F", "4G")), 6, 0);
  }

  @Override public String emptyPageClaimingMore() {
    return search("", 57, 0);
  }

  @Override public List<String> errorShapes() {
    return List.of("flat", "legacy", "status", "auth-middleware");
  }

  @Override public String errorBody(String shape, int status) {
    String message = errorMessage(shape, status);
    switch (shape) {
      case "flat":
        return "{\"code\": \"" + errorCode(shape, status) + "\", \"message\": \"" + message
            + "\", \"http_status_code\": " + status + ", \"details\": {\"invoice_id\": \"" + ID + "\"}}";
      case "legacy":
        return "{\"success\": false, \"error\": {\"message\": \"" + message + "\", \"internal_error\": \""
            + errorInternalDetail(shape) + "\", \"details\": {}}}";
      case "status":
        return "{\"status\": \"error\", \"message\": \"" + message + "\", \"code\": " + status + "}";
      default:
        return "{\"error\": \"" + message + "\"}";
    }
  }

  @Override public String errorCode(String shape, int status) {
    switch (shape) {
      case "flat":
        switch (status) {
          case 401: return "unauthorized";
          case 403: return "permission_denied";
          case 404: return "not_found";
          case 429: return "too_many_requests";
          case 500: return "internal_error";
          case 503: return "service_unavailable";
          default: return "validation_error";
        }
      case "status":
        return Integer.toString(status);
      default:
        return null;
    }
  }

  @Override public String errorInternalDetail(String shape) {
    return shape.equals("legacy") ? "pq: relation invoices_v2 does not exist at 10.0.3.7:5432" : null;
  }

  @Override public List<String> credentialHeaders() {
    return List.of("x-api-key");
  }
}
