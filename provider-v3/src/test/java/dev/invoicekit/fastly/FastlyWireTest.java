package dev.invoicekit.fastly;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.tck.WireCase;
import dev.invoicekit.tck.WireCase.Op;
import dev.invoicekit.tck.WireCase.Payload;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import dev.invoicekit.tck.WireVerification;

/** The wire half of the conformance kit, with Fastly's own bodies and error shapes. */
class FastlyWireTest extends WireVerification {
  @Override protected WireCase wireCase() {
    return new FastlyWireCase();
  }

  @StartStop public final MockWebServer server = new MockWebServer();

  @Test void hostileCursorStaysOneQueryParameter() throws Exception {
    WireCase fastly = wireCase();
    String cursor = "a&limit=1000&cursor=b#x/../../v1?y=z";
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body(fastly.body(Op.LIST, Payload.VALID)).build());

    try (InvoiceProvider provider = fastly.create(server)) {
      provider.list(InvoiceQuery.builder().pageToken(cursor).build());
    }

    RecordedRequest request = server.takeRequest(5, SECONDS);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/billing/v3/invoices");
    assertThat(request.getUrl().queryParameterValues("cursor")).containsExactly(cursor);
    assertThat(request.getUrl().queryParameterValues("limit")).containsExactly("200");
  }
}
