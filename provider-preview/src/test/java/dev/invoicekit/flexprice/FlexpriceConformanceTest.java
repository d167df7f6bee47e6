package dev.invoicekit.flexprice;

import dev.invoicekit.tck.InvoiceProviderVerification;

/** The conformance kit against the flexprice provider and its emulator. */
class FlexpriceConformanceTest extends InvoiceProviderVerification {
  FlexpriceConformanceTest() {
    super("flexprice");
  }
}
