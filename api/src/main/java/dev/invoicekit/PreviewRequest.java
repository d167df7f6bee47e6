package dev.invoicekit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to preview: the upcoming invoice of the account (no parameters), or of a subscription,
 * optionally for a given period.
 *
 * <p>A parameter a vendor cannot honour fails with {@link IllegalArgumentException} naming it,
 * before any HTTP call. Immutable and thread-safe.
 */
public final class PreviewRequest {
  private static final PreviewRequest UPCOMING = builder().build();

  private final String subscriptionId;
  private final Instant periodStart;
  private final Instant periodEnd;

  private PreviewRequest(Builder builder) {
    this.subscriptionId = builder.subscriptionId;
    this.periodStart = builder.periodStart;
    this.periodEnd = builder.periodEnd;
  }

  /** {@return the request for the account's upcoming (or month-to-date) invoice} */
  public static PreviewRequest upcoming() {
    return UPCOMING;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> subscriptionId() { return Optional.ofNullable(subscriptionId); }
  public Optional<Instant> periodStart() { return Optional.ofNullable(periodStart); }
  public Optional<Instant> periodEnd() { return Optional.ofNullable(periodEnd); }

  @Override public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof PreviewRequest)) return false;
    PreviewRequest that = (PreviewRequest) o;
    return Objects.equals(subscriptionId, that.subscriptionId)
        && Objects.equals(periodStart, that.periodStart)
        && Objects.equals(periodEnd, that.periodEnd);
  }

  @Override public int hashCode() {
    return Objects.hash(subscriptionId, periodStart, periodEnd);
  }

  @Override public String toString() {
    return "PreviewRequest{subscriptionId=" + subscriptionId + ", periodStart=" + periodStart
        + ", periodEnd=" + periodEnd + "}";
  }

  /** Builds a {@link PreviewRequest}. Not thread-safe. */
  public static final class Builder {
    private String subscriptionId;
    private Instant periodStart;
    private Instant periodEnd;

    Builder() {}

    public Builder subscriptionId(String subscriptionId) { this.subscriptionId = subscriptionId; return this; }
    public Builder periodStart(Instant periodStart) { this.periodStart = periodStart; return this; }
    public Builder periodEnd(Instant periodEnd) { this.periodEnd = periodEnd; return this; }

    /** @throws IllegalArgumentException if {@code periodEnd} is not after {@code periodStart} */
    public PreviewRequest build() {
      if (periodStart != null && periodEnd != null && !periodEnd.isAfter(periodStart)) {
        throw new IllegalArgumentException(
            "periodEnd " + periodEnd + " is not after periodStart " + periodStart);
      }
      return new PreviewRequest(this);
    }
  }
}
