package dev.invoicekit.fastly;

import dev.invoicekit.tck.WireCase;
import dev.invoicekit.Invoice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The Fastly Invoices API: cursor-paged list, get by id, the month-to-date estimate (its total a
 * string), errors as RFC 7807-like objects (status a string or a number), {@code {"msg":...}},
 * plain text and HTML.
 */
final class FastlyWireCase extends WireCase {
  static final String TOKEN = "fastly-key-Tg6RvX1nB0cQ";

  private static final String ID = "INV-375119";
  private static final String MTD_ID = "7ab9Xk2LqPzY0example-1785715200";
  private static final String INVOICE = "{\"customer_id\": \"7ab9Xk2LqPzY0example\", \"invoice_id\": \""
      + ID + "\", \"invoice_posted_on\": \"2026-08-01T00:00:00Z\","
      + " \"billing_start_date\": \"2026-07-01T00:00:00Z\", \"billing_end_date\": \"2026-07-31T00:00:00Z\","
      + " \"statement_number\": \"INV-375119\", \"currency_code\": \"USD\","
      + " \"monthly_transaction_amount\": 6604.19, \"payment_status\": \"outstanding\","
      + " \"transaction_line_items\": [{\"description\": \"Asia Requests\", \"amount\": 292.03,"
      + " \"credit_coupon_code\": \"\", \"rate\": 0.002, \"units\": 146017.0369,"
      + " \"product_name\": \"Asia Requests\", \"product_group\": \"Full Site Delivery\","
      + " \"product_line\": \"Network Services\", \"region\": \"Asia\", \"usage_type\": \"Requests\"}]}";
  private static final String MONTH_TO_DATE = "{\"customer_id\": \"7ab9Xk2LqPzY0example\","
      + " \"invoice_id\": \"" + MTD_ID + "\", \"billing_start_date\": \"2026-08-01T00:00:00Z\","
      + " \"billing_end_date\": \"2026-08-04T07:30:00Z\", \"monthly_transaction_amount\": \"2890.32\","
      + " \"transaction_line_items\": [{\"description\": \"North America Bandwidth\", \"amount\": 180.11,"
      + " \"rate\": 0.08, \"units\": 2251.375, \"product_name\": \"North America Bandwidth\","
      + " \"product_group\": \"Full Site Delivery\", \"product_line\": \"Network Services\","
      + " \"region\": \"North America\", \"usage_type\": \"Bandwidth\"}]}";

  FastlyWireCase() {
    super("fastly", "/", Map.of("api-token", TOKEN));
  }

  @Override public String method(Op op) {
    return "GET";
  }

  @Override public String path(Op op) {
    switch (op) {
      case LIST: return "/billing/v3/invoices";
      case GET: return "/billing/v3/invoices/" + ID;
      default: return "/billing/v3/invoices/month-to-date";
    }
  }

  @Override public String body(Op op, Payload payload) {
    if (op == Op.PREVIEW) return monthToDate(payload);
    String invoice = invoice(payload);
    return op == Op.GET ? invoice : page(invoice, "");
  }

  private static String invoice(Payload payload) {
    switch (payload) {
      case UNKNOWN_FIELDS_AND_ENUMS:
        return swap(swap(INVOICE, "\"payment_status\": \"outstanding\"",
                "\"payment_status\": \"disputed\", \"x_new_field\": " + UNKNOWN_OBJECT),
            "\"usage_type\": \"Requests\"", "\"usage_type\": \"Requests\", \"x_line_field\": " + UNKNOWN_OBJECT);
      case MISSING_REQUIRED_FIELD:
        // Not invoice_id: an invoice without one gets a derived id (README, "Hostile answers").
        return swap(INVOICE, "\"monthly_transaction_amount\": 6604.19", "\"monthly_transaction_amount\": null");
      case HUGE_NUMBERS:
        return swap(swap(INVOICE, "\"monthly_transaction_amount\": 6604.19",
                "\"monthly_transaction_amount\": " + HUGE_AMOUNT),
            "\"units\": 146017.0369", "\"units\": " + HUGE_QUANTITY);
      default:
        return INVOICE;
    }
  }

  private static String monthToDate(Payload payload) {
    switch (payload) {
      case UNKNOWN_FIELDS_AND_ENUMS:
        return swap(MONTH_TO_DATE, "\"usage_type\": \"Bandwidth\"",
            "\"usage_type\": \"Bandwidth\", \"x_line_field\": " + UNKNOWN_OBJECT + ", \"payment_status\": \"accrued\"");
      case MISSING_REQUIRED_FIELD:
        return swap(MONTH_TO_DATE, "\"monthly_transaction_amount\": \"2890.32\"", "\"monthly_transaction_amount\": null");
      case HUGE_NUMBERS:
        return swap(swap(MONTH_TO_DATE, "\"monthly_transaction_amount\": \"2890.32\"",
                "\"monthly_transaction_amount\": \"" + HUGE_AMOUNT + "\""),
            "\"units\": 2251.375", "\"units\": " + HUGE_QUANTITY);
      default:
        return MONTH_TO_DATE;
    }
  }

  /** A list answer of {@code invoices} (JSON, comma-separated) and {@code nextCursor}. */
  static String page(String invoices, String nextCursor) {
    return "{\"data\": [" + invoices + "], \"meta\": {\"next_cursor\": \"" + nextCursor
        + "\", \"limit\": 1, \"sort\": \"-billing_start_date\", \"total\": 31}, \"x_meta\": "
        + UNKNOWN_OBJECT + "}";
  }

  @Override public String invoiceId(Op op) {
    return op == Op.PREVIEW ? MTD_ID : ID;
  }

  @Override public String numberMember(Op op) {
    return op == Op.PREVIEW ? "\"monthly_transaction_amount\": \"2890.32\"" : "\"monthly_transaction_amount\": 6604.19";
  }

  @Override public String checkedTextMember(Op op) {
    return op == Op.PREVIEW ? "\"billing_start_date\": \"2026-08-01T00:00:00Z\""
        : "\"billing_start_date\": \"2026-07-01T00:00:00Z\"";
  }

  @Override public String missingField(Op op) {
    return "monthly_transaction_amount";
  }

  @Override public List<BigDecimal> hugeNumbers(Op op) {
    return List.of(new BigDecimal(HUGE_AMOUNT), new BigDecimal(HUGE_QUANTITY));
  }

  @Override public List<BigDecimal> readHugeNumbers(Invoice invoice, Op op) {
    return List.of(invoice.total().amount(), invoice.lines().get(0).quantity());
  }

  /** A page whose next cursor is the cursor that fetched it: base64 with {@code +}, {@code /} and {@code =}. */
  @Override public String repeatingPage() {
    return page(INVOICE, "eyJpZCI6IjI5MjM5OTg1In0+/==");
  }

  @Override public String emptyPageClaimingMore() {
    return page("", "eyJvZmZzZXQiOjIwMH0=");
  }

  @Override public List<String> errorShapes() {
    return List.of("problem", "problem-numeric-status", "msg", "plain-text", "html");
  }

  @Override public String errorContentType(String shape) {
    switch (shape) {
      case "plain-text": return "text/plain; charset=utf-8";
      case "html": return "text/html; charset=utf-8";
      default: return super.errorContentType(shape);
    }
  }

  @Override public String errorBody(String shape, int status) {
    String message = errorMessage(shape, status);
    switch (shape) {
      case "problem":
        return "{\"type\": \"https://developer.fastly.com/errors/" + errorCode(shape, status)
            + "\", \"title\": \"" + message + "\", \"code\": \"" + errorCode(shape, status)
            + "\", \"status\": \"" + status + "\"}";
      case "problem-numeric-status":
        return "{\"title\": \"" + message + "\", \"status\": " + status + "}";
      case "msg":
        return "{\"msg\": \"" + message + "\"}";
      case "plain-text":
        return message + "\n";
      default:
        return "<html>\n<head><title>" + message + "</title></head>\n<body><h1>" + status
            + "</h1><hr><center>Varnish cache server</center></body>\n</html>";
    }
  }

  @Override public String errorCode(String shape, int status) {
    return shape.equals("problem") ? "invoice_error_" + status : null;
  }

  @Override public List<String> credentialHeaders() {
    return List.of("Fastly-Key");
  }
}
