package dev.invoicekit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to list: a period, a customer, a page size and where to continue.
 *
 * <p>{@code periodFrom}/{@code periodTo} select invoices whose period start (the issue time where
 * the vendor has no period) lies in {@code [periodFrom, periodTo)}. A filter the vendor cannot
 * apply server-side is applied client-side: the results are the same either way. Vendor
 * parameters pass vendor-specific filters through, by the vendor's own names (like
 * {@code type=manual}); each provider documents and validates the ones it accepts.
 * Immutable and thread-safe.
 */
public final class InvoiceQuery {
  private static final InvoiceQuery ALL = builder().build();

  private final Instant periodFrom;
  private final Instant periodTo;
  private final String customerId;
  private final Integer pageSize;
  private final String pageToken;
  private final Map<String, String> vendorParameters;

  private InvoiceQuery(Builder builder) {
    this.periodFrom = builder.periodFrom;
    this.periodTo = builder.periodTo;
    this.customerId = builder.customerId;
    this.pageSize = builder.pageSize;
    this.pageToken = builder.pageToken;
    this.vendorParameters = Map.copyOf(builder.vendorParameters);
  }

  /** {@return a query for every invoice, from the first page} */
  public static InvoiceQuery all() {
    return ALL;
  }

  /** {@return a builder of a query that selects everything} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this query's values} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * {@return this query continued at {@code pageToken} (null for the first page)}
   *
   * @param pageToken the token of a page, from {@link Page#nextPageToken()}; null for the first page
   */
  public InvoiceQuery withPageToken(String pageToken) {
    return toBuilder().pageToken(pageToken).build();
  }

  /** {@return the earliest period start selected, inclusive; empty for no bound} */
  public Optional<Instant> periodFrom() { return Optional.ofNullable(periodFrom); }
  /** {@return the latest period start selected, exclusive; empty for no bound} */
  public Optional<Instant> periodTo() { return Optional.ofNullable(periodTo); }
  /** {@return the customer selected; empty for all} */
  public Optional<String> customerId() { return Optional.ofNullable(customerId); }
  /** {@return the page size asked for; empty to use the provider's configured {@code page-size}} */
  public OptionalInt pageSize() { return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize); }
  /** {@return where to continue, from a previous {@link Page#nextPageToken()}; empty for the first page} */
  public Optional<String> pageToken() { return Optional.ofNullable(pageToken); }
  /** {@return the vendor-specific parameters, by the vendor's own names} */
  public Map<String, String> vendorParameters() { return vendorParameters; }

  /**
   * {@return the vendor parameter {@code name}, if set}
   *
   * @param name the parameter's name, as the vendor spells it
   */
  public Optional<String> vendorParameter(String name) {
    return Optional.ofNullable(vendorParameters.get(name));
  }

  /**
   * {@return true if {@code instant} lies in {@code [periodFrom, periodTo)}} With no bound set every
   * invoice matches, even one without a date; with a bound set, a null instant does not match.
   *
   * @param instant an instant; nullable
   */
  public boolean periodIncludes(Instant instant) {
    if (periodFrom == null && periodTo == null) return true;
    if (instant == null) return false;
    if (periodFrom != null && instant.isBefore(periodFrom)) return false;
    return periodTo == null || instant.isBefore(periodTo);
  }

  /**
   * {@return true if {@code invoice} passes this query's filters exactly: its customer equals
   * {@link #customerId()} where one is set, and its period start (its issue time where it has no
   * period) is {@linkplain #periodIncludes included}} Providers apply it to what the vendor
   * returns, so a filter the vendor cannot apply server-side gives the same results.
   *
   * @param invoice the invoice to test
   */
  public boolean matches(Invoice invoice) {
    Objects.requireNonNull(invoice, "invoice == null");
    if (customerId != null && !customerId.equals(invoice.customerId())) return false;
    return periodIncludes(invoice.periodStart() != null ? invoice.periodStart() : invoice.issuedAt());
  }

  /** {@return true if this query sets a period bound} */
  public boolean hasPeriod() {
    return periodFrom != null || periodTo != null;
  }

  @Override public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof InvoiceQuery)) return false;
    InvoiceQuery that = (InvoiceQuery) o;
    return Objects.equals(periodFrom, that.periodFrom)
        && Objects.equals(periodTo, that.periodTo)
        && Objects.equals(customerId, that.customerId)
        && Objects.equals(pageSize, that.pageSize)
        && Objects.equals(pageToken, that.pageToken)
        && vendorParameters.equals(that.vendorParameters);
  }

  @Override public int hashCode() {
    return Objects.hash(periodFrom, periodTo, customerId, pageSize, pageToken, vendorParameters);
  }

  @Override public String toString() {
    return "InvoiceQuery{periodFrom=" + periodFrom + ", periodTo=" + periodTo
        + ", customerId=" + customerId + ", pageSize=" + pageSize + ", pageToken=" + pageToken
        + ", vendorParameters=" + vendorParameters + "}";
  }

  /** Builds an {@link InvoiceQuery}. Not thread-safe. */
  public static final class Builder {
    private Instant periodFrom;
    private Instant periodTo;
    private String customerId;
    private Integer pageSize;
    private String pageToken;
    private final Map<String, String> vendorParameters = new LinkedHashMap<>();

    Builder() {}

    Builder(InvoiceQuery query) {
      periodFrom = query.periodFrom;
      periodTo = query.periodTo;
      customerId = query.customerId;
      pageSize = query.pageSize;
      pageToken = query.pageToken;
      vendorParameters.putAll(query.vendorParameters);
    }

    /**
     * Selects invoices whose period starts at or after {@code periodFrom}; null for no bound.
     *
     * @param periodFrom the earliest period start selected, inclusive; nullable
     * @return this builder
     */
    public Builder periodFrom(Instant periodFrom) { this.periodFrom = periodFrom; return this; }

    /**
     * Selects invoices whose period starts before {@code periodTo}; null for no bound.
     *
     * @param periodTo the latest period start selected, exclusive; nullable
     * @return this builder
     */
    public Builder periodTo(Instant periodTo) { this.periodTo = periodTo; return this; }

    /**
     * Selects the invoices of one customer; null for all.
     *
     * @param customerId the vendor's customer id; nullable
     * @return this builder
     */
    public Builder customerId(String customerId) { this.customerId = customerId; return this; }

    /**
     * Asks for {@code pageSize} invoices a page. Providers clamp it to the vendor's maximum.
     *
     * @param pageSize the page size, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code pageSize < 1}
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) throw new IllegalArgumentException("pageSize < 1: " + pageSize);
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Continues at {@code pageToken} from a previous page; null for the first page.
     *
     * @param pageToken the token of a page, from {@link Page#nextPageToken()}; null for the first page
     * @return this builder
     */
    public Builder pageToken(String pageToken) { this.pageToken = pageToken; return this; }

    /**
     * Sets the vendor parameter {@code name}; a null value removes it.
     *
     * @param name the parameter's name, as the vendor spells it
     * @param value the value; null removes the parameter
     * @return this builder
     */
    public Builder vendorParameter(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      if (value == null) {
        vendorParameters.remove(name);
      } else {
        vendorParameters.put(name, value);
      }
      return this;
    }

    /**
     * @return the query
     * @throws IllegalArgumentException if {@code periodTo} is not after {@code periodFrom}
     */
    public InvoiceQuery build() {
      if (periodFrom != null && periodTo != null && !periodTo.isAfter(periodFrom)) {
        throw new IllegalArgumentException(
            "periodTo " + periodTo + " is not after periodFrom " + periodFrom);
      }
      return new InvoiceQuery(this);
    }
  }
}
