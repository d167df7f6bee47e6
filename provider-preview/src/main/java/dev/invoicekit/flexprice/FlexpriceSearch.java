package dev.invoicekit.flexprice;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.flexprice.internal.FlexpriceSearchRequest;
import dev.invoicekit.spi.ProviderChecks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One validated {@link InvoiceQuery} as Flexprice search bodies: the filters the server applies,
 * the page size, the first offset, and the exact client-side filter (SPEC §2). Immutable.
 *
 * <p>Vendor parameters accepted, by Flexprice's own names: {@code invoice_status} and
 * {@code payment_status} (comma-separated lists), {@code subscription_id}, {@code invoice_type},
 * {@code currency}, {@code billing_reason}, {@code external_customer_id}, and
 * {@code skip_line_items} ({@code false} to list invoices with their lines), {@code invoice_ids}
 * (a comma-separated list), {@code amount_due_gt} (a decimal) and {@code period_end_gte} /
 * {@code period_end_lte} (ISO-8601 instants, inclusive). Anything else, or a malformed value, is
 * an {@link IllegalArgumentException}.
 *
 * <p>Listed invoices come without their lines unless {@code skip_line_items=false}: lines are
 * most of a page's weight (a 1000-invoice page with lines is megabytes), and {@code get} reads
 * them for one invoice.
 */
final class FlexpriceSearch {
  /** Flexprice's largest {@code limit}. */
  static final int MAX_PAGE_SIZE = 1000;
  /** The page size asked for when neither the query nor the configuration sets one. */
  static final int DEFAULT_PAGE_SIZE = 100;

  static final Set<String> VENDOR_PARAMETERS = Set.of("invoice_status", "payment_status",
      "subscription_id", "invoice_type", "currency", "billing_reason", "external_customer_id",
      "skip_line_items", "invoice_ids", "amount_due_gt", "period_end_gte", "period_end_lte");

  private final InvoiceQuery query;
  private final int limit;
  private final long firstOffset;
  private final List<String> invoiceStatus;
  private final List<String> paymentStatus;
  private final List<String> invoiceIds;
  private final String amountDueGt;
  private final String periodEndGte;
  private final String periodEndLte;
  private final boolean skipLineItems;

  private FlexpriceSearch(InvoiceQuery query, int limit, long firstOffset) {
    this.query = query;
    this.limit = limit;
    this.firstOffset = firstOffset;
    this.invoiceStatus = list(query, "invoice_status", true);
    this.paymentStatus = list(query, "payment_status", true);
    this.invoiceIds = list(query, "invoice_ids", false);
    this.amountDueGt = decimal(query, "amount_due_gt");
    this.periodEndGte = instant(query, "period_end_gte");
    this.periodEndLte = instant(query, "period_end_lte");
    this.skipLineItems = bool(query, "skip_line_items", true);
  }

  /**
   * Validates {@code query}: its vendor parameters and page token.
   *
   * @param defaultPageSize the configured page size, used when the query sets none
   * @throws IllegalArgumentException naming an unknown vendor parameter, a bad value or a page
   *     token that is not a non-negative offset
   */
  static FlexpriceSearch of(InvoiceQuery query, int defaultPageSize) {
    Objects.requireNonNull(query, "query == null");
    ProviderChecks.allowVendorParameters(FlexpriceMapper.PROVIDER, query, VENDOR_PARAMETERS);
    int limit = Math.min(query.pageSize().orElse(defaultPageSize), MAX_PAGE_SIZE);
    return new FlexpriceSearch(query, limit, offset(query.pageToken().orElse(null)));
  }

  /**
   * Returns the offset a page token stands for; null means 0.
   *
   * @throws IllegalArgumentException if the token is not a non-negative whole number
   */
  static long offset(String pageToken) {
    if (pageToken == null) return 0;
    long offset;
    try {
      offset = Long.parseLong(pageToken.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "pageToken must be a non-negative offset: '" + pageToken + "'", e);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("pageToken must be a non-negative offset: '" + pageToken + "'");
    }
    return offset;
  }

  /** The page size asked for: the query's, else the configured one, at most {@value #MAX_PAGE_SIZE}. */
  int limit() {
    return limit;
  }

  /** The page token of the first page asked for: the query's offset, as text. */
  String firstToken() {
    return Long.toString(firstOffset);
  }

  /** Returns the search body for the page at {@code offset}. */
  FlexpriceSearchRequest request(long offset) {
    return new FlexpriceSearchRequest(
        limit,
        offset,
        query.customerId().orElse(null),
        parameter("external_customer_id"),
        parameter("subscription_id"),
        query.periodFrom().map(Instant::toString).orElse(null),
        // Flexprice's bound is inclusive; matches() then excludes periodTo itself.
        query.periodTo().map(Instant::toString).orElse(null),
        invoiceStatus,
        paymentStatus,
        parameter("invoice_type"),
        parameter("currency"),
        parameter("billing_reason"),
        skipLineItems,
        invoiceIds,
        amountDueGt,
        periodEndGte,
        periodEndLte);
  }

  /**
   * Returns true if {@code invoice} matches the query exactly: the customer, and the period start
   * (the issue time where there is none) in {@code [periodFrom, periodTo)}.
   */
  boolean matches(Invoice invoice) {
    return query.matches(invoice);
  }

  private String parameter(String name) {
    String value = query.vendorParameters().get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static final int MAX_DIGITS = 100;

  /** A decimal parameter as plain text, or null. */
  private static String decimal(InvoiceQuery query, String name) {
    String value = query.vendorParameters().get(name);
    if (value == null) return null;
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("vendor parameter " + name + " must be a decimal: '" + value + "'", e);
    }
    // The plain text of 1e999999999 is a gigabyte: bounded like every number InvoiceKit reads.
    if (decimal.scale() > MAX_DIGITS || (long) decimal.precision() - decimal.scale() > MAX_DIGITS) {
      throw new IllegalArgumentException("vendor parameter " + name + " must be a decimal of at most "
          + MAX_DIGITS + " digits before and after the point: '" + value + "'");
    }
    return decimal.toPlainString();
  }

  /** An ISO-8601 instant parameter as RFC 3339 text, or null. */
  private static String instant(InvoiceQuery query, String name) {
    String value = query.vendorParameters().get(name);
    if (value == null) return null;
    try {
      return OffsetDateTime.parse(value.trim()).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "vendor parameter " + name + " must be an ISO-8601 instant (2026-07-01T00:00:00Z): '" + value + "'", e);
    }
  }

  /** A comma-separated list, upper-cased if {@code upper} (enum values); null if absent. */
  private static List<String> list(InvoiceQuery query, String name, boolean upper) {
    String value = query.vendorParameters().get(name);
    if (value == null) return null;
    List<String> result = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException(
            "vendor parameter " + name + " has an empty element: '" + value + "'");
      }
      result.add(upper ? trimmed.toUpperCase(Locale.ROOT) : trimmed);
    }
    return List.copyOf(result);
  }

  private static boolean bool(InvoiceQuery query, String name, boolean defaultValue) {
    String value = query.vendorParameters().get(name);
    if (value == null) return defaultValue;
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true": return true;
      case "false": return false;
      default:
        throw new IllegalArgumentException(
            "vendor parameter " + name + " must be true or false: '" + value + "'");
    }
  }
}
