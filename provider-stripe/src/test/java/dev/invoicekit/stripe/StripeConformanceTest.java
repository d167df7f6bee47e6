package dev.invoicekit.stripe;

import dev.invoicekit.tck.InvoiceProviderVerification;

/** The conformance kit against the stripe provider and its emulator. */
class StripeConformanceTest extends InvoiceProviderVerification {
  StripeConformanceTest() {
    super("stripe");
  }
}
