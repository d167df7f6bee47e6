package dev.invoicekit.stripe;

import dev.invoicekit.tck.WireCase;
import dev.invoicekit.tck.WireVerification;

/** The wire half of the conformance kit, with Stripe's own bodies and error shapes. */
class StripeWireTest extends WireVerification {
  @Override protected WireCase wireCase() {
    return new StripeWireCase();
  }
}
