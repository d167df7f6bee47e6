package dev.invoicekit.flexprice.sandbox;

import dev.invoicekit.sandbox.Dataset;
import dev.invoicekit.sandbox.DatasetInvoice;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * An emulator of the Flexprice API (v1): invoice search, get and per-subscription preview,
 * below {@code /v1/}.
 *
 * <pre>{@code
 * try (FlexpriceSandbox flexprice = FlexpriceSandbox.start(SandboxOptions.defaults())) {
 *   ProviderConfig config = ProviderConfig.builder("flexprice")
 *       .setAll(flexprice.providerSettings()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>What it emulates, from Flexprice's server source and API reference:
 * <ul>
 *   <li>{@code POST invoices/search} with a JSON {@code InvoiceFilter}: {@code limit} (1 to 1000,
 *       default 50; else 400), {@code offset} (default 0), and the filters {@code customer_id},
 *       {@code external_customer_id} ({@code ext_0001} for {@code cust_0001}),
 *       {@code subscription_id}, {@code invoice_status[]}, {@code payment_status[]},
 *       {@code invoice_type}, {@code currency}, {@code billing_reason}, {@code period_start_gte}
 *       and {@code period_start_lte} (RFC 3339, both inclusive). Answers
 *       {@code {"items":[…],"pagination":{"total","limit","offset"}}}, the data set's newest
 *       invoices first, the request's offset echoed. Items carry {@code line_items} unless
 *       {@code skip_line_items} is true, as on the real server; they never carry taxes. Filtered
 *       searches scan the data set; unfiltered ones compute only the page asked for.
 *   <li>{@code GET invoices/{id}}: one invoice with {@code line_items} and its tax records; an
 *       unknown id is a 404 {@code not_found}.
 *   <li>{@code POST invoices/preview} with {@code subscription_id} (required: else 400),
 *       {@code period_start} and {@code period_end} (optional, RFC 3339; by default the month
 *       after the data set's newest). The customer's {@linkplain Dataset#upcoming upcoming}
 *       invoice as a DRAFT with a fresh {@code inv_} id that cannot be fetched; an unknown
 *       subscription is a 404.
 *   <li>Invoices: every {@code invoice_status}/{@code payment_status} pair Flexprice produces
 *       (see {@link #invoiceId} for ids, {@link FlexpriceSandboxInvoices} for the mapping), with
 *       shopspring decimal strings ({@code "129.5"}, {@code "120"}, {@code "0"}), lower-case
 *       currencies, RFC 3339 times with fractional seconds, and drafts whose
 *       {@code amount_remaining} is still the uncomputed {@code "0"}.
 *   <li>Authentication: {@code x-api-key: <credential>}; missing or wrong gets the auth
 *       middleware's 401 {@code {"error":"Unauthorized"}}.
 *   <li>Errors: the current flat shape {@code {"code","message","http_status_code"}} with
 *       Flexprice's codes ({@code validation_error}, {@code not_found},
 *       {@code too_many_requests}, {@code service_unavailable}, {@code internal_error}).
 * </ul>
 *
 * <p>Vendor options: {@code "error-shape"} = {@code "flat"} (default), {@code "legacy"} (the
 * {@code {"success":false,"error":{"message","internal_error"}}} envelope of servers before April
 * 2026) or {@code "status"} (the older {@code {"status":"error","message","code"}});
 * {@code "tax-key"} = {@code "taxes"} (default) or {@code "tax_applied_records"} (servers before
 * July 2025).
 */
public final class FlexpriceSandbox extends Sandbox {
  /** The header carrying the API key. */
  public static final String API_KEY_HEADER = "x-api-key";

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  private static final Set<String> ERROR_SHAPES = Set.of("flat", "legacy", "status");
  private static final Set<String> TAX_KEYS = Set.of("taxes", "tax_applied_records");

  private final String errorShape;
  private final String taxKey;
  private final AtomicInteger previews = new AtomicInteger();
  private volatile FlexpriceSandboxInvoices invoices; // needs the base URL, known once started

  private FlexpriceSandbox(SandboxOptions options) {
    super(options, "/v1/");
    this.errorShape = options.vendorOption("error-shape", "flat");
    if (!ERROR_SHAPES.contains(errorShape)) {
      throw new IllegalArgumentException(
          "flexprice vendor option error-shape must be flat, legacy or status: " + errorShape);
    }
    this.taxKey = options.vendorOption("tax-key", "taxes");
    if (!TAX_KEYS.contains(taxKey)) {
      throw new IllegalArgumentException(
          "flexprice vendor option tax-key must be taxes or tax_applied_records: " + taxKey);
    }
  }

  /**
   * Starts a Flexprice sandbox on a free loopback port.
   *
   * @throws IllegalArgumentException if a vendor option has an unknown value
   */
  public static FlexpriceSandbox start(SandboxOptions options) {
    Objects.requireNonNull(options, "options == null");
    FlexpriceSandbox sandbox = Sandbox.started(new FlexpriceSandbox(options));
    sandbox.invoices = new FlexpriceSandboxInvoices(sandbox.dataset(), sandbox.baseUrl(), sandbox.taxKey);
    return sandbox;
  }

  @Override public String providerId() {
    return "flexprice";
  }

  /** {@code X-Request-Id}, set by the server's request-id middleware. */
  @Override public Paging paging() {
    return Paging.OFFSET;
  }

  @Override public String requestIdHeader() {
    return "X-Request-Id";
  }

  /** Returns {@code base-url} ({@code http://127.0.0.1:<port>/v1/}) and {@code api-key}. */
  @Override public Map<String, String> providerSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("base-url", baseUrl());
    settings.put("api-key", options().credential());
    return Map.copyOf(settings);
  }

  /**
   * Returns the id of invoice {@code index} of the data set: {@code inv_} and 26 ULID characters
   * of its creation time, derived from the seed and the index.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < dataset().size()}
   */
  @Override public String invoiceId(int index) {
    return invoices().invoiceId(index);
  }

  /**
   * Returns the id of the one subscription of customer {@code customer} (an index of
   * {@link Dataset#customerId}): {@code subs_} and 26 ULID characters.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= customer < dataset().customerCount()}
   */
  public String subscriptionId(int customer) {
    Objects.checkIndex(customer, dataset().customerCount());
    return invoices().subscriptionId(customer);
  }

  /** The first customer's subscription: its preview is the one to ask for. */
  @Override public String previewSubscriptionId() {
    return subscriptionId(0);
  }

  /**
   * Returns the pair {@code invoice_status/payment_status} the sandbox gives invoice
   * {@code index}, such as {@code "FINALIZED/OVERPAID"}.
   */
  public String vendorStatus(int index) {
    DatasetInvoice invoice = dataset().invoice(index);
    return FlexpriceSandboxInvoices.invoiceStatus(invoice) + "/"
        + FlexpriceSandboxInvoices.paymentStatus(invoice);
  }

  @Override public String invoicePath(int index) {
    return "invoices/" + invoiceId(index);
  }

  @Override public Map<String, String> credentialHeaders() {
    return Map.of(API_KEY_HEADER, options().credential());
  }

  @Override protected boolean authorized(SandboxRequest request) {
    return request.headerEquals(API_KEY_HEADER, options().credential());
  }

  @Override protected SandboxResponse handle(SandboxRequest request) {
    if (request.matches("POST", "invoices", "search")) return search(request.jsonObject());
    if (request.matches("POST", "invoices", "preview")) return preview(request.jsonObject());
    if (request.matches("GET", "invoices", "*")) return get(request.segment(1));
    return null;
  }

  /**
   * The configured error shape; a 401 without a vendor code is the auth middleware's
   * {@code {"error":"Unauthorized"}}.
   */
  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    if (status == 401 && vendorCode == null) {
      return SandboxResponse.json(401, Json.object("error", "Unauthorized"));
    }
    String code = vendorCode != null ? vendorCode : code(status);
    switch (errorShape) {
      case "legacy":
        return SandboxResponse.json(status, Json.object("success", false,
            "error", Json.object("message", message, "internal_error", code + ": " + message)));
      case "status":
        return SandboxResponse.json(status,
            Json.object("status", "error", "message", message, "code", code));
      default:
        return SandboxResponse.json(status, Json.object("code", code, "message", message,
            "http_status_code", (long) status));
    }
  }

  private static String code(int status) {
    switch (status) {
      case 400: return "validation_error";
      case 401: return "unauthorized";
      case 403: return "permission_denied";
      case 404: return "not_found";
      case 409: return "already_exists";
      case 429: return "too_many_requests";
      case 501: return "not_implemented";
      case 503: return "service_unavailable";
      default: return status >= 500 ? "internal_error" : "invalid_operation";
    }
  }

  private SandboxResponse search(Map<String, Object> filter) {
    int limit = integer(filter, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new SandboxException(400, "limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    int offset = integer(filter, "offset", 0);
    if (offset < 0) throw new SandboxException(400, "offset must be 0 or more: " + offset);
    boolean lineItems = !Boolean.TRUE.equals(bool(filter, "skip_line_items"));
    Dataset dataset = dataset();
    FlexpriceSandboxInvoices invoices = invoices();

    List<Object> items = new ArrayList<>();
    long total = 0;
    Predicate<DatasetInvoice> matches = matcher(filter);
    IntPredicate cheap = cheapMatcher(filter);
    if (matches == null && cheap == null) {
      Window window = Window.ofOffset(offset, limit, dataset.size());
      window.indices().forEach(i -> items.add(invoices.invoice(dataset.invoice(i), lineItems, false)));
      total = window.total();
    } else {
      // Scan: the period and customer need no invoice generated, the other filters do.
      PrimitiveIterator.OfInt candidates = candidates(filter)
          .filter(cheap != null ? cheap : index -> true).iterator();
      while (candidates.hasNext()) {
        int index = candidates.nextInt();
        DatasetInvoice invoice = null;
        if (matches != null) {
          invoice = dataset.invoice(index);
          if (!matches.test(invoice)) continue;
        }
        if (total >= offset && total < (long) offset + limit) {
          items.add(invoices.invoice(invoice != null ? invoice : dataset.invoice(index), lineItems, false));
        }
        total++;
      }
    }
    return SandboxResponse.ok(Json.object(
        "items", items,
        "pagination", Json.object("total", total, "limit", (long) limit, "offset", (long) offset)));
  }

  /** The indices a customer filter leaves: every {@code customerCount}-th from the customer's first. */
  private IntStream candidates(Map<String, Object> filter) {
    Dataset dataset = dataset();
    int customer = customerFilter(filter);
    if (customer == -2) return IntStream.range(0, dataset.size());
    if (customer < 0) return IntStream.empty();
    return IntStream.iterate(customer, i -> i < dataset.size(), i -> i + dataset.customerCount());
  }

  /**
   * Returns the one customer the customer filters allow, -1 if they allow none, -2 if there is
   * no customer filter.
   */
  private int customerFilter(Map<String, Object> filter) {
    Dataset dataset = dataset();
    int result = -2;
    String customerId = string(filter, "customer_id");
    if (customerId != null) result = dataset.customerIndex(customerId);
    String external = string(filter, "external_customer_id");
    if (external != null) {
      int customer = dataset.customerIndex(external.replace("ext_", "cust_"));
      if (!external.startsWith("ext_") || result != -2 && result != customer) customer = -1;
      result = customer;
    }
    String subscriptionId = string(filter, "subscription_id");
    if (subscriptionId != null) {
      int customer = invoices().subscriptionCustomer(subscriptionId);
      if (result != -2 && result != customer) customer = -1;
      result = customer;
    }
    return result;
  }

  /**
   * A filter on the period, which an index tells without generating its invoice; null if the
   * search has neither a period nor a customer filter (which {@link #candidates} applies).
   */
  private IntPredicate cheapMatcher(Map<String, Object> filter) {
    Instant from = instant(filter, "period_start_gte");
    Instant to = instant(filter, "period_start_lte");
    boolean customer = customerFilter(filter) != -2;
    if (from == null && to == null && !customer) return null;
    Dataset dataset = dataset();
    return index -> {
      Instant start = FlexpriceSandboxInvoices.periodStart(dataset, index);
      return (from == null || !start.isBefore(from)) && (to == null || !start.isAfter(to));
    };
  }

  /** A filter on the invoice's statuses, type, currency or billing reason, or null. */
  private Predicate<DatasetInvoice> matcher(Map<String, Object> filter) {
    List<String> invoiceStatus = strings(filter, "invoice_status");
    List<String> paymentStatus = strings(filter, "payment_status");
    String invoiceType = string(filter, "invoice_type");
    String currency = string(filter, "currency");
    String billingReason = string(filter, "billing_reason");
    if (invoiceStatus.isEmpty() && paymentStatus.isEmpty() && invoiceType == null
        && currency == null && billingReason == null) {
      return null;
    }
    return invoice -> (invoiceStatus.isEmpty()
            || invoiceStatus.contains(FlexpriceSandboxInvoices.invoiceStatus(invoice)))
        && (paymentStatus.isEmpty()
            || paymentStatus.contains(FlexpriceSandboxInvoices.paymentStatus(invoice)))
        && (invoiceType == null || invoiceType.equals("SUBSCRIPTION"))
        && (currency == null || currency.equalsIgnoreCase(invoice.currency()))
        && (billingReason == null || billingReason.equals("SUBSCRIPTION_CYCLE"));
  }

  private SandboxResponse get(String id) {
    int index = invoices().invoiceIndex(id);
    if (index < 0) throw new SandboxException(404, "invoice not found");
    return SandboxResponse.ok(invoices().invoice(dataset().invoice(index), true, true));
  }

  private SandboxResponse preview(Map<String, Object> request) {
    String subscriptionId = string(request, "subscription_id");
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new SandboxException(400, "subscription_id is required");
    }
    int customer = invoices().subscriptionCustomer(subscriptionId);
    if (customer < 0) throw new SandboxException(404, "subscription not found");
    DatasetInvoice upcoming = dataset().upcoming(customer);
    Instant start = instant(request, "period_start");
    Instant end = instant(request, "period_end");
    if (start == null) start = Dates.startOfDay(upcoming.periodStart());
    if (end == null) end = Dates.startOfDay(upcoming.periodEnd());
    if (!end.isAfter(start)) throw new SandboxException(400, "period_end must be after period_start");
    return SandboxResponse.ok(invoices().preview(upcoming, start, end, previews.incrementAndGet()));
  }

  private FlexpriceSandboxInvoices invoices() {
    FlexpriceSandboxInvoices result = invoices;
    if (result == null) throw new IllegalStateException("the sandbox is not started");
    return result;
  }

  private static int integer(Map<String, Object> json, String name, int defaultValue) {
    Object value = json.get(name);
    if (value == null) return defaultValue;
    if (!(value instanceof BigDecimal)) {
      throw new SandboxException(400, "'" + name + "' must be a number: " + Json.write(value));
    }
    try {
      return ((BigDecimal) value).intValueExact();
    } catch (ArithmeticException e) {
      throw new SandboxException(400, "'" + name + "' must be a whole number: " + value);
    }
  }

  private static Boolean bool(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value == null || value instanceof Boolean) return (Boolean) value;
    throw new SandboxException(400, "'" + name + "' must be true or false: " + Json.write(value));
  }

  private static String string(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value == null) return null;
    if (!(value instanceof String)) {
      throw new SandboxException(400, "'" + name + "' must be a string: " + Json.write(value));
    }
    return (String) value;
  }

  private static List<String> strings(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value == null) return List.of();
    if (!(value instanceof List)) {
      throw new SandboxException(400, "'" + name + "' must be an array: " + Json.write(value));
    }
    List<String> result = new ArrayList<>();
    for (Object element : (List<?>) value) {
      if (!(element instanceof String)) {
        throw new SandboxException(400, "'" + name + "' must hold strings: " + Json.write(value));
      }
      result.add(((String) element).toUpperCase(Locale.ROOT));
    }
    return result;
  }

  private static Instant instant(Map<String, Object> json, String name) {
    String text = string(json, name);
    return text == null ? null : Dates.parseInstant(name, text);
  }
}
