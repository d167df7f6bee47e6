package dev.invoicekit.cloudflare.sandbox;

import dev.invoicekit.sandbox.Dataset;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An emulator of Cloudflare's AI Gateway billing API (v4): invoice-history and invoice-preview of
 * one account, below {@code /client/v4/}.
 *
 * <pre>{@code
 * try (CloudflareSandbox cloudflare = CloudflareSandbox.start(SandboxOptions.defaults())) {
 *   ProviderConfig config = ProviderConfig.builder("cloudflare")
 *       .setAll(cloudflare.providerSettings()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>What it emulates, from Cloudflare's API reference:
 * <ul>
 *   <li>{@code GET accounts/{account_id}/ai-gateway/billing/invoice-history} with {@code page}
 *       (from 1), {@code per_page} (default 20, at most 100) and {@code type} ({@code auto},
 *       {@code manual}, {@code all}). Every invoice of the {@link Dataset}, newest first, as a
 *       Stripe-style invoice: amounts in minor units, {@code created} in epoch seconds,
 *       {@code invoice_origin} {@code "auto"} or {@code "manual"} (every third invoice, from the
 *       third, is manual). A page past the end is empty with {@code has_more: false}. Pagination is
 *       in both {@code result.pagination} and {@code result_info}.
 *   <li>{@code GET accounts/{account_id}/ai-gateway/billing/invoice-preview}: the first customer's
 *       {@linkplain Dataset#upcoming upcoming} draft, with its lines, their unit prices
 *       ({@code pricing.unit_amount_decimal}, minor units) and their credits
 *       ({@code pretax_credit_amounts}).
 *   <li>Authentication: {@code Authorization: Bearer <credential>}, or with vendor option
 *       {@code "auth"="email-key"}, {@code X-Auth-Email: }{@value #EMAIL} and
 *       {@code X-Auth-Key: <credential>}. Missing or wrong credentials get a 401 (code 10000
 *       "Authentication error"); another account's id in the path a 403 (code 10001).
 *   <li>Errors in the v4 envelope {@code {"success":false,"errors":[{"code":..,"message":..}],
 *       "messages":[],"result":null}}: 429 code 971, unknown routes 404 code 7003; other statuses
 *       use code {@code 10000 + status} (the emulator's choice: Cloudflare documents none).
 * </ul>
 *
 * <p>Vendor options: {@code "auth"} = {@code "token"} (default) or {@code "email-key"};
 * {@code "pagination"} = {@code "both"} (default), {@code "result"} (only
 * {@code result.pagination}) or {@code "result-info"} (only {@code result_info}).
 */
public final class CloudflareSandbox extends Sandbox {
  /** The e-mail address the sandbox expects in {@code X-Auth-Email} in {@code email-key} mode. */
  public static final String EMAIL = "sandbox@example.com";

  static final int DEFAULT_PER_PAGE = 20;
  /** The invoice-history query parameters the sandbox implements; any other is a 400 naming it. */
  private static final Set<String> HISTORY_QUERY = Set.of("type", "page", "per_page");
  static final int MAX_PER_PAGE = 100;
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final String accountId;
  private final boolean emailKey;
  private final String pagination;

  private CloudflareSandbox(SandboxOptions options) {
    super(options, "/client/v4/");
    String auth = options.vendorOption("auth", "token");
    if (!auth.equals("token") && !auth.equals("email-key")) {
      throw new IllegalArgumentException("cloudflare vendor option auth must be token or email-key: " + auth);
    }
    this.emailKey = auth.equals("email-key");
    this.pagination = options.vendorOption("pagination", "both");
    if (!List.of("both", "result", "result-info").contains(pagination)) {
      throw new IllegalArgumentException(
          "cloudflare vendor option pagination must be both, result or result-info: " + pagination);
    }
    SplittableRandom random = new SplittableRandom(options.seed());
    this.accountId = String.format("%016x%016x", random.nextLong(), random.nextLong());
  }

  /**
   * Starts a Cloudflare sandbox on a free loopback port.
   *
   * @throws IllegalArgumentException if a vendor option has an unknown value
   */
  public static CloudflareSandbox start(SandboxOptions options) {
    Objects.requireNonNull(options, "options == null");
    return Sandbox.started(new CloudflareSandbox(options));
  }

  @Override public String providerId() {
    return "cloudflare";
  }

  /** {@code CF-Ray}, which Cloudflare's edge adds to every answer. */
  @Override public Paging paging() {
    return Paging.PAGE_NUMBER;
  }

  @Override public String requestIdHeader() {
    return "CF-Ray";
  }

  /** A Ray id: 16 hex digits and the data centre, such as {@code 8f3c2a1b0d9e7f65-SJC}. */
  @Override protected String requestId(long sequence) {
    return super.requestId(sequence) + "-SJC";
  }

  /** The account the sandbox serves: 32 hex digits derived from the seed. */
  public String accountId() {
    return accountId;
  }

  /**
   * Returns {@code base-url}, {@code account-id} and either {@code api-token} or, in
   * {@code email-key} mode, {@code api-email} and {@code api-key}.
   */
  @Override public Map<String, String> providerSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("base-url", baseUrl());
    settings.put("account-id", accountId);
    if (emailKey) {
      settings.put("api-email", EMAIL);
      settings.put("api-key", options().credential());
    } else {
      settings.put("api-token", options().credential());
    }
    return Map.copyOf(settings);
  }

  /**
   * Returns the id invoice {@code index} of the data set has: {@code in_} and 24 letters and
   * digits, derived from the seed and the index, unique within the data set.
   */
  @Override public String invoiceId(int index) {
    SplittableRandom random = new SplittableRandom(options().seed() * 1_000_003L + index);
    StringBuilder id = new StringBuilder("in_");
    for (int i = 0; i < 18; i++) id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    long rest = index;
    char[] suffix = new char[6]; // the index in base 62 keeps ids unique
    for (int i = suffix.length - 1; i >= 0; i--) {
      suffix[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
      rest /= ALPHABET.length();
    }
    return id.append(suffix).toString();
  }

  /** Returns the {@code invoice_origin} of invoice {@code index}: every third, from index 2, is manual. */
  public static String invoiceOrigin(int index) {
    return index % 3 == 2 ? "manual" : "auto";
  }

  @Override public Map<String, String> credentialHeaders() {
    return emailKey
        ? Map.of("X-Auth-Email", EMAIL, "X-Auth-Key", options().credential())
        : Map.of("Authorization", "Bearer " + options().credential());
  }

  @Override protected boolean authorized(SandboxRequest request) {
    String credential = options().credential();
    return emailKey
        ? request.headerEquals("X-Auth-Email", EMAIL) && request.headerEquals("X-Auth-Key", credential)
        : request.bearerEquals(credential);
  }

  @Override protected SandboxResponse handle(SandboxRequest request) {
    boolean history = request.matches("GET", "accounts", "*", "ai-gateway", "billing", "invoice-history");
    boolean preview = request.matches("GET", "accounts", "*", "ai-gateway", "billing", "invoice-preview");
    if (!history && !preview) return null;
    if (!request.segment(1).equals(accountId)) {
      return error(403, null, "Unauthorized to access requested resource");
    }
    request.requireOnlyQuery(history ? HISTORY_QUERY : Set.of());
    return history ? history(request) : preview();
  }

  /**
   * The v4 envelope with one error; a numeric vendor code is written as a number, as Cloudflare
   * does, another as a string.
   */
  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    Object code = vendorCode == null ? (Object) (long) usualCode(status) : numberOrText(vendorCode);
    return SandboxResponse.json(status, Json.object(
        "success", false,
        "errors", List.of(Json.object("code", code, "message", message)),
        "messages", List.of(),
        "result", null));
  }

  private static int usualCode(int status) {
    switch (status) {
      case 401: return 10000;
      case 403: return 10001;
      case 404: return 7003;
      case 429: return 971;
      default: return 10000 + status;
    }
  }

  private static Object numberOrText(String code) {
    return code.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(code) : code;
  }

  private SandboxResponse history(SandboxRequest request) {
    String type = request.query("type");
    if (type == null) type = "all";
    if (!type.equals("auto") && !type.equals("manual") && !type.equals("all")) {
      throw new SandboxException(400, "type must be one of auto, manual, all: '" + type + "'");
    }
    int page = request.intQuery("page", 1);
    int perPage = Math.min(request.intQuery("per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE);
    int size = dataset().size();
    int total = type.equals("all") ? size : type.equals("manual") ? size / 3 : size - size / 3;
    Window window = Window.ofPage(page, perPage, total);
    List<Object> invoices = new ArrayList<>(window.size());
    for (int position = window.from(); position < window.to(); position++) {
      invoices.add(invoice(datasetIndex(type, position)));
    }
    Map<String, Object> paging = Json.object(
        "has_more", window.hasMore(),
        "page", (long) page,
        "per_page", (long) perPage,
        "total_count", (long) total);
    Map<String, Object> result = Json.object("invoices", invoices);
    if (!pagination.equals("result-info")) result.put("pagination", paging);
    Map<String, Object> envelope = Json.object(
        "success", true, "errors", List.of(), "messages", List.of(), "result", result);
    if (!pagination.equals("result")) envelope.put("result_info", paging);
    return SandboxResponse.ok(envelope);
  }

  /** Returns the data set index of the {@code position}-th invoice of the listing of {@code type}. */
  private static int datasetIndex(String type, int position) {
    switch (type) {
      case "manual": return position * 3 + 2;
      case "auto": return position / 2 * 3 + position % 2;
      default: return position;
    }
  }

  private Map<String, Object> invoice(int index) {
    DatasetInvoice invoice = dataset().invoice(index);
    String status = invoice.status();
    long attempts = status.equals("draft") ? 0 : status.equals("paid") || status.equals("open") ? 1 : 2;
    String origin = invoiceOrigin(index);
    String id = invoiceId(index);
    return Json.object(
        "id", id,
        "amount_due", minor(invoice.total(), invoice),
        "amount_paid", minor(invoice.amountPaid(), invoice),
        "amount_remaining", minor(invoice.amountRemaining(), invoice),
        "currency", invoice.currency().toLowerCase(Locale.ROOT),
        "attempt_count", attempts,
        "attempted", attempts > 0,
        "auto_advance", status.equals("draft"),
        "created", invoice.issuedAt().getEpochSecond(),
        "created_by", origin.equals("auto") ? "system" : "dashboard",
        "description", invoice.description(),
        "invoice_origin", origin,
        "invoice_pdf", "https://pay.stripe.com/invoice/acct_sandbox/" + id + "/pdf",
        "status", status);
  }

  private SandboxResponse preview() {
    DatasetInvoice upcoming = dataset().upcoming(0);
    long start = Dates.startOfDay(upcoming.periodStart()).getEpochSecond();
    long end = Dates.startOfDay(upcoming.periodEnd()).getEpochSecond();
    String currency = upcoming.currency().toLowerCase(Locale.ROOT);
    List<Object> lines = new ArrayList<>();
    int n = 0;
    for (DatasetLine line : upcoming.lines()) {
      Map<String, Object> wire = Json.object(
          "amount", minor(line.amount(), upcoming),
          "currency", currency,
          "description", line.description(),
          "period", Json.object("start", start, "end", end),
          "pricing", Json.object("unit_amount_decimal",
              plain(line.unitPrice().movePointRight(upcoming.fractionDigits()))),
          "quantity", line.quantity());
      if (line.discount().signum() != 0) {
        wire.put("pretax_credit_amounts", List.of(Json.object(
            "amount", minor(line.discount(), upcoming),
            "type", "credit_balance_transaction",
            "credit_balance_transaction", "cbtxn_sandbox" + n,
            "discount", null)));
      }
      lines.add(wire);
      n++;
    }
    Map<String, Object> result = Json.object(
        "id", "upcoming_" + invoiceId(0),
        "amount_due", minor(upcoming.total(), upcoming),
        "amount_paid", BigDecimal.ZERO,
        "amount_remaining", minor(upcoming.total(), upcoming),
        "currency", currency,
        "status", "draft",
        "period_start", start,
        "period_end", end,
        "invoice_lines", lines);
    return SandboxResponse.ok(Json.object(
        "success", true, "errors", List.of(), "messages", List.of(), "result", result));
  }

  /** Returns {@code majorUnits} of {@code invoice}'s currency in minor units (cents; yen stay yen). */
  private static BigDecimal minor(BigDecimal majorUnits, DatasetInvoice invoice) {
    return plainDecimal(majorUnits.movePointRight(invoice.fractionDigits()));
  }

  private static String plain(BigDecimal value) {
    return plainDecimal(value).toPlainString();
  }

  /** Drops trailing zeros of the fraction but keeps a whole number whole: 1000, not 1E+3. */
  private static BigDecimal plainDecimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
