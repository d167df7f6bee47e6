package dev.invoicekit.fastly.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.Json;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.SandboxResponse;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class FastlySandboxTest {
  private static final OkHttpClient http = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(10, TimeUnit.SECONDS)
      .build();

  @AfterAll static void shutDown() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** One answer: status and JSON body. */
  private record Reply(int status, Object body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) body;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data() {
      return (List<Map<String, Object>>) object().get("data");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> meta() {
      return (Map<String, Object>) object().get("meta");
    }

    String nextCursor() {
      return (String) meta().get("next_cursor");
    }
  }

  private static Reply call(FastlySandbox sandbox, String key, String encodedPathAndQuery)
      throws IOException {
    Request.Builder request = new Request.Builder().url(sandbox.baseUrl() + encodedPathAndQuery);
    if (key != null) request.header("Fastly-Key", key);
    try (Response response = http.newCall(request.build()).execute()) {
      return new Reply(response.code(), Json.read(response.body().string()));
    }
  }

  private static Reply call(FastlySandbox sandbox, String encodedPathAndQuery) throws IOException {
    return call(sandbox, sandbox.options().credential(), encodedPathAndQuery);
  }

  private static String cursorQuery(String cursor) {
    return HttpUrl.get("http://x/").newBuilder().addQueryParameter("cursor", cursor).build()
        .encodedQuery();
  }

  private static FastlySandbox start(int invoices) {
    return FastlySandbox.start(SandboxOptions.builder().invoices(invoices).build());
  }

  @Test void providerSettingsPointAtTheSandbox() {
    try (FastlySandbox sandbox = start(10)) {
      assertThat(sandbox.providerId()).isEqualTo("fastly");
      assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
      assertThat(sandbox.providerSettings()).isEqualTo(
          Map.of("base-url", sandbox.baseUrl(), "api-token", "sandbox-token"));
      assertThat(sandbox.toString()).doesNotContain("sandbox-token");
    }
  }

  @Test void missingOrWrongKeyGets401Msg() throws IOException {
    try (FastlySandbox sandbox = start(10)) {
      for (String key : new String[] {null, "wrong", "Bearer sandbox-token"}) {
        Reply reply = call(sandbox, key, "billing/v3/invoices");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo(Map.of("msg", "Provided credentials are missing or invalid"));
      }
    }
  }

  @Test void rejectCredentialsAnswers401ToTheRightKey() throws IOException {
    try (FastlySandbox sandbox = FastlySandbox.start(
        SandboxOptions.builder().rejectCredentials(true).build())) {
      assertThat(call(sandbox, "billing/v3/invoices/month-to-date").status()).isEqualTo(401);
    }
  }

  @Test void listsNewestFirstWithDefaultLimitAndTotal() throws IOException {
    try (FastlySandbox sandbox = start(250)) {
      Reply reply = call(sandbox, "billing/v3/invoices");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.data()).hasSize(100);
      assertThat(reply.meta()).containsEntry("limit", new BigDecimal(100))
          .containsEntry("total", new BigDecimal(250))
          .containsEntry("sort", "-billing_start_date");
      Map<String, Object> newest = reply.data().get(0);
      DatasetInvoice expected = sandbox.dataset().invoice(0);
      assertThat(newest).containsEntry("invoice_id", "INV-375250")
          .containsEntry("statement_number", "INV-375250")
          .containsEntry("customer_id", expected.customerId())
          .containsEntry("currency_code", expected.currency())
          .containsEntry("monthly_transaction_amount", expected.total())
          .containsEntry("billing_start_date", "2026-09-01T00:00:00Z")
          .containsEntry("billing_end_date", "2026-09-30T00:00:00Z")
          .containsEntry("invoice_posted_on", expected.issuedAt().toString())
          .containsEntry("payment_status", expected.status().equals("paid") ? "paid" : "outstanding");
      assertThat(reply.nextCursor()).contains("+").contains("/");
    }
  }

  @Test void cursorPagingVisitsEveryInvoiceOnceAndEndsWithEmptyCursor() throws IOException {
    try (FastlySandbox sandbox = start(450)) {
      List<String> ids = new ArrayList<>();
      List<String> cursors = new ArrayList<>();
      String cursor = "";
      do {
        Reply reply = call(sandbox, "billing/v3/invoices?limit=200"
            + (cursor.isEmpty() ? "" : "&" + cursorQuery(cursor)));
        assertThat(reply.status()).isEqualTo(200);
        reply.data().forEach(invoice -> ids.add((String) invoice.get("invoice_id")));
        cursor = reply.nextCursor();
        if (!cursor.isEmpty()) cursors.add(cursor);
      } while (!cursor.isEmpty());

      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 450; i++) expected.add(sandbox.invoiceId(i));
      assertThat(ids).containsExactlyElementsOf(expected);
      assertThat(cursors).hasSize(2).allMatch(c -> c.contains("+") && c.contains("/"));
      assertThat(cursors).anyMatch(c -> c.endsWith("="));
    }
  }

  @Test void unencodedCursorIsRejected() throws IOException {
    try (FastlySandbox sandbox = start(250)) {
      String cursor = call(sandbox, "billing/v3/invoices").nextCursor();

      Reply raw = call(sandbox, "billing/v3/invoices?cursor=" + cursor);

      assertThat(raw.status()).isEqualTo(400);
      assertThat(raw.object()).containsEntry("status", new BigDecimal(400))
          .containsKey("title");
      assertThat(call(sandbox, "billing/v3/invoices?" + cursorQuery(cursor)).status()).isEqualTo(200);
      assertThat(call(sandbox, "billing/v3/invoices?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
    }
  }

  @Test void limitIsClampedAt200AndAbove500Rejected() throws IOException {
    try (FastlySandbox sandbox = start(600)) {
      assertThat(call(sandbox, "billing/v3/invoices?limit=300").data()).hasSize(200);
      assertThat(call(sandbox, "billing/v3/invoices?limit=500").data()).hasSize(200);
      assertThat(call(sandbox, "billing/v3/invoices?limit=7").data()).hasSize(7);
      Reply tooBig = call(sandbox, "billing/v3/invoices?limit=501");
      assertThat(tooBig.status()).isEqualTo(400);
      assertThat((String) tooBig.object().get("title")).contains("500");
      assertThat(call(sandbox, "billing/v3/invoices?limit=0").status()).isEqualTo(400);
      assertThat(call(sandbox, "billing/v3/invoices?limit=abc").status()).isEqualTo(400);
    }
  }

  @Test void dateFiltersKeepInvoicesWithinTheDates() throws IOException {
    try (FastlySandbox sandbox = start(120)) {
      Reply reply = call(sandbox,
          "billing/v3/invoices?billing_start_date=2026-06-01&billing_end_date=2026-07-31&limit=200");

      List<String> expected = new ArrayList<>();
      for (DatasetInvoice invoice : sandbox.dataset().list()) {
        if (!invoice.periodStart().isBefore(java.time.LocalDate.of(2026, 6, 1))
            && !invoice.periodEnd().isAfter(java.time.LocalDate.of(2026, 8, 1))) {
          expected.add(sandbox.invoiceId(invoice.index()));
        }
      }
      assertThat(expected).hasSize(10);
      assertThat(reply.data()).extracting(invoice -> invoice.get("invoice_id"))
          .containsExactlyElementsOf(expected);
      assertThat(reply.meta()).containsEntry("total", new BigDecimal(10));
      assertThat(call(sandbox, "billing/v3/invoices?billing_start_date=yesterday").status())
          .isEqualTo(400);
    }
  }

  @Test void getsInvoiceByIdInBothIdStyles() throws IOException {
    try (FastlySandbox sandbox = start(100)) {
      assertThat(sandbox.invoiceId(0)).isEqualTo("INV-375100");
      assertThat(sandbox.invoiceId(89)).isEqualTo("INV-375011");
      assertThat(sandbox.invoiceId(90)).isEqualTo("29239010");
      assertThat(sandbox.invoiceId(99)).isEqualTo("29239001");

      Reply inv = call(sandbox, "billing/v3/invoices/INV-375011");
      Reply numeric = call(sandbox, "billing/v3/invoices/29239010");

      assertThat(inv.status()).isEqualTo(200);
      assertThat(inv.object()).containsEntry("invoice_id", "INV-375011")
          .containsEntry("monthly_transaction_amount", sandbox.dataset().invoice(89).total());
      assertThat(numeric.object()).containsEntry("invoice_id", "29239010")
          .containsEntry("customer_id", sandbox.dataset().invoice(90).customerId());
    }
  }

  @Test void unknownIdGets404Title() throws IOException {
    try (FastlySandbox sandbox = start(100)) {
      for (String id : new String[] {"INV-375010", "INV-999999", "29239011", "INV-0375011", "x%2Fy"}) {
        Reply reply = call(sandbox, "billing/v3/invoices/" + id);
        assertThat(reply.status()).as(id).isEqualTo(404);
        assertThat(reply.object()).as(id).containsEntry("status", new BigDecimal(404));
      }
      assertThat(call(sandbox, "billing/v3/invoices/INV-999999").body()).isEqualTo(Map.of(
          "title", "requested id:INV-999999 doesn't exist", "status", new BigDecimal(404)));
    }
  }

  @Test void lineItemsAreSnakeCaseByDefaultWithNullRateOnFlatCharges() throws IOException {
    try (FastlySandbox sandbox = start(200)) {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (Map<String, Object> invoice : call(sandbox, "billing/v3/invoices?limit=200").data()) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) invoice.get("transaction_line_items");
        lines.addAll(items);
      }
      assertThat(lines).allSatisfy(line -> assertThat(line)
          .containsKeys("description", "amount", "credit_coupon_code", "rate", "units",
              "product_name", "product_group", "product_line", "region", "usage_type")
          .doesNotContainKeys("ProductName", "ProductGroup"));
      assertThat(lines).anyMatch(line -> line.get("rate") == null);
      assertThat(lines).anyMatch(line -> line.get("rate") instanceof BigDecimal);
    }
  }

  @Test void lineItemsAddUpToTheTotalWithCreditAndTaxLines() throws IOException {
    try (FastlySandbox sandbox = start(400)) {
      List<Map<String, Object>> invoices = new ArrayList<>(call(sandbox, "billing/v3/invoices?limit=200").data());
      invoices.addAll(call(sandbox, "billing/v3/invoices?limit=200&" + cursorQuery(FastlySandbox.encodeCursor(200))).data());
      invoices.add(call(sandbox, "billing/v3/invoices/month-to-date").object());
      assertThat(invoices).hasSize(401);
      boolean sawCredit = false;
      boolean sawTax = false;
      for (Map<String, Object> invoice : invoices) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) invoice.get("transaction_line_items");
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> item : items) {
          BigDecimal amount = (BigDecimal) item.get("amount");
          sum = sum.add(amount);
          if (amount.signum() < 0) {
            sawCredit = true;
            assertThat((String) item.get("description")).startsWith("Credit: ");
            if (invoice.containsKey("statement_number")) {
              assertThat(item).containsEntry("credit_coupon_code", "SANDBOX-CREDIT");
            }
          }
          if ("Tax".equals(item.get("description"))) {
            sawTax = true;
            assertThat(item).containsEntry("usage_type", "tax").containsEntry("product_group", "Tax");
          }
        }
        Object total = invoice.get("monthly_transaction_amount");
        assertThat(sum).as("line items of %s", invoice.get("invoice_id"))
            .isEqualByComparingTo(total instanceof String ? new BigDecimal((String) total) : (BigDecimal) total);
      }
      assertThat(sawCredit).isTrue();
      assertThat(sawTax).isTrue();
    }
  }

  @Test void queryParametersItDoesNotImplementAreA400NamingThem() throws IOException {
    try (FastlySandbox sandbox = start(10)) {
      Reply sort = call(sandbox, "billing/v3/invoices?limit=5&sort=-billing_start_date");
      assertThat(sort.status()).isEqualTo(400);
      assertThat(sort.object()).containsEntry("status", new BigDecimal(400));
      assertThat((String) sort.object().get("title")).isEqualTo("query parameter 'sort' is not implemented by "
          + "this sandbox; it implements billing_end_date, billing_start_date, cursor, limit");
      assertThat(call(sandbox, "billing/v3/invoices/" + sandbox.invoiceId(0) + "?expand=lines").status())
          .isEqualTo(400);
      assertThat((String) call(sandbox, "billing/v3/invoices/month-to-date?customer_id=x").object().get("title"))
          .contains("'customer_id'");
      assertThat(call(sandbox, "billing/v3/invoices?limit=5&cursor=&billing_start_date=2026-01-01").status())
          .isEqualTo(200);
    }
  }

  @Test void pascalSpellingOptionRenamesLineItemKeys() throws IOException {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(5)
        .vendorOption("line-item-spelling", "pascal").build())) {
      Map<String, Object> invoice = call(sandbox, "billing/v3/invoices/" + sandbox.invoiceId(0)).object();
      @SuppressWarnings("unchecked")
      Map<String, Object> line = ((List<Map<String, Object>>) invoice.get("transaction_line_items")).get(0);

      assertThat(line).containsKeys("ProductName", "ProductGroup", "ProductLine", "Region", "UsageType")
          .doesNotContainKeys("product_name", "product_group", "product_line", "region", "usage_type");
    }
  }

  @Test void monthToDateHasStringAmountAndNoCurrency() throws IOException {
    try (FastlySandbox sandbox = start(10)) {
      Reply reply = call(sandbox, "billing/v3/invoices/month-to-date");

      assertThat(reply.status()).isEqualTo(200);
      DatasetInvoice upcoming = sandbox.dataset().upcoming(0);
      assertThat(reply.object())
          .containsEntry("customer_id", upcoming.customerId())
          .containsEntry("invoice_id", upcoming.customerId() + "-1790812800")
          .containsEntry("billing_start_date", "2026-10-01T00:00:00Z")
          .containsEntry("billing_end_date", "2026-10-04T07:30:00Z")
          .containsEntry("monthly_transaction_amount", upcoming.total().toPlainString())
          .doesNotContainKeys("currency_code", "payment_status", "statement_number", "invoice_posted_on");
      assertThat(sandbox.monthToDateAmount()).isEqualTo(upcoming.total().toPlainString());
      assertThat(upcoming.currency()).isEqualTo("USD");
    }
  }

  @Test void monthToDateAnswers202FirstNTimes() throws IOException {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder()
        .vendorOption("mtd-accepted-first", "2").build())) {
      Reply first = call(sandbox, "billing/v3/invoices/month-to-date");
      Reply second = call(sandbox, "billing/v3/invoices/month-to-date");
      Reply third = call(sandbox, "billing/v3/invoices/month-to-date");

      assertThat(first.status()).isEqualTo(202);
      assertThat(first.object()).containsEntry("status", new BigDecimal(202)).containsKey("title");
      assertThat(second.status()).isEqualTo(202);
      assertThat(third.status()).isEqualTo(200);
    }
  }

  @Test void unknownRouteGets404Title() throws IOException {
    try (FastlySandbox sandbox = start(5)) {
      Reply reply = call(sandbox, "billing/v2/year/2026/month/7");

      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.object()).containsEntry("status", new BigDecimal(404)).containsKey("title");
    }
  }

  @Test void malformedVendorOptionsFailAtStart() {
    assertThatThrownBy(() -> FastlySandbox.start(SandboxOptions.builder()
        .vendorOption("line-item-spelling", "camel").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line-item-spelling");
    assertThatThrownBy(() -> FastlySandbox.start(SandboxOptions.builder()
        .vendorOption("mtd-accepted-first", "-1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mtd-accepted-first");
  }

  @Test void sandboxesFindsTheFastlyFactory() {
    assertThat(Sandboxes.available()).contains("fastly");
    try (Sandbox sandbox = Sandboxes.start("fastly", SandboxOptions.defaults())) {
      assertThat(sandbox).isInstanceOf(FastlySandbox.class);
      assertThat(sandbox.dataset().size()).isEqualTo(120);
    }
  }

  @Test void cursorsRoundTrip() {
    for (long offset : new long[] {0, 1, 99, 100, 1000, 999_999}) {
      String cursor = FastlySandbox.encodeCursor(offset);
      assertThat(cursor).startsWith("++++////");
      assertThat(FastlySandbox.decodeCursor(cursor)).isEqualTo(offset);
    }
  }

  @Test void errorResponsesHaveFastlyShapesAndARequestId() {
    try (FastlySandbox sandbox = start(10)) {
      assertThat(sandbox.requestIdHeader()).isEqualTo("Fastly-Request-Id");
      assertThat(sandbox.paging()).isEqualTo(Paging.CURSOR);
      for (int status : new int[] {401, 404, 429, 500}) {
        SandboxResponse coded = sandbox.errorResponse(status, "code_" + status, "failed " + status);
        assertThat(coded.status()).isEqualTo(status);
        assertThat(coded.contentType()).startsWith("application/json");
        assertThat(coded.header("Fastly-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(Json.read(coded.bodyUtf8())).isEqualTo(Json.object(
            "code", "code_" + status,
            "title", status == 401 ? "Provided credentials are missing or invalid" : "failed " + status,
            "status", new BigDecimal(status)));
      }
      assertThat(Json.read(sandbox.errorResponse(401, null, "x").bodyUtf8()))
          .isEqualTo(Map.of("msg", "Provided credentials are missing or invalid"));
      assertThat(Json.read(sandbox.errorResponse(404, null, "requested id:1 doesn't exist").bodyUtf8()))
          .isEqualTo(Json.object("title", "requested id:1 doesn't exist", "status", new BigDecimal(404)));
    }
  }

  @Test void everyAnswerCarriesAFastlyRequestId() throws IOException {
    try (FastlySandbox sandbox = start(10)) {
      List<String> ids = new ArrayList<>();
      for (String path : List.of("billing/v3/invoices", "billing/v3/invoices/INV-1", "nowhere")) {
        Request request = new Request.Builder().url(sandbox.baseUrl() + path)
            .header("Fastly-Key", sandbox.options().credential()).build();
        try (Response response = http.newCall(request).execute()) {
          ids.add(response.header("Fastly-Request-Id"));
        }
      }
      assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }
  }
}
