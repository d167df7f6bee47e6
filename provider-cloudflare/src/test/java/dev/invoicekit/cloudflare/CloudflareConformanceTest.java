package dev.invoicekit.cloudflare;

import dev.invoicekit.tck.InvoiceProviderVerification;

/** The conformance kit against the cloudflare provider and its emulator. */
class CloudflareConformanceTest extends InvoiceProviderVerification {
  CloudflareConformanceTest() {
    super("cloudflare");
  }
}
