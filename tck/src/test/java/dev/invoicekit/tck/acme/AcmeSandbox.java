package dev.invoicekit.tck.acme;

import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.Json;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxException;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.SandboxRequest;
import dev.invoicekit.sandbox.SandboxResponse;
import dev.invoicekit.sandbox.Window;
import java.util.List;
import java.util.Map;

/**
 * The emulator of Acme, the made-up vendor of the kit's self-test, written on the public emulator
 * SPI as a third party would: offset paging ({@code GET invoices?offset=&limit=} answering
 * {@code {"items", "offset", "total"}}), {@code GET invoices/{id}}, {@code GET preview}, errors as
 * {@code {"error": {"code", "message"}}}, the key in {@code X-Acme-Key}.
 */
final class AcmeSandbox extends Sandbox {
  static final String KEY_HEADER = "X-Acme-Key";
  static final String REQUEST_ID_HEADER = "X-Acme-Request-Id";

  private AcmeSandbox(SandboxOptions options) {
    super(options, "/acme/v1/");
  }

  static AcmeSandbox start(SandboxOptions options) {
    return started(new AcmeSandbox(options));
  }

  @Override public String providerId() {
    return AcmeProviderFactory.ID;
  }

  @Override public String requestIdHeader() {
    return REQUEST_ID_HEADER;
  }

  @Override public Map<String, String> providerSettings() {
    return Map.of("base-url", baseUrl(), "api-key", options().credential());
  }

  @Override public String invoiceId(int index) {
    return "acme-" + index;
  }

  @Override public Paging paging() {
    return Paging.OFFSET;
  }

  @Override protected boolean authorized(SandboxRequest request) {
    return request.headerEquals(KEY_HEADER, options().credential());
  }

  @Override protected SandboxResponse handle(SandboxRequest request) {
    if (request.matches("GET", "invoices")) {
      int offset = request.intQuery("offset", 0);
      Window window = Window.ofOffset(offset, request.intQuery("limit", 10), dataset().size());
      List<Object> items = window.indices()
          .<Object>mapToObj(i -> invoice(dataset().invoice(i))).toList();
      return SandboxResponse.ok(Json.object("items", items, "offset", (long) offset,
          "total", (long) dataset().size()));
    }
    if (request.matches("GET", "invoices", "*")) {
      String id = request.segment(1);
      if (id.matches("acme-\\d{1,6}")) {
        int index = Integer.parseInt(id.substring(5));
        if (index < dataset().size()) return SandboxResponse.ok(invoice(dataset().invoice(index)));
      }
      throw new SandboxException(404, "not_found", "no invoice " + id);
    }
    if (request.matches("GET", "preview")) {
      return SandboxResponse.ok(invoice(dataset().upcoming(0)));
    }
    return null;
  }

  private static Map<String, Object> invoice(DatasetInvoice invoice) {
    return Json.object(
        "id", invoice.index() < 0 ? "acme-upcoming" : "acme-" + invoice.index(),
        "currency", invoice.currency(),
        "total", invoice.total().toPlainString(),
        "status", invoice.status());
  }

  @Override protected SandboxResponse error(int status, String vendorCode, String message) {
    return SandboxResponse.json(status, Json.object("error",
        Json.object("code", vendorCode == null ? "http_" + status : vendorCode, "message", message)));
  }
}
