package dev.invoicekit.stripe.internal;

import com.squareup.moshi.Json;

/**
 * What an invoice was created for: {@code type} {@code subscription_details} (with the
 * subscription) or {@code quote_details}. Not API; may change.
 */
public record StripeParent(
    String type,
    @Json(name = "subscription_details") SubscriptionDetails subscriptionDetails) {
  /** The subscription an invoice bills. */
  public record SubscriptionDetails(String subscription) {}
}
