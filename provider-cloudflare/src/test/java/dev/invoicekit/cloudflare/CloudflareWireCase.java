package dev.invoicekit.cloudflare;

import dev.invoicekit.tck.WireCase;
import dev.invoicekit.Invoice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare AI Gateway billing: invoice-history (page-based; also what {@code get} scans, as
 * Cloudflare has no get-by-id) and invoice-preview, amounts in cents, the v4 envelope for errors
 * and an HTML page from the edge.
 */
final class CloudflareWireCase extends WireCase {
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  static final String TOKEN = "cf-api-token-Zq81xLmW4vYt";
  static final String EMAIL = "billing-ops@cf-secret.example";
  static final String KEY = "cf-global-key-7Hd2pQs9Rk";

  private static final String ID = "in_1PqR8sLkdIwHu7ix0a1b2c3d";
  private static final String PREVIEW_ID = "upcoming_in_1PqR8sLkdIwHu7ix";
  private static final String HISTORY_ITEM = "{\"id\": \"" + ID + "\", \"amount_due\": 1000,"
      + " \"amount_paid\": 1000, \"amount_remaining\": 0, \"currency\": \"usd\","
      + " \"attempt_count\": 1, \"attempted\": true, \"auto_advance\": false,"
      + " \"created\": 1785715200, \"created_by\": \"auto_topup\","
      + " \"description\": \"AI Gateway credits top-up\", \"invoice_origin\": \"auto\","
      + " \"invoice_pdf\": \"https://pay.stripe.com/invoice/acct_X/test_X/pdf\", \"status\": \"paid\"}";
  private static final String PREVIEW = "{\"id\": \"" + PREVIEW_ID + "\", \"amount_due\": 18846,"
      + " \"amount_paid\": 0, \"amount_remaining\": 18846, \"currency\": \"usd\", \"status\": \"draft\","
      + " \"period_start\": 1785542400, \"period_end\": 1788220800, \"invoice_lines\": ["
      + "{\"amount\": 19287, \"currency\": \"usd\", \"description\": \"openai/gpt-5 tokens\","
      + " \"period\": {\"start\": 1785542400, \"end\": 1788220800},"
      + " \"pricing\": {\"unit_amount_decimal\": \"0.000125\"}, \"quantity\": 154296000,"
      + " \"pretax_credit_amounts\": [{\"amount\": 441, \"type\": \"credit_balance_transaction\","
      + " \"credit_balance_transaction\": \"cbtxn_1PqRabcd\", \"discount\": null}]}]}";

  CloudflareWireCase() {
    super("cloudflare", "/client/v4/", Map.of("account-id", ACCOUNT, "api-token", TOKEN));
  }

  @Override public boolean hasGetEndpoint() {
    return false;
  }

  @Override public String method(Op op) {
    return "GET";
  }

  @Override public String path(Op op) {
    return "/client/v4/accounts/" + ACCOUNT + "/ai-gateway/billing/"
        + (op == Op.PREVIEW ? "invoice-preview" : "invoice-history");
  }

  @Override public String body(Op op, Payload payload) {
    if (op == Op.PREVIEW) return envelope(preview(payload));
    return history(item(payload), false, 1, 50, "1");
  }

  private static String item(Payload payload) {
    switch (payload) {
      case UNKNOWN_FIELDS_AND_ENUMS:
        return swap(HISTORY_ITEM, "\"status\": \"paid\"",
            "\"status\": \"partially_refunded\", \"x_new_field\": " + UNKNOWN_OBJECT);
      case MISSING_REQUIRED_FIELD:
        return swap(HISTORY_ITEM, "\"amount_due\": 1000, ", "");
      case HUGE_NUMBERS:
        return swap(swap(HISTORY_ITEM, "\"amount_due\": 1000", "\"amount_due\": 123456789012345678901234567890"),
            "\"amount_paid\": 1000", "\"amount_paid\": 0.123456789012345678901234");
      default:
        return HISTORY_ITEM;
    }
  }

  private static String preview(Payload payload) {
    switch (payload) {
      case UNKNOWN_FIELDS_AND_ENUMS:
        return swap(swap(PREVIEW, "\"status\": \"draft\"",
                "\"status\": \"scheduled\", \"x_new_field\": " + UNKNOWN_OBJECT),
            "\"quantity\": 154296000", "\"quantity\": 154296000, \"x_line_field\": " + UNKNOWN_OBJECT);
      case MISSING_REQUIRED_FIELD:
        return swap(PREVIEW, "\"amount_due\": 18846, ", "");
      case HUGE_NUMBERS:
        return swap(swap(PREVIEW, "\"amount_due\": 18846", "\"amount_due\": 123456789012345678901234567890"),
            "\"quantity\": 154296000", "\"quantity\": " + HUGE_AMOUNT);
      default:
        return PREVIEW;
    }
  }

  /** The v4 envelope of {@code result}, with a field no client knows yet. */
  private static String envelope(String result) {
    return "{\"success\": true, \"errors\": [], \"messages\": [], \"result\": " + result
        + ", \"x_envelope_field\": " + UNKNOWN_OBJECT + "}";
  }

  /** An invoice-history answer: {@code items} (JSON, comma-separated) and its pagination. */
  static String history(String items, boolean hasMore, int page, int perPage, String totalCount) {
    String pagination = "{\"has_more\": " + hasMore + ", \"page\": " + page + ", \"per_page\": "
        + perPage + ", \"total_count\": " + totalCount + "}";
    return envelope("{\"invoices\": [" + items + "], \"pagination\": " + pagination + "}");
  }

  @Override public String invoiceId(Op op) {
    return op == Op.PREVIEW ? PREVIEW_ID : ID;
  }

  @Override public String numberMember(Op op) {
    return op == Op.PREVIEW ? "\"amount_due\": 18846" : "\"amount_due\": 1000";
  }

  @Override public String checkedTextMember(Op op) {
    return "\"currency\": \"usd\"";
  }

  @Override public String missingField(Op op) {
    return "amount_due";
  }

  @Override public List<BigDecimal> hugeNumbers(Op op) {
    return op == Op.PREVIEW
        ? List.of(new BigDecimal("1234567890123456789012345678.90"),
            new BigDecimal(HUGE_AMOUNT))
        : List.of(new BigDecimal("1234567890123456789012345678.90"),
            new BigDecimal("0.00123456789012345678901234"));
  }

  @Override public List<BigDecimal> readHugeNumbers(Invoice invoice, Op op) {
    return op == Op.PREVIEW
        ? List.of(invoice.total().amount(), invoice.lines().get(0).quantity())
        : List.of(invoice.total().amount(), invoice.amountPaid().amount());
  }

  /** Page 1 of 2 whatever page is asked for: a server that ignores {@code page}. */
  @Override public String repeatingPage() {
    return history(HISTORY_ITEM + ", " + HISTORY_ITEM.replace(ID, ID + "b"), true, 1, 2, "4");
  }

  @Override public String emptyPageClaimingMore() {
    return history("", true, 1, 50, "120");
  }

  @Override public List<String> errorShapes() {
    return List.of("v4-envelope", "edge-html");
  }

  @Override public String errorContentType(String shape) {
    return shape.equals("edge-html") ? "text/html; charset=UTF-8" : super.errorContentType(shape);
  }

  @Override public String errorBody(String shape, int status) {
    if (shape.equals("edge-html")) {
      return "<!DOCTYPE html>\n<html><head><title>Attention Required! | Cloudflare</title></head>"
          + "<body><h1>Sorry, you have been blocked</h1><p>Ray ID: 8f1c2d3e4a5b6c7d</p></body></html>";
    }
    return "{\"success\": false, \"errors\": [{\"code\": " + errorCode(shape, status)
        + ", \"message\": \"" + errorMessage(shape, status) + "\"}], \"messages\": [], \"result\": null}";
  }

  @Override public String errorMessage(String shape, int status) {
    return shape.equals("edge-html") ? null : super.errorMessage(shape, status);
  }

  @Override public String errorCode(String shape, int status) {
    if (shape.equals("edge-html")) return null;
    switch (status) {
      case 401: return "10000";
      case 403: return "10001";
      case 404: return "7003";
      case 429: return "971";
      default: return Integer.toString(10000 + status);
    }
  }

  /** A token, or an e-mail and a global key. */
  @Override public List<AuthScheme> authSchemes() {
    return List.of(
        new AuthScheme("cloudflare api-token", List.of(), List.of(TOKEN), List.of("Authorization")),
        new AuthScheme("cloudflare api-email + api-key",
            java.util.Arrays.asList("api-token", null, "api-email", EMAIL, "api-key", KEY),
            List.of(EMAIL, KEY), List.of("X-Auth-Email", "X-Auth-Key")));
  }

  @Override public List<String> credentialHeaders() {
    return List.of("Authorization", "X-Auth-Email", "X-Auth-Key");
  }
}
