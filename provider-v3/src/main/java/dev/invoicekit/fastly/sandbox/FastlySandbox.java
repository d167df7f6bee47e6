package dev.invoicekit.fastly.sandbox;

import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.DatasetLine;
import dev.invoicekit.sandbox.Dates;
import dev.invoicekit.sandbox.Json;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxException;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.SandboxRequest;
import dev.invoicekit.sandbox.SandboxResponse;
import dev.invoicekit.sandbox.Window;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * An emulator of the Fastly Invoices API ({@code /billing/v3}) on loopback.
 *
 * <p>It serves {@code GET /billing/v3/invoices} (newest first; {@code limit} default 100, clamped
 * at 200, above 500 a 400; base64 {@code cursor}s that always contain {@code +} and {@code /}, so
 * a client that does not percent-encode them fails; {@code billing_start_date} keeps invoices
 * starting on or after it, {@code billing_end_date} those whose last day is on or before it),
 * {@code GET /billing/v3/invoices/{invoice_id}} (ids {@code INV-375001} and up, the oldest tenth
 * bare numbers from {@code 29239001}; 404 {@code {"title":"requested id:<id> doesn't
 * exist","status":404}}) and {@code GET /billing/v3/invoices/month-to-date} (the upcoming invoice
 * of the first customer, in USD, its total a string, no currency). An invoice's line items add
 * up to its {@code monthly_transaction_amount}: a line's credit follows it as a negative line
 * (coupon code {@code SANDBOX-CREDIT} on closed invoices) and a taxed invoice ends with a
 * {@code Tax} line. Query parameters other than those named here are a 400 naming the
 * parameter. Requests need
 * {@code Fastly-Key}; otherwise 401 {@code {"msg":"Provided credentials are missing or invalid"}}.
 *
 * <p>Vendor options: {@code "line-item-spelling"} = {@code "snake"} (default, {@code product_name})
 * or {@code "pascal"} (the 2024 spelling, {@code ProductName}); {@code "mtd-accepted-first"} =
 * {@code N}: the first N month-to-date requests get 202 ("still being generated").
 *
 * <pre>{@code
 * try (FastlySandbox fastly = FastlySandbox.start(SandboxOptions.builder().invoices(300).build())) {
 *   ProviderConfig config = ProviderConfig.builder("fastly").setAll(fastly.providerSettings()).build();
 *   ...
 * }
 * }</pre>
 */
public final class FastlySandbox extends Sandbox {
  /** The option naming the line-item key spelling: {@code "snake"} or {@code "pascal"}. */
  public static final String LINE_ITEM_SPELLING = "line-item-spelling";
  /** The option counting the month-to-date requests answered 202 before the estimate is ready. */
  public static final String MTD_ACCEPTED_FIRST = "mtd-accepted-first";

  static final String AUTH_HEADER = "Fastly-Key";
  static final String REQUEST_ID_HEADER = "Fastly-Request-Id";
  /** The coupon code of the sandbox's credit lines. */
  static final String CREDIT_COUPON_CODE = "SANDBOX-CREDIT";
  private static final String CREDENTIALS_MESSAGE = "Provided credentials are missing or invalid";
  private static final long INV_BASE = 375_000;
  private static final long NUMERIC_BASE = 29_239_000;
  /** The list query parameters the sandbox implements; any other is a 400 naming it. */
  private static final Set<String> LIST_QUERY =
      Set.of("limit", "cursor", "billing_start_date", "billing_end_date");
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 200;
  private static final int REJECTED_ABOVE = 500;
  /** Leads every cursor: it encodes as {@code "++++////"}, so every cursor needs percent-encoding. */
  private static final byte[] CURSOR_SALT = {
      (byte) 0xfb, (byte) 0xef, (byte) 0xbe, (byte) 0xff, (byte) 0xff, (byte) 0xff};
  private static final Duration MTD_AS_OF = Duration.ofDays(3).plusHours(7).plusMinutes(30);

  private final boolean pascal;
  private final int mtdAcceptedFirst;
  private final AtomicInteger mtdRequests = new AtomicInteger();

  private FastlySandbox(SandboxOptions options) {
    super(options, "/");
    String spelling = options.vendorOption(LINE_ITEM_SPELLING, "snake");
    if (!spelling.equals("snake") && !spelling.equals("pascal")) {
      throw new IllegalArgumentException(
          LINE_ITEM_SPELLING + " must be snake or pascal: '" + spelling + "'");
    }
    this.pascal = spelling.equals("pascal");
    String accepted = options.vendorOption(MTD_ACCEPTED_FIRST, "0");
    try {
      this.mtdAcceptedFirst = Integer.parseInt(accepted.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(MTD_ACCEPTED_FIRST + " is not a whole number: '" + accepted + "'", e);
    }
    if (mtdAcceptedFirst < 0) {
      throw new IllegalArgumentException(MTD_ACCEPTED_FIRST + " must be >= 0: " + mtdAcceptedFirst);
    }
  }

  /**
   * Starts a Fastly sandbox on a free loopback port.
   *
   * @throws IllegalArgumentException if a vendor option is malformed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public static FastlySandbox start(SandboxOptions options) {
    return Sandbox.started(new FastlySandbox(options));
  }

  @Override public String providerId() {
    return "fastly";
  }

  /** {@code Fastly-Request-Id}. */
  @Override public Paging paging() {
    return Paging.CURSOR;
  }

  @Override public String requestIdHeader() {
    return REQUEST_ID_HEADER;
  }

  /** Returns {@code base-url} and {@code api-token}; the token is a credential: do not log it. */
  @Override public Map<String, String> providerSettings() {
    return Map.of("base-url", baseUrl(), "api-token", options().credential());
  }

  /**
   * Returns the Fastly {@code invoice_id} of data set invoice {@code index}: {@code INV-375001}
   * for the oldest after the numeric ones, counting up to the newest; the oldest tenth are bare
   * numbers ({@code 29239001}...).
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < dataset().size()}
   */
  @Override public String invoiceId(int index) {
    int size = dataset().size();
    Objects.checkIndex(index, size);
    long sequence = size - index;
    return sequence <= numericCount() ? Long.toString(NUMERIC_BASE + sequence) : "INV-" + (INV_BASE + sequence);
  }

  /** Returns the {@code monthly_transaction_amount} of the month-to-date estimate, as sent. */
  public String monthToDateAmount() {
    return monthToDateInvoice().total().toPlainString();
  }

  @Override public String invoicePath(int index) {
    return "billing/v3/invoices/" + invoiceId(index);
  }

  @Override public Map<String, String> credentialHeaders() {
    return Map.of(AUTH_HEADER, options().credential());
  }

  @Override protected boolean authorized(SandboxRequest request) {
    return request.headerEquals(AUTH_HEADER, options().credential());
  }

  @Override protected SandboxResponse handle(SandboxRequest request) {
    if (request.matches("GET", "billing", "v3", "invoices")) {
      request.requireOnlyQuery(LIST_QUERY);
      return list(request);
    }
    if (request.matches("GET", "billing", "v3", "invoices", "*")) {
      request.requireOnlyQuery(Set.of());
      return request.segment(3).equals("month-to-date") ? monthToDate() : get(request.segment(3));
    }
    return null;
  }

  /**
   * Fastly's shapes: {@code {"msg":...}} for bad credentials, {@code {"title","status"}} else;
   * with a vendor code, the RFC 7807-like {@code {"code","title","status"}} (a 401 included).
   */
  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    if (vendorCode != null) {
      return SandboxResponse.json(status, Json.object(
          "code", vendorCode, "title", status == 401 ? CREDENTIALS_MESSAGE : message, "status", (long) status));
    }
    if (status == 401) {
      return SandboxResponse.json(401, Json.object("msg", CREDENTIALS_MESSAGE));
    }
    return SandboxResponse.json(status, Json.object("title", message, "status", (long) status));
  }

  private SandboxResponse list(SandboxRequest request) {
    int limit = request.intQuery("limit", DEFAULT_LIMIT);
    if (limit < 1) throw new SandboxException(400, "limit must be positive: " + limit);
    if (limit > REJECTED_ABOVE) {
      throw new SandboxException(400, "limit must be at most " + REJECTED_ABOVE + ": " + limit);
    }
    int size = dataset().size();
    // Periods start later the lower the index, so each date filter keeps a contiguous range.
    int from = 0;
    int to = size;
    String startParam = request.query("billing_start_date");
    if (startParam != null && !startParam.isEmpty()) {
      Instant start = Dates.parseInstant("billing_start_date", startParam);
      to = firstIndex(size, i -> periodStart(i).isBefore(start));
    }
    String endParam = request.query("billing_end_date");
    if (endParam != null && !endParam.isEmpty()) {
      Instant end = Dates.parseInstant("billing_end_date", endParam);
      from = firstIndex(size, i -> !lastDay(i).isAfter(end));
    }
    to = Math.max(from, to);
    String cursor = request.query("cursor");
    long offset = cursor == null || cursor.isEmpty() ? 0 : decodeCursor(cursor);
    Window window = Window.ofOffset(offset, Math.min(limit, MAX_LIMIT), to - from);
    int first = from;
    List<Object> data = window.indices()
        .mapToObj(i -> invoiceJson(dataset().invoice(first + i), invoiceId(first + i)))
        .collect(Collectors.toList());
    return SandboxResponse.ok(Json.object(
        "data", data,
        "meta", Json.object(
            "next_cursor", window.hasMore() ? encodeCursor(window.to()) : "",
            "limit", (long) window.size(),
            "sort", "-billing_start_date",
            "total", (long) window.total())));
  }

  private SandboxResponse get(String id) {
    int index = indexOf(id);
    if (index < 0) throw new SandboxException(404, "requested id:" + id + " doesn't exist");
    return SandboxResponse.ok(invoiceJson(dataset().invoice(index), id));
  }

  private SandboxResponse monthToDate() {
    if (mtdRequests.getAndIncrement() < mtdAcceptedFirst) {
      return SandboxResponse.json(202, Json.object(
          "title", "Month-to-date invoice is being generated, try again later", "status", 202L));
    }
    DatasetInvoice upcoming = monthToDateInvoice();
    Instant start = Dates.startOfDay(upcoming.periodStart());
    List<Object> lines = lineItems(upcoming, false);
    return SandboxResponse.ok(Json.object(
        "customer_id", upcoming.customerId(),
        "invoice_id", upcoming.customerId() + "-" + start.getEpochSecond(),
        "billing_start_date", start.toString(),
        "billing_end_date", start.plus(MTD_AS_OF).toString(),
        "monthly_transaction_amount", upcoming.total().toPlainString(),
        "transaction_line_items", lines));
  }

  /** The first customer's upcoming invoice: that customer bills in USD, as month-to-date assumes. */
  private DatasetInvoice monthToDateInvoice() {
    return dataset().upcoming(0);
  }

  private Map<String, Object> invoiceJson(DatasetInvoice invoice, String id) {
    List<Object> lines = lineItems(invoice, true);
    return Json.object(
        "customer_id", invoice.customerId(),
        "invoice_id", id,
        "invoice_posted_on", invoice.issuedAt().toString(),
        "billing_start_date", Dates.startOfDay(invoice.periodStart()).toString(),
        "billing_end_date", Dates.startOfDay(invoice.periodEnd().minusDays(1)).toString(),
        "statement_number", id,
        "currency_code", invoice.currency(),
        "monthly_transaction_amount", invoice.total(),
        "payment_status", invoice.status().equals("paid") ? "paid" : "outstanding",
        "transaction_line_items", lines);
  }

  /**
   * The line items of {@code invoice}, which add up to its {@code monthly_transaction_amount}
   * (Fastly's invoice states no tax or credit beside its lines): each usage line at its full
   * amount, right after it the line's credit as a negative line with a coupon code, and a last
   * {@code Tax} line when the invoice is taxed.
   */
  private List<Object> lineItems(DatasetInvoice invoice, boolean closed) {
    List<Object> lines = new ArrayList<>();
    for (DatasetLine line : invoice.lines()) {
      boolean flat = line.quantity().compareTo(BigDecimal.ONE) == 0
          && line.unitPrice().compareTo(line.amount()) == 0;
      lines.add(lineJson(line.description(), line.amount(), closed ? "" : null,
          flat ? null : line.unitPrice(), line.quantity(), line.product(), line.productGroup(),
          line.productLine(), line.region(), line.unit()));
      if (line.discount().signum() != 0) {
        lines.add(lineJson("Credit: " + line.description(), line.discount().negate(),
            closed ? CREDIT_COUPON_CODE : null, null, BigDecimal.ONE, line.product(),
            line.productGroup(), line.productLine(), line.region(), "credit"));
      }
    }
    if (invoice.tax().signum() != 0) {
      lines.add(lineJson("Tax", invoice.tax(), closed ? "" : null, null, BigDecimal.ONE, "Tax",
          "Tax", "Tax", "Global", "tax"));
    }
    return lines;
  }

  /** A line item; a flat charge (one unit costing the whole amount) has no rate, as on Fastly. */
  private Map<String, Object> lineJson(String description, BigDecimal amount, String couponCode,
      BigDecimal rate, BigDecimal units, String product, String group, String productLine,
      String region, String usageType) {
    Map<String, Object> json = Json.object("description", description, "amount", amount);
    if (couponCode != null) json.put("credit_coupon_code", couponCode); // closed invoices only
    json.put("rate", rate);
    json.put("units", units);
    json.put(pascal ? "ProductName" : "product_name", product);
    json.put(pascal ? "ProductGroup" : "product_group", group);
    json.put(pascal ? "ProductLine" : "product_line", productLine);
    json.put(pascal ? "Region" : "region", region);
    json.put(pascal ? "UsageType" : "usage_type", usageType);
    return json;
  }

  /** The data set index of {@code id}, or -1. */
  private int indexOf(String id) {
    String digits = id.startsWith("INV-") ? id.substring(4) : id;
    if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    long sequence = Long.parseLong(digits) - (id.startsWith("INV-") ? INV_BASE : NUMERIC_BASE);
    int size = dataset().size();
    if (sequence < 1 || sequence > size) return -1;
    int index = (int) (size - sequence);
    return invoiceId(index).equals(id) ? index : -1;
  }

  private int numericCount() {
    return dataset().size() / 10;
  }

  private Instant periodStart(int index) {
    return Dates.startOfDay(dataset().invoice(index).periodStart());
  }

  private Instant lastDay(int index) {
    return Dates.startOfDay(dataset().invoice(index).periodEnd().minusDays(1));
  }

  /** The first index in {@code [0, size)} where {@code predicate} holds, which stays true after; else size. */
  private static int firstIndex(int size, IntPredicate predicate) {
    int low = 0;
    int high = size;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (predicate.test(middle)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  static String encodeCursor(long offset) {
    byte[] json = ("{\"offset\":" + offset + "}").getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(CURSOR_SALT, CURSOR_SALT.length + json.length);
    System.arraycopy(json, 0, bytes, CURSOR_SALT.length, json.length);
    return Base64.getEncoder().encodeToString(bytes);
  }

  static long decodeCursor(String cursor) {
    try {
      byte[] bytes = Base64.getDecoder().decode(cursor);
      if (bytes.length <= CURSOR_SALT.length
          || !Arrays.equals(Arrays.copyOf(bytes, CURSOR_SALT.length), CURSOR_SALT)) {
        throw new IllegalArgumentException("no salt");
      }
      Object tree = Json.read(new String(bytes, CURSOR_SALT.length, bytes.length - CURSOR_SALT.length,
          StandardCharsets.US_ASCII));
      Object offset = tree instanceof Map ? ((Map<?, ?>) tree).get("offset") : null;
      long result = ((BigDecimal) offset).longValueExact();
      if (result < 0) throw new IllegalArgumentException("negative");
      return result;
    } catch (RuntimeException e) {
      throw new SandboxException(400, "invalid cursor: '" + cursor + "'");
    }
  }
}
