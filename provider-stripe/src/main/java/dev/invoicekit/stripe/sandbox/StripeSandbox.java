package dev.invoicekit.stripe.sandbox;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import okhttp3.HttpUrl;

/**
 * An emulator of Stripe's v1 invoices API on loopback, serving the shared {@link Dataset} in
 * Stripe's wire format (API version {@code 2026-03-25.dahlia}).
 *
 * <pre>{@code
 * try (StripeSandbox stripe = StripeSandbox.start(SandboxOptions.defaults())) {
 *   ProviderConfig config = ProviderConfig.builder("stripe").setAll(stripe.providerSettings()).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>What it emulates:
 * <ul>
 *   <li>{@code GET /v1/invoices}: newest first; {@code limit} (1 to 100, default 10),
 *       {@code starting_after} or {@code ending_before} (an invoice id of the same listing, else
 *       400 {@code No such invoice}; both at once a 400), {@code customer}, {@code subscription},
 *       {@code status}, {@code collection_method}, {@code created} and {@code created[gt|gte|lt|lte]}
 *       (epoch seconds); the list object {@code {"object":"list","data",...,"has_more","url"}}.
 *   <li>{@code GET /v1/invoices/{id}}: the invoice with its first {@value #EMBEDDED_LINES} lines
 *       embedded ({@code lines.has_more} when it has more); an unknown id is a 404
 *       {@code resource_missing} on {@code param: id}.
 *   <li>{@code GET /v1/invoices/{id}/lines}: {@code limit}, {@code starting_after} (a line id).
 *   <li>{@code POST /v1/invoices/create_preview}, form-encoded: {@code customer} and/or
 *       {@code subscription} (one of them required); the customer's {@linkplain Dataset#upcoming
 *       upcoming} invoice, id {@code upcoming_in_...}, status {@code draft}, no number.
 *   <li>Every parameter it does not know is a 400 {@code parameter_unknown} naming it; every
 *       answer carries {@code Request-Id: req_...}; errors are
 *       {@code {"error":{"type","code","message","param"}}}; credentials are
 *       {@code Authorization: Bearer <credential>} (else a 401 without code, as Stripe's).
 * </ul>
 *
 * <p>Ids: customers {@code cus_0001} (the data set's {@code cust_0001}), their subscriptions
 * {@code sub_0001}, invoices {@code in_} and 24 letters and digits, lines {@code il_...}.
 * Invoices of every fourth customer are {@code charge_automatically} (no due date), the others
 * {@code send_invoice}. Amounts are the data set's in minor units; its currencies (USD, EUR, GBP,
 * JPY) have the same decimals at Stripe as in ISO 4217.
 */
public final class StripeSandbox extends Sandbox {
  /** How many lines Stripe embeds in an invoice before {@code has_more}. */
  public static final int EMBEDDED_LINES = 10;

  static final String REQUEST_ID_HEADER = "Request-Id";
  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_LIMIT = 100;
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int INDEX_DIGITS = 6;
  private static final Set<String> LIST_PARAMETERS = Set.of("limit", "starting_after", "ending_before",
      "customer", "subscription", "status", "collection_method", "created", "created[gt]",
      "created[gte]", "created[lt]", "created[lte]", "expand[]");
  private static final Set<String> LINES_PARAMETERS = Set.of("limit", "starting_after", "expand[]");
  private static final Set<String> PREVIEW_PARAMETERS = Set.of("customer", "subscription", "expand[]");
  private static final Set<String> STATUSES = Set.of("draft", "open", "paid", "uncollectible", "void");
  private static final Set<String> COLLECTION_METHODS = Set.of("charge_automatically", "send_invoice");

  private StripeSandbox(SandboxOptions options) {
    super(options, "/");
  }

  /**
   * Starts a Stripe sandbox on a free loopback port.
   *
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public static StripeSandbox start(SandboxOptions options) {
    Objects.requireNonNull(options, "options == null");
    return Sandbox.started(new StripeSandbox(options));
  }

  @Override public String providerId() {
    return "stripe";
  }

  /** {@code Request-Id}. */
  @Override public String requestIdHeader() {
    return REQUEST_ID_HEADER;
  }

  @Override public Paging paging() {
    return Paging.CURSOR;
  }

  /** A Stripe request id: {@code req_} and 16 hex digits. */
  @Override protected String requestId(long sequence) {
    return "req_" + super.requestId(sequence);
  }

  /** Returns {@code base-url} and {@code api-key}; the key is a credential: do not log it. */
  @Override public Map<String, String> providerSettings() {
    return Map.of("base-url", baseUrl(), "api-key", options().credential());
  }

  @Override public Map<String, String> credentialHeaders() {
    return Map.of("Authorization", "Bearer " + options().credential());
  }

  /** The subscription of the first customer, whose upcoming invoice the preview answers. */
  @Override public String previewSubscriptionId() {
    return subscriptionId(dataset().customerId(0));
  }

  /**
   * Returns null: Stripe answers {@code GET /v1/invoices/{id}} with only the first
   * {@value #EMBEDDED_LINES} lines, so no single plain {@code GET} reads a whole invoice, which is
   * what a tool calling this path expects (a bare-HTTP baseline would compare one request with
   * the provider's several). The provider's {@code get} pages the rest.
   */
  @Override public String invoicePath(int index) {
    return null;
  }

  /**
   * Returns the id of invoice {@code index}: {@code in_}, 18 letters and digits derived from the
   * seed and the index, then the index in 6 base-62 digits, so that ids are unique and an id
   * names its index.
   */
  @Override public String invoiceId(int index) {
    Objects.checkIndex(index, dataset().size());
    return "in_" + randomPart(index) + indexPart(index);
  }

  /** Returns the Stripe customer id of data set customer {@code datasetCustomerId}: {@code cus_0001}. */
  public static String customerId(String datasetCustomerId) {
    return "cus_" + datasetCustomerId.substring(datasetCustomerId.indexOf('_') + 1);
  }

  /** Returns the subscription of data set customer {@code datasetCustomerId}: {@code sub_0001}. */
  public static String subscriptionId(String datasetCustomerId) {
    return "sub_" + datasetCustomerId.substring(datasetCustomerId.indexOf('_') + 1);
  }

  @Override protected boolean authorized(SandboxRequest request) {
    return request.bearerEquals(options().credential());
  }

  @Override protected SandboxResponse handle(SandboxRequest request) {
    try {
      return route(request);
    } catch (StripeError e) {
      return stripeError(e.status, e.code, e.getMessage(), e.param);
    }
  }

  private SandboxResponse route(SandboxRequest request) {
    if (request.matches("GET", "v1", "invoices")) return list(request);
    if (request.matches("POST", "v1", "invoices", "create_preview")) return preview(request);
    if (request.matches("GET", "v1", "invoices", "*")) return get(request, request.segment(2));
    if (request.matches("GET", "v1", "invoices", "*", "lines")) return lines(request, request.segment(2));
    if (request.segments().size() >= 2 && request.segment(0).equals("v1")) {
      throw new SandboxException(404, null, "Unrecognized request URL (" + request.method() + ": "
          + request.path() + ")");
    }
    return null;
  }

  /**
   * Stripe's error object: {@code type} {@code api_error} for 5xx, else
   * {@code invalid_request_error}; {@code code} the given one, else {@code resource_missing} for a
   * 404, {@code rate_limit} for a 429 and none otherwise (as for a bad API key).
   */
  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    return stripeError(status, vendorCode, message, null);
  }

  /** A field the core names in its details (an unimplemented parameter) is Stripe's {@code param}. */
  @Override protected SandboxResponse error(int status, String vendorCode, String message,
      Map<String, Object> details) {
    Object field = details == null ? null : details.get("field");
    return stripeError(status, vendorCode, message, field == null ? null : field.toString());
  }

  private static SandboxResponse stripeError(int status, String vendorCode, String message, String param) {
    String code = vendorCode != null ? vendorCode : status == 404 ? "resource_missing"
        : status == 429 ? "rate_limit" : null;
    Map<String, Object> error = new LinkedHashMap<>();
    if (code != null) {
      error.put("code", code);
      error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
    }
    error.put("message", message);
    if (param != null) error.put("param", param);
    error.put("type", status >= 500 ? "api_error" : "invalid_request_error");
    return SandboxResponse.json(status, Json.object("error", error));
  }

  private SandboxResponse list(SandboxRequest request) {
    Map<String, List<String>> query = request.queryParameters();
    rejectUnknown(query.keySet(), LIST_PARAMETERS);
    int limit = limit(request);
    String customer = request.query("customer");
    String subscription = request.query("subscription");
    String status = oneOf(request, "status", STATUSES);
    String collection = oneOf(request, "collection_method", COLLECTION_METHODS);
    List<IntPredicate> filters = new ArrayList<>();
    if (customer != null) filters.add(i -> customerId(dataset().invoice(i).customerId()).equals(customer));
    if (subscription != null) {
      filters.add(i -> subscriptionId(dataset().invoice(i).customerId()).equals(subscription));
    }
    if (status != null) filters.add(i -> dataset().invoice(i).status().equals(status));
    if (collection != null) filters.add(i -> collectionMethod(dataset().invoice(i)).equals(collection));
    created(request, "created", filters, 0);
    created(request, "created[gte]", filters, 0);
    created(request, "created[gt]", filters, 1);
    created(request, "created[lte]", filters, 2);
    created(request, "created[lt]", filters, 3);
    List<Integer> matching = new ArrayList<>();
    for (int i = 0; i < dataset().size(); i++) {
      int index = i;
      if (filters.stream().allMatch(filter -> filter.test(index))) matching.add(i);
    }
    String after = request.query("starting_after");
    String before = request.query("ending_before");
    if (after != null && before != null) {
      throw new SandboxException(400, null,
          "Received both starting_after and ending_before parameters. Please pass in only one.");
    }
    int from = 0;
    int to = Math.min(matching.size(), limit);
    if (after != null) {
      from = position(matching, after, "starting_after") + 1;
      to = Math.min(matching.size(), from + limit);
    } else if (before != null) {
      to = position(matching, before, "ending_before");
      from = Math.max(0, to - limit);
    }
    List<Object> data = new ArrayList<>();
    for (int p = from; p < to; p++) data.add(invoiceJson(matching.get(p)));
    boolean hasMore = before != null ? from > 0 : to < matching.size();
    return SandboxResponse.ok(listJson(data, hasMore, "/v1/invoices"));
  }

  private SandboxResponse get(SandboxRequest request, String id) {
    rejectUnknown(request.queryParameters().keySet(), Set.of("expand[]"));
    return SandboxResponse.ok(invoiceJson(indexOf(id)));
  }

  private SandboxResponse lines(SandboxRequest request, String id) {
    rejectUnknown(request.queryParameters().keySet(), LINES_PARAMETERS);
    int index = indexOf(id);
    int limit = limit(request);
    List<DatasetLine> lines = dataset().invoice(index).lines();
    String after = request.query("starting_after");
    int from = 0;
    if (after != null) {
      from = -1;
      for (int n = 0; n < lines.size(); n++) {
        if (lineId(id, n).equals(after)) from = n + 1;
      }
      if (from < 0) {
        throw new StripeError(400, "resource_missing", "No such invoice line item: '" + after + "'",
            "starting_after");
      }
    }
    int to = Math.min(lines.size(), from + limit);
    DatasetInvoice invoice = dataset().invoice(index);
    List<Object> data = new ArrayList<>();
    for (int n = from; n < to; n++) data.add(lineJson(invoice, id, n));
    return SandboxResponse.ok(listJson(data, to < lines.size(), "/v1/invoices/" + id + "/lines"));
  }

  private SandboxResponse preview(SandboxRequest request) {
    if (!request.queryParameters().isEmpty()) {
      rejectUnknown(request.queryParameters().keySet(), Set.of());
    }
    String contentType = request.header("Content-Type");
    if (!request.body().isEmpty() && (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
      throw new SandboxException(400, null, "Stripe expects application/x-www-form-urlencoded, got "
          + contentType);
    }
    Map<String, String> form = form(request.body());
    rejectUnknown(form.keySet(), PREVIEW_PARAMETERS);
    String customer = form.get("customer");
    String subscription = form.get("subscription");
    if (customer == null && subscription == null) {
      throw new StripeError(400, "parameter_missing",
          "Missing required param: customer or subscription.", "customer");
    }
    int customerIndex = -1;
    if (subscription != null) {
      customerIndex = customerOf(subscription, "sub_", "subscription");
      if (customer != null && customerIndex != customerOf(customer, "cus_", "customer")) {
        throw new StripeError(400, "parameter_invalid", "The subscription '" + subscription
            + "' does not belong to the customer '" + customer + "'.", "subscription");
      }
    } else {
      customerIndex = customerOf(customer, "cus_", "customer");
    }
    DatasetInvoice upcoming = dataset().upcoming(customerIndex);
    String id = "upcoming_in_" + randomPart(-1 - customerIndex) + indexPart(customerIndex);
    Map<String, Object> json = invoiceJson(upcoming, id, true);
    return SandboxResponse.ok(json);
  }

  /** The data set index of the customer {@code id} names, or a 404 in Stripe's words. */
  private int customerOf(String id, String prefix, String param) {
    int index = id.startsWith(prefix) ? dataset().customerIndex("cust_" + id.substring(prefix.length())) : -1;
    if (index < 0) throw new StripeError(404, "resource_missing", "No such " + param + ": '" + id + "'", param);
    return index;
  }

  private Map<String, Object> invoiceJson(int index) {
    return invoiceJson(dataset().invoice(index), invoiceId(index), false);
  }

  private Map<String, Object> invoiceJson(DatasetInvoice invoice, String id, boolean preview) {
    boolean draft = preview || invoice.status().equals("draft");
    String currency = invoice.currency().toLowerCase(Locale.ROOT);
    String collection = collectionMethod(invoice);
    long created = invoice.issuedAt().getEpochSecond();
    List<Object> lines = new ArrayList<>();
    int embedded = Math.min(EMBEDDED_LINES, invoice.lines().size());
    for (int n = 0; n < embedded; n++) lines.add(lineJson(invoice, id, n));
    List<Object> discounts = invoice.discount().signum() == 0 ? List.of()
        : List.of(Json.object("amount", minor(invoice.discount(), invoice), "discount", "di_sandbox"));
    List<Object> credits = invoice.discount().signum() == 0 ? List.of()
        : List.of(Json.object("amount", minor(invoice.discount(), invoice), "type", "discount",
            "discount", "di_sandbox"));
    List<Object> taxes = invoice.tax().signum() == 0 ? List.of()
        : List.of(Json.object("amount", minor(invoice.tax(), invoice), "tax_behavior", "exclusive",
            "taxability_reason", "standard_rated",
            "taxable_amount", minor(invoice.subtotal().subtract(invoice.discount()), invoice),
            "type", "tax_rate_details", "tax_rate_details", Json.object("tax_rate", "txr_sandbox")));
    String url = "https://invoice.stripe.com/i/acct_sandbox/" + id;
    Map<String, Object> json = Json.object(
        "id", id,
        "object", "invoice",
        "livemode", false,
        "customer", customerId(invoice.customerId()),
        "number", draft ? null : "SBX-" + String.format("%06d", dataset().size() - invoice.index()),
        "status", preview ? "draft" : invoice.status(),
        "currency", currency,
        "billing_reason", preview ? "upcoming" : "subscription_cycle",
        "collection_method", collection,
        "created", created,
        "effective_at", draft ? null : created,
        "due_date", collection.equals("send_invoice") && !preview ? invoice.dueAt().getEpochSecond() : null,
        "period_start", Dates.startOfDay(invoice.periodStart()).getEpochSecond(),
        "period_end", Dates.startOfDay(invoice.periodEnd()).getEpochSecond(),
        "subtotal", minor(invoice.subtotal(), invoice),
        "subtotal_excluding_tax", minor(invoice.subtotal(), invoice),
        "total_discount_amounts", discounts,
        "total_pretax_credit_amounts", credits,
        "total_excluding_tax", minor(invoice.subtotal().subtract(invoice.discount()), invoice),
        "total_taxes", taxes,
        "total", minor(invoice.total(), invoice),
        "amount_due", minor(invoice.total(), invoice),
        "amount_paid", preview ? BigDecimal.ZERO : minor(invoice.amountPaid(), invoice),
        "amount_remaining", minor(preview ? invoice.total() : invoice.amountRemaining(), invoice),
        "status_transitions", Json.object(
            "finalized_at", draft ? null : created,
            "paid_at", invoice.paidAt() == null || preview ? null : invoice.paidAt().getEpochSecond(),
            "marked_uncollectible_at", invoice.status().equals("uncollectible") && !preview ? created : null,
            "voided_at", invoice.status().equals("void") && !preview ? created : null),
        "description", invoice.description(),
        "hosted_invoice_url", draft ? null : url,
        "invoice_pdf", draft ? null : url + "/pdf",
        "parent", Json.object("type", "subscription_details", "quote_details", null,
            "subscription_details", Json.object("subscription", subscriptionId(invoice.customerId()),
                "metadata", Json.object())),
        "lines", listJson(lines, invoice.lines().size() > embedded, "/v1/invoices/" + id + "/lines"),
        "metadata", Json.object());
    return json;
  }

  private Map<String, Object> lineJson(DatasetInvoice invoice, String invoiceId, int n) {
    DatasetLine line = invoice.lines().get(n);
    String product = line.product();
    List<Object> discounts = line.discount().signum() == 0 ? List.of()
        : List.of(Json.object("amount", minor(line.discount(), invoice), "discount", "di_sandbox"));
    List<Object> credits = line.discount().signum() == 0 ? List.of()
        : List.of(Json.object("amount", minor(line.discount(), invoice), "type", "discount",
            "discount", "di_sandbox"));
    return Json.object(
        "id", lineId(invoiceId, n),
        "object", "line_item",
        "invoice", invoiceId,
        "amount", minor(line.amount(), invoice),
        "subtotal", minor(line.amount(), invoice),
        "currency", invoice.currency().toLowerCase(Locale.ROOT),
        "description", line.description(),
        "quantity", line.quantity().setScale(0, RoundingMode.DOWN),
        "quantity_decimal", Json.stripZeros(line.quantity()).toPlainString(),
        "period", Json.object(
            "start", Dates.startOfDay(invoice.periodStart()).getEpochSecond(),
            "end", Dates.startOfDay(invoice.periodEnd()).getEpochSecond()),
        "pricing", Json.object(
            "type", "price_details",
            "unit_amount_decimal", Json.stripZeros(line.unitPrice().movePointRight(invoice.fractionDigits()))
                .toPlainString(),
            "price_details", Json.object("price", "price_sandbox_" + n, "product", product)),
        "discount_amounts", discounts,
        "pretax_credit_amounts", credits,
        "taxes", List.of(),
        "discountable", true,
        "livemode", false,
        "metadata", Json.object());
  }

  private static Map<String, Object> listJson(List<Object> data, boolean hasMore, String url) {
    return Json.object("object", "list", "data", data, "has_more", hasMore, "url", url);
  }

  /** Every fourth customer pays automatically; the others get an invoice to pay by its due date. */
  private static String collectionMethod(DatasetInvoice invoice) {
    String digits = invoice.customerId().substring(invoice.customerId().indexOf('_') + 1);
    return Integer.parseInt(digits) % 4 == 0 ? "charge_automatically" : "send_invoice";
  }

  /** The data set index of invoice {@code id}, or a 404 {@code resource_missing}. */
  private int indexOf(String id) {
    int index = decodeIndex(id);
    if (index < 0 || index >= dataset().size() || !invoiceId(index).equals(id)) {
      throw new StripeError(404, "resource_missing", "No such invoice: '" + id + "'", "id");
    }
    return index;
  }

  private static int decodeIndex(String id) {
    if (!id.startsWith("in_") || id.length() != 3 + 18 + INDEX_DIGITS) return -1;
    long index = 0;
    for (int i = id.length() - INDEX_DIGITS; i < id.length(); i++) {
      int digit = ALPHABET.indexOf(id.charAt(i));
      if (digit < 0) return -1;
      index = index * ALPHABET.length() + digit;
    }
    return index > Integer.MAX_VALUE ? -1 : (int) index;
  }

  private String randomPart(int index) {
    long bits = Dataset.mix(options().seed() ^ 0x57121BEL, index);
    long more = Dataset.mix(bits, index);
    StringBuilder text = new StringBuilder(18);
    for (int i = 0; i < 18; i++) {
      long source = i < 9 ? bits : more;
      text.append(ALPHABET.charAt((int) Math.floorMod(source >>> (i % 9 * 7), (long) ALPHABET.length())));
    }
    return text.toString();
  }

  private static String indexPart(int index) {
    char[] digits = new char[INDEX_DIGITS];
    long rest = index;
    for (int i = INDEX_DIGITS - 1; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
      rest /= ALPHABET.length();
    }
    return new String(digits);
  }

  private static String lineId(String invoiceId, int n) {
    return "il_" + invoiceId.substring(invoiceId.indexOf('_') + 1) + "_" + n;
  }

  private static int limit(SandboxRequest request) {
    int limit;
    try {
      limit = request.intQuery("limit", DEFAULT_LIMIT);
    } catch (SandboxException e) {
      throw new StripeError(400, "parameter_invalid_integer", "Invalid integer: " + request.query("limit"), "limit");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new StripeError(400, "parameter_invalid_integer", limit < 1
          ? "This value must be greater than or equal to 1." : "This value must be less than or equal to 100.",
          "limit");
    }
    return limit;
  }

  private static String oneOf(SandboxRequest request, String name, Set<String> values) {
    String value = request.query(name);
    if (value != null && !values.contains(value)) {
      throw new StripeError(400, "parameter_invalid", "Invalid " + name + ": must be one of "
          + String.join(", ", new TreeSet<>(values)), name);
    }
    return value;
  }

  /** Adds the filter of {@code created} bound {@code name}: 0 is {@code >=} (or equal for plain {@code created}), 1 {@code >}, 2 {@code <=}, 3 {@code <}. */
  private void created(SandboxRequest request, String name, List<IntPredicate> filters, int kind) {
    String text = request.query(name);
    if (text == null) return;
    long bound;
    try {
      bound = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new StripeError(400, "parameter_invalid_integer", "Invalid integer: " + text, name);
    }
    boolean exact = name.equals("created");
    filters.add(i -> {
      long created = dataset().invoice(i).issuedAt().getEpochSecond();
      switch (kind) {
        case 1: return created > bound;
        case 2: return created <= bound;
        case 3: return created < bound;
        default: return exact ? created == bound : created >= bound;
      }
    });
  }

  private int position(List<Integer> matching, String id, String param) {
    int index = decodeIndex(id);
    int position = index < 0 || index >= dataset().size() || !invoiceId(index).equals(id) ? -1 : matching.indexOf(index);
    if (position < 0) throw new StripeError(400, "resource_missing", "No such invoice: '" + id + "'", param);
    return position;
  }

  private static void rejectUnknown(Set<String> names, Set<String> known) {
    for (String name : new TreeSet<>(names)) {
      if (!known.contains(name)) {
        throw new StripeError(400, "parameter_unknown", "Received unknown parameter: " + name, name);
      }
    }
  }

  /** Reads a form-encoded body ({@code a=1&b=x+y}); a name given twice keeps its last value. */
  static Map<String, String> form(String body) {
    Map<String, String> result = new LinkedHashMap<>();
    if (body.isBlank()) return result;
    HttpUrl parsed = HttpUrl.get("http://form.invalid/?" + body.strip());
    for (int i = 0; i < parsed.querySize(); i++) {
      String value = parsed.queryParameterValue(i);
      result.put(parsed.queryParameterName(i), value == null ? "" : value);
    }
    return result;
  }

  private static BigDecimal minor(BigDecimal majorUnits, DatasetInvoice invoice) {
    return Json.stripZeros(majorUnits.movePointRight(invoice.fractionDigits()));
  }

  /** A Stripe error naming the parameter at fault; {@link #handle} answers it. */
  private static final class StripeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String param;

    StripeError(int status, String code, String message, String param) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
      this.param = param;
    }
  }
}
