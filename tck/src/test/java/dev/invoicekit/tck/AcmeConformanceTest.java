package dev.invoicekit.tck;

/**
 * The kit run against Acme's correct provider: the one small class a provider module writes. Acme's
 * emulator and provider are found by {@link java.util.ServiceLoader}, as a real vendor's would be.
 */
class AcmeConformanceTest extends InvoiceProviderVerification {
  AcmeConformanceTest() {
    super("acme");
  }
}
