package dev.invoicekit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to preview: the upcoming invoice of the account (no parameters), of a subscription or of a
 * customer, optionally for a given period.
 *
 * <p>A parameter a vendor cannot honour fails with {@link IllegalArgumentException} naming it,
 * before any HTTP call. Immutable and thread-safe.
 */
public final class PreviewRequest {
  private static final PreviewRequest UPCOMING = builder().build();

  private final String subscriptionId;
  private final String customerId;
  private final Instant periodStart;
  private final Instant periodEnd;

  private PreviewRequest(Builder builder) {
    this.subscriptionId = builder.subscriptionId;
    this.customerId = builder.customerId;
    this.periodStart = builder.periodStart;
    this.periodEnd = builder.periodEnd;
  }

  /** {@return the request for the account's upcoming (or month-to-date) invoice} */
  public static PreviewRequest upcoming() {
    return UPCOMING;
  }

  /** {@return a builder of a request for the account's upcoming invoice} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the subscription whose next invoice is previewed; empty for the account's} */
  public Optional<String> subscriptionId() { return Optional.ofNullable(subscriptionId); }
  /** {@return the vendor's id of the customer whose upcoming invoice is previewed; empty for the account's} */
  public Optional<String> customerId() { return Optional.ofNullable(customerId); }
  /** {@return the start of the period previewed; empty for the vendor's current period} */
  public Optional<Instant> periodStart() { return Optional.ofNullable(periodStart); }
  /** {@return the end of the period previewed; empty for the vendor's current period} */
  public Optional<Instant> periodEnd() { return Optional.ofNullable(periodEnd); }

  @Override public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof PreviewRequest)) return false;
    PreviewRequest that = (PreviewRequest) o;
    return Objects.equals(subscriptionId, that.subscriptionId)
        && Objects.equals(customerId, that.customerId)
        && Objects.equals(periodStart, that.periodStart)
        && Objects.equals(periodEnd, that.periodEnd);
  }

  @Override public int hashCode() {
    return Objects.hash(subscriptionId, customerId, periodStart, periodEnd);
  }

  @Override public String toString() {
    return "PreviewRequest{subscriptionId=" + subscriptionId + ", customerId=" + customerId
        + ", periodStart=" + periodStart
        + ", periodEnd=" + periodEnd + "}";
  }

  /** Builds a {@link PreviewRequest}. Not thread-safe. */
  public static final class Builder {
    private String subscriptionId;
    private String customerId;
    private Instant periodStart;
    private Instant periodEnd;

    Builder() {}

    /**
     * Sets {@link PreviewRequest#subscriptionId()}.
     *
     * @param subscriptionId see {@link PreviewRequest#subscriptionId()}
     * @return this builder
     */
    public Builder subscriptionId(String subscriptionId) { this.subscriptionId = subscriptionId; return this; }
    /**
     * Sets {@link PreviewRequest#customerId()}.
     *
     * @param customerId see {@link PreviewRequest#customerId()}
     * @return this builder
     */
    public Builder customerId(String customerId) { this.customerId = customerId; return this; }
    /**
     * Sets {@link PreviewRequest#periodStart()}.
     *
     * @param periodStart see {@link PreviewRequest#periodStart()}
     * @return this builder
     */
    public Builder periodStart(Instant periodStart) { this.periodStart = periodStart; return this; }
    /**
     * Sets {@link PreviewRequest#periodEnd()}.
     *
     * @param periodEnd see {@link PreviewRequest#periodEnd()}
     * @return this builder
     */
    public Builder periodEnd(Instant periodEnd) { this.periodEnd = periodEnd; return this; }

    /**
     * @return the request
     * @throws IllegalArgumentException if {@code periodEnd} is not after {@code periodStart}
     */
    public PreviewRequest build() {
      if (periodStart != null && periodEnd != null && !periodEnd.isAfter(periodStart)) {
        throw new IllegalArgumentException(
            "periodEnd " + periodEnd + " is not after periodStart " + periodStart);
      }
      return new PreviewRequest(this);
    }
  }
}
