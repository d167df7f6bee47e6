package dev.invoicekit.cloudflare;

import dev.invoicekit.tck.WireCase;
import dev.invoicekit.tck.WireVerification;

/** The wire half of the conformance kit, with Cloudflare's own bodies and error shapes. */
class CloudflareWireTest extends WireVerification {
  @Override protected WireCase wireCase() {
    return new CloudflareWireCase();
  }
}
