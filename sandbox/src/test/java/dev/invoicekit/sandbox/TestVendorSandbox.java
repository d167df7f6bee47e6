package dev.invoicekit.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A trivial vendor emulator on the shared machinery: what the real ones look like, in small. */
final class TestVendorSandbox extends Sandbox {
  static final String KEY_HEADER = "X-Test-Key";
  static final String REQUEST_ID_HEADER = "X-Test-Request-Id";

  private TestVendorSandbox(SandboxOptions options) {
    super(options, "/test/v1/");
  }

  static TestVendorSandbox start(SandboxOptions options) {
    return started(new TestVendorSandbox(options));
  }

  @Override public String providerId() {
    return "test-vendor";
  }

  @Override public String invoiceId(int index) {
    java.util.Objects.checkIndex(index, dataset().size());
    return "inv-" + index;
  }

  @Override public Paging paging() {
    return Paging.OFFSET;
  }

  @Override public String requestIdHeader() {
    return REQUEST_ID_HEADER;
  }

  @Override public Map<String, String> providerSettings() {
    return Map.of("base-url", baseUrl(), "api-key", options().credential());
  }

  @Override protected boolean authorized(SandboxRequest request) {
    return request.headerEquals(KEY_HEADER, options().credential());
  }

  @Override protected SandboxResponse handle(SandboxRequest request) {
    if (request.matches("GET", "invoices")) {
      request.requireOnlyQuery(Set.of("offset", "limit"));
      Window window = Window.ofOffset(request.intQuery("offset", 0), request.intQuery("limit", 10),
          dataset().size());
      List<Object> items = window.indices()
          .<Object>mapToObj(i -> invoiceJson(dataset().invoice(i)))
          .toList();
      return SandboxResponse.ok(Json.object(
          "items", items, "total", (long) window.total(), "has_more", window.hasMore()));
    }
    if (request.matches("GET", "invoices", "*")) {
      String id = request.segment(1);
      if (!id.matches("inv-\\d+")) throw new SandboxException(404, "no_such_invoice", "no invoice " + id);
      int index = Integer.parseInt(id.substring(4));
      if (index >= dataset().size()) throw new SandboxException(404, "no invoice " + id);
      return SandboxResponse.ok(invoiceJson(dataset().invoice(index)));
    }
    if (request.matches("POST", "echo", "*")) {
      return SandboxResponse.ok(Json.object(
          "segment", request.segment(1),
          "query", request.queryParameters(),
          "body", request.jsonObject()));
    }
    if (request.matches("GET", "boom")) {
      throw new IllegalStateException("handler bug");
    }
    return null;
  }

  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    return SandboxResponse.json(status, Json.object(
        "failure", Json.object("status", (long) status, "code", vendorCode, "message", message)));
  }

  /** Puts the details, when there are some, beside the code and message. */
  @Override protected SandboxResponse error(int status, String vendorCode, String message,
      Map<String, Object> details) {
    SandboxResponse response = error(status, vendorCode, message);
    if (details.isEmpty()) return response;
    return SandboxResponse.json(status, Json.object("failure", Json.object("status", (long) status,
        "code", vendorCode, "message", message, "details", new java.util.LinkedHashMap<>(details))));
  }

  private static Map<String, Object> invoiceJson(DatasetInvoice invoice) {
    return Json.object(
        "id", "inv-" + invoice.index(),
        "customer", invoice.customerId(),
        "currency", invoice.currency(),
        "total", invoice.total(),
        "paid_at", invoice.paidAt() == null ? null : invoice.paidAt().toString());
  }

  /** Found by {@link Sandboxes} through src/test/resources/META-INF/services. */
  public static final class Factory implements SandboxFactory {
    @Override public String providerId() {
      return "test-vendor";
    }

    @Override public Sandbox start(SandboxOptions options) {
      return TestVendorSandbox.start(options);
    }
  }
}
