package dev.invoicekit.fastly;

import dev.invoicekit.tck.InvoiceProviderVerification;

/** The conformance kit against the fastly provider and its emulator. */
class FastlyConformanceTest extends InvoiceProviderVerification {
  FastlyConformanceTest() {
    super("fastly");
  }
}
