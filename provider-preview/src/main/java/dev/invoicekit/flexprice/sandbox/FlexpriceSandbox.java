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
 *       default 50; else 400), {@code offset} (default 0), and the filters {@code invoice_ids[]},
 *       {@code customer_id}, {@code external_customer_id} ({@code ext_0001} for
 *       {@code cust_0001}), {@code subscription_id}, {@code invoice_status[]},
 *       {@code payment_status[]}, {@code invoice_type}, {@code currency}, {@code billing_reason},
 *       {@code amount_due_gt} (a decimal, string or number), {@code period_start_gte},
 *       {@code period_start_lte}, {@code period_end_gte}, {@code period_end_lte} (RFC 3339, all
 *       inclusive), {@code start_time} (period start on or after) and {@code end_time} (period end
 *       on or before, after {@code start_time}). Answers
 *       {@code {"items":[…],"pagination":{"total","limit","offset"}}}, the data set's newest
 *       invoices first (newest period first), or oldest first with {@code "order":"asc"} or a
 *       {@code sort} of {@code [{"field":"period_start"|"period_end","direction":"asc"}]}; the
 *       request's offset echoed. Items carry {@code line_items} unless {@code skip_line_items} is
 *       true, as on the real server; they never carry taxes. Filtered searches scan the data set;
 *       unfiltered ones compute only the page asked for.
 *   <li>{@code GET invoices/{id}}: one invoice with {@code line_items} and its tax records; an
 *       unknown id is a 404 {@code not_found} with {@code details.invoice_id}.
 *   <li>{@code POST invoices/preview} with {@code subscription_id} (required: else 400),
 *       {@code period_start} and {@code period_end} (optional, RFC 3339; by default the month
 *       after the data set's newest) and {@code hide_zero_charges_line_items}. The customer's
 *       {@linkplain Dataset#upcoming upcoming} invoice as a DRAFT with a fresh {@code inv_} id
 *       that cannot be fetched; an unknown subscription is a 404.
 *   <li>What it does not implement it rejects, rather than ignoring it as the real server would:
 *       any other body field ({@code subscription_customer_id}, {@code amount_remaining_gt},
 *       {@code expand}, {@code status}, {@code filters}, …), a {@code sort} on another field
 *       (such as {@code created_at}), and any query parameter ({@code expand}, {@code group_by}
 *       on get) are a 400 {@code validation_error} naming it in the message and in
 *       {@code details.field}.
 *   <li>{@code SKIPPED} invoices are the data set's zero-usage void invoices: every amount
 *       {@code "0"}, no number, no finalization, no payment.
 *   <li>Invoices: every {@code invoice_status}/{@code payment_status} pair Flexprice produces
 *       (see {@link #invoiceId} for ids, {@link FlexpriceSandboxInvoices} for the mapping), with
 *       shopspring decimal strings ({@code "129.5"}, {@code "120"}, {@code "0"}), lower-case
 *       currencies, RFC 3339 times with fractional seconds, and drafts whose
 *       {@code amount_remaining} is still the uncomputed {@code "0"}.
 *   <li>Authentication: {@code x-api-key: <credential>}; missing or wrong gets the auth
 *       middleware's 401 {@code {"error":"Unauthorized"}}.
 *   <li>Errors: the current server's flat shape
 *       {@code {"code","message","http_status_code","details"}} ({@code details} only when there
 *       are some) with Flexprice's codes ({@code validation_error}, {@code not_found},
 *       {@code too_many_requests}, {@code service_unavailable}, {@code internal_error}).
 * </ul>
 *
 * <p>Vendor options: {@code "error-shape"} = {@code "flat"} (default), {@code "legacy"} (the
 * {@code {"success":false,"error":{"message","internal_error","details"}}} envelope of servers
 * before April 2026) or {@code "status"} (the older {@code {"status":"error","message","code"}});
 * {@code "tax-key"} = {@code "taxes"} (default) or {@code "tax_applied_records"} (servers before
 * July 2025).
 */
public final class FlexpriceSandbox extends Sandbox {
  /** The header carrying the API key. */
  public static final String API_KEY_HEADER = "x-api-key";

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  private static final Set<String> ERROR_SHAPES = Set.of("flat", "legacy", "status");
  /** The {@code InvoiceFilter} fields the search implements; any other is a 400 naming it. */
  static final Set<String> SEARCH_FIELDS = Set.of("limit", "offset", "order", "sort",
      "invoice_ids", "customer_id", "external_customer_id", "subscription_id", "invoice_status",
      "payment_status", "invoice_type", "currency", "billing_reason", "amount_due_gt",
      "period_start_gte", "period_start_lte", "period_end_gte", "period_end_lte", "start_time",
      "end_time", "skip_line_items");
  /** The {@code GetPreviewInvoiceRequest} fields; any other is a 400 naming it. */
  static final Set<String> PREVIEW_FIELDS = Set.of("subscription_id", "period_start", "period_end",
      "hide_zero_charges_line_items");
  private static final Set<String> SORT_FIELDS = Set.of("period_start", "period_end");
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
    if (request.matches("POST", "invoices", "search")) {
      request.requireOnlyQuery(Set.of());
      return search(request.jsonObject(SEARCH_FIELDS));
    }
    if (request.matches("POST", "invoices", "preview")) {
      request.requireOnlyQuery(Set.of());
      return preview(request.jsonObject(PREVIEW_FIELDS));
    }
    if (request.matches("GET", "invoices", "*")) {
      request.requireOnlyQuery(Set.of()); // expand, group_by, ... are not implemented
      return get(request.segment(1));
    }
    return null;
  }

  /**
   * The configured error shape; a 401 without a vendor code is the auth middleware's
   * {@code {"error":"Unauthorized"}}.
   */
  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    return error(status, vendorCode, message, Map.of());
  }

  /**
   * As {@link #error(int, String, String)}, with {@code details} (what the error is about, such as
   * {@code {"invoice_id": …}} or {@code {"field": "sort"}}) in the flat shape's {@code details} and
   * the legacy envelope's {@code error.details}, left out when empty as the server does.
   */
  @Override protected SandboxResponse error(int status, String vendorCode, String message,
      Map<String, Object> details) {
    if (status == 401 && vendorCode == null) {
      return SandboxResponse.json(401, Json.object("error", "Unauthorized"));
    }
    String code = vendorCode != null ? vendorCode : code(status);
    switch (errorShape) {
      case "legacy": {
        Map<String, Object> error = Json.object("message", message, "internal_error", code + ": " + message);
        if (!details.isEmpty()) error.put("details", new LinkedHashMap<>(details));
        return SandboxResponse.json(status, Json.object("success", false, "error", error));
      }
      case "status":
        return SandboxResponse.json(status,
            Json.object("status", "error", "message", message, "code", code));
      default: {
        Map<String, Object> json = Json.object("code", code, "message", message,
            "http_status_code", (long) status);
        if (!details.isEmpty()) json.put("details", new LinkedHashMap<>(details));
        return SandboxResponse.json(status, json);
      }
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
    boolean ascending = ascending(filter);
    Dataset dataset = dataset();
    FlexpriceSandboxInvoices invoices = invoices();

    List<Object> items = new ArrayList<>();
    long total = 0;
    Predicate<DatasetInvoice> matches = matcher(filter);
    IntPredicate cheap = cheapMatcher(filter);
    if (matches == null && cheap == null && !hasIdOrCustomerFilter(filter)) {
      int size = dataset.size();
      Window window = Window.ofOffset(offset, limit, size);
      window.indices().map(i -> ascending ? size - 1 - i : i)
          .forEach(i -> items.add(invoices.invoice(dataset.invoice(i), lineItems, false)));
      total = window.total();
    } else {
      // Scan: ids, customers and periods need no invoice generated, the other filters do.
      PrimitiveIterator.OfInt candidates = candidates(filter, ascending)
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

  private boolean hasIdOrCustomerFilter(Map<String, Object> filter) {
    return !strings(filter, "invoice_ids", false).isEmpty() || customerFilter(filter) != -2;
  }

  /**
   * True for the oldest first: {@code order} {@code asc}, or a {@code sort} whose first condition
   * is {@code {"field":"period_start"|"period_end","direction":"asc"}}. The sandbox's own order,
   * newest period first, is both fields descending; a field it cannot order by is a 400.
   */
  private static boolean ascending(Map<String, Object> filter) {
    String order = string(filter, "order");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw new SandboxException(400, null, "order must be asc or desc: '" + order + "'",
          Map.of("field", "order"));
    }
    boolean ascending = "asc".equals(order);
    Object sort = filter.get("sort");
    if (sort == null) return ascending;
    if (!(sort instanceof List)) {
      throw new SandboxException(400, "'sort' must be an array of {field, direction}: " + Json.write(sort));
    }
    Boolean first = null;
    for (Object element : (List<?>) sort) {
      if (!(element instanceof Map)) {
        throw new SandboxException(400, "'sort' must hold {field, direction} objects: " + Json.write(sort));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> condition = (Map<String, Object>) element;
      for (String key : condition.keySet()) {
        if (!key.equals("field") && !key.equals("direction")) {
          throw new SandboxException(400, null, "sort condition key '" + key
              + "' is not implemented by this sandbox; it implements direction, field",
              Map.of("field", "sort"));
        }
      }
      String field = string(condition, "field");
      if (!SORT_FIELDS.contains(field)) {
        throw new SandboxException(400, null, "sort field '" + field
            + "' is not implemented by this sandbox; it sorts by period_end, period_start",
            Map.of("field", "sort"));
      }
      String direction = string(condition, "direction");
      if (direction == null) direction = "desc";
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw new SandboxException(400, null, "sort direction must be asc or desc: '" + direction + "'",
            Map.of("field", "sort"));
      }
      if (first == null) first = direction.equals("asc");
    }
    return first != null ? first : ascending;
  }

  /**
   * The indices the id and customer filters leave, in the listing's order (newest first, or
   * oldest first when {@code ascending}).
   */
  private IntStream candidates(Map<String, Object> filter, boolean ascending) {
    Dataset dataset = dataset();
    int size = dataset.size();
    int customerCount = dataset.customerCount();
    int customer = customerFilter(filter);
    if (customer == -1) return IntStream.empty();
    List<String> ids = strings(filter, "invoice_ids", false);
    if (!ids.isEmpty()) {
      int[] indices = ids.stream().mapToInt(invoices()::invoiceIndex)
          .filter(i -> i >= 0 && (customer < 0 || i % customerCount == customer))
          .distinct().sorted().toArray();
      return ascending
          ? IntStream.range(0, indices.length).map(i -> indices[indices.length - 1 - i])
          : IntStream.of(indices);
    }
    if (customer == -2) {
      return ascending ? IntStream.iterate(size - 1, i -> i >= 0, i -> i - 1) : IntStream.range(0, size);
    }
    if (!ascending) return IntStream.iterate(customer, i -> i < size, i -> i + customerCount);
    if (customer >= size) return IntStream.empty();
    int last = customer + (size - 1 - customer) / customerCount * customerCount;
    return IntStream.iterate(last, i -> i >= 0, i -> i - customerCount);
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
   * A filter on the period, which an index tells without generating its invoice, or null:
   * {@code period_start_gte}, {@code period_start_lte}, {@code period_end_gte},
   * {@code period_end_lte} (all inclusive), {@code start_time} (period start on or after) and
   * {@code end_time} (period end on or before; after {@code start_time}).
   */
  private IntPredicate cheapMatcher(Map<String, Object> filter) {
    Instant startFrom = latest(instant(filter, "period_start_gte"), instant(filter, "start_time"));
    Instant startTo = instant(filter, "period_start_lte");
    Instant endFrom = instant(filter, "period_end_gte");
    Instant endTo = earliest(instant(filter, "period_end_lte"), instant(filter, "end_time"));
    Instant startTime = instant(filter, "start_time");
    Instant endTime = instant(filter, "end_time");
    if (startTime != null && endTime != null && !endTime.isAfter(startTime)) {
      throw new SandboxException(400, null, "end_time must be after start_time",
          Map.of("field", "end_time"));
    }
    if (startFrom == null && startTo == null && endFrom == null && endTo == null) return null;
    Dataset dataset = dataset();
    return index -> {
      Instant start = FlexpriceSandboxInvoices.periodStart(dataset, index);
      Instant end = FlexpriceSandboxInvoices.periodEnd(dataset, index);
      return (startFrom == null || !start.isBefore(startFrom)) && (startTo == null || !start.isAfter(startTo))
          && (endFrom == null || !end.isBefore(endFrom)) && (endTo == null || !end.isAfter(endTo));
    };
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  /** A filter on the invoice's statuses, type, currency, billing reason or amount due, or null. */
  private Predicate<DatasetInvoice> matcher(Map<String, Object> filter) {
    List<String> invoiceStatus = strings(filter, "invoice_status", true);
    List<String> paymentStatus = strings(filter, "payment_status", true);
    String invoiceType = string(filter, "invoice_type");
    String currency = string(filter, "currency");
    String billingReason = string(filter, "billing_reason");
    BigDecimal amountDueAbove = decimal(filter, "amount_due_gt");
    if (invoiceStatus.isEmpty() && paymentStatus.isEmpty() && invoiceType == null
        && currency == null && billingReason == null && amountDueAbove == null) {
      return null;
    }
    return invoice -> (invoiceStatus.isEmpty()
            || invoiceStatus.contains(FlexpriceSandboxInvoices.invoiceStatus(invoice)))
        && (paymentStatus.isEmpty()
            || paymentStatus.contains(FlexpriceSandboxInvoices.paymentStatus(invoice)))
        && (invoiceType == null || invoiceType.equals("SUBSCRIPTION"))
        && (currency == null || currency.equalsIgnoreCase(invoice.currency()))
        && (billingReason == null || billingReason.equals("SUBSCRIPTION_CYCLE"))
        && (amountDueAbove == null || invoice.total().compareTo(amountDueAbove) > 0);
  }

  private SandboxResponse get(String id) {
    int index = invoices().invoiceIndex(id);
    if (index < 0) throw new SandboxException(404, null, "invoice not found", Map.of("invoice_id", id));
    return SandboxResponse.ok(invoices().invoice(dataset().invoice(index), true, true));
  }

  private SandboxResponse preview(Map<String, Object> request) {
    String subscriptionId = string(request, "subscription_id");
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw new SandboxException(400, "subscription_id is required");
    }
    int customer = invoices().subscriptionCustomer(subscriptionId);
    if (customer < 0) {
      throw new SandboxException(404, null, "subscription not found", Map.of("subscription_id", subscriptionId));
    }
    DatasetInvoice upcoming = dataset().upcoming(customer);
    Instant start = instant(request, "period_start");
    Instant end = instant(request, "period_end");
    if (start == null) start = Dates.startOfDay(upcoming.periodStart());
    if (end == null) end = Dates.startOfDay(upcoming.periodEnd());
    if (!end.isAfter(start)) throw new SandboxException(400, "period_end must be after period_start");
    Map<String, Object> preview = invoices().preview(upcoming, start, end, previews.incrementAndGet());
    if (Boolean.TRUE.equals(bool(request, "hide_zero_charges_line_items"))) {
      ((List<?>) preview.get("line_items")).removeIf(line -> "0".equals(((Map<?, ?>) line).get("amount")));
    }
    return SandboxResponse.ok(preview);
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

  private static BigDecimal decimal(Map<String, Object> json, String name) {
    Object value = json.get(name);
    if (value == null || value instanceof BigDecimal) return (BigDecimal) value;
    if (value instanceof String) { // shopspring reads quoted decimals too
      try {
        return new BigDecimal(((String) value).trim());
      } catch (NumberFormatException e) {
        // below
      }
    }
    throw new SandboxException(400, null, "'" + name + "' must be a decimal: " + Json.write(value),
        Map.of("field", name));
  }

  /** An array of strings; upper-cased if {@code upper} (enum filters). */
  private static List<String> strings(Map<String, Object> json, String name, boolean upper) {
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
      String text = (String) element;
      result.add(upper ? text.toUpperCase(Locale.ROOT) : text);
    }
    return result;
  }

  private static Instant instant(Map<String, Object> json, String name) {
    String text = string(json, name);
    return text == null ? null : Dates.parseInstant(name, text);
  }
}
