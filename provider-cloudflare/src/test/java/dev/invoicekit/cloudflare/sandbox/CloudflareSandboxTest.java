package dev.invoicekit.cloudflare.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.DatasetLine;
import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.Json;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.SandboxResponse;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class CloudflareSandboxTest {
  private static final OkHttpClient client = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(10, TimeUnit.SECONDS)
      .build();

  @AfterAll static void closeClient() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** The status and parsed JSON body of one answer. */
  record Answer(int status, Map<String, Object> json, Response response) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result() {
      return (Map<String, Object>) json.get("result");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> invoices() {
      return (List<Map<String, Object>>) result().get("invoices");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> firstError() {
      return ((List<Map<String, Object>>) json.get("errors")).get(0);
    }
  }

  @SuppressWarnings("unchecked")
  private static Answer get(String url, String... headers) throws IOException {
    Request.Builder request = new Request.Builder().url(url);
    for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
    try (Response response = client.newCall(request.build()).execute()) {
      return new Answer(response.code(), (Map<String, Object>) Json.read(response.body().string()), response);
    }
  }

  private static String history(CloudflareSandbox sandbox, String query) {
    return sandbox.baseUrl() + "accounts/" + sandbox.accountId() + "/ai-gateway/billing/invoice-history"
        + (query.isEmpty() ? "" : "?" + query);
  }

  private static String preview(CloudflareSandbox sandbox) {
    return sandbox.baseUrl() + "accounts/" + sandbox.accountId() + "/ai-gateway/billing/invoice-preview";
  }

  private static Answer authorizedGet(CloudflareSandbox sandbox, String url) throws IOException {
    return get(url, "Authorization", "Bearer " + sandbox.options().credential());
  }

  @Test void providerSettingsPointAtTheSandbox() {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      assertThat(sandbox.providerId()).isEqualTo("cloudflare");
      assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/client/v4/");
      assertThat(sandbox.accountId()).matches("[0-9a-f]{32}");
      assertThat(sandbox.providerSettings()).isEqualTo(Map.of(
          "base-url", sandbox.baseUrl(),
          "account-id", sandbox.accountId(),
          "api-token", "sandbox-token"));
      assertThat(sandbox.toString()).doesNotContain("sandbox-token");
    }
  }

  @Test void sandboxesFindsTheCloudflareFactory() {
    assertThat(Sandboxes.available()).contains("cloudflare");
    try (Sandbox sandbox = Sandboxes.start("cloudflare", SandboxOptions.defaults())) {
      assertThat(sandbox).isInstanceOf(CloudflareSandbox.class);
    }
  }

  @Test void historyRequiresTheBearerToken() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      for (Answer answer : List.of(get(history(sandbox, "")),
          get(history(sandbox, ""), "Authorization", "Bearer wrong"),
          get(history(sandbox, ""), "X-Auth-Email", CloudflareSandbox.EMAIL, "X-Auth-Key", "sandbox-token"))) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).containsEntry("success", false).containsEntry("result", null);
        assertThat(answer.firstError()).containsEntry("code", new BigDecimal("10000"))
            .containsEntry("message", "Authentication error");
      }
      assertThat(authorizedGet(sandbox, history(sandbox, "")).status()).isEqualTo(200);
      assertThat(sandbox.requestCount()).isEqualTo(4);
    }
  }

  @Test void rejectCredentialsAnswers401Always() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(
        SandboxOptions.builder().rejectCredentials(true).build())) {
      assertThat(authorizedGet(sandbox, history(sandbox, "")).status()).isEqualTo(401);
      assertThat(authorizedGet(sandbox, preview(sandbox)).status()).isEqualTo(401);
    }
  }

  @Test void anotherAccountIsForbidden() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      Answer answer = authorizedGet(sandbox,
          sandbox.baseUrl() + "accounts/0123456789abcdef0123456789abcdef/ai-gateway/billing/invoice-history");

      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.firstError()).containsEntry("code", new BigDecimal("10001"));
    }
  }

  @Test void emailKeyModeExpectsLegacyHeaders() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder()
        .credential("global-key").vendorOption("auth", "email-key").build())) {
      assertThat(sandbox.providerSettings()).containsEntry("api-email", CloudflareSandbox.EMAIL)
          .containsEntry("api-key", "global-key").doesNotContainKey("api-token");

      assertThat(get(history(sandbox, ""), "Authorization", "Bearer global-key").status()).isEqualTo(401);
      assertThat(get(history(sandbox, ""), "X-Auth-Email", "other@example.com", "X-Auth-Key", "global-key")
          .status()).isEqualTo(401);
      assertThat(get(history(sandbox, ""), "X-Auth-Email", CloudflareSandbox.EMAIL, "X-Auth-Key", "global-key")
          .status()).isEqualTo(200);
    }
  }

  @Test void historyPagesNewestFirstWithBothPaginationBlocks() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder().invoices(45).build())) {
      Answer first = authorizedGet(sandbox, history(sandbox, ""));

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json()).containsEntry("success", true).containsEntry("errors", List.of());
      assertThat(first.invoices()).hasSize(20);
      Map<String, Object> paging = Map.of("has_more", true, "page", BigDecimal.ONE,
          "per_page", new BigDecimal("20"), "total_count", new BigDecimal("45"));
      assertThat(first.result().get("pagination")).isEqualTo(paging);
      assertThat(first.json().get("result_info")).isEqualTo(paging);

      DatasetInvoice newest = sandbox.dataset().invoice(0);
      Map<String, Object> invoice = first.invoices().get(0);
      assertThat(invoice.get("id")).isEqualTo(sandbox.invoiceId(0));
      assertThat((BigDecimal) invoice.get("amount_due"))
          .isEqualByComparingTo(newest.total().movePointRight(newest.fractionDigits()));
      assertThat(invoice.get("currency")).isEqualTo(newest.currency().toLowerCase());
      assertThat(invoice.get("created")).isEqualTo(BigDecimal.valueOf(newest.issuedAt().getEpochSecond()));
      assertThat(invoice.get("status")).isEqualTo(newest.status());
      assertThat(invoice.get("invoice_origin")).isEqualTo("auto");
      assertThat(invoice.get("description")).isEqualTo(newest.description());
      assertThat((String) invoice.get("invoice_pdf")).startsWith("https://");

      Answer last = authorizedGet(sandbox, history(sandbox, "page=3"));
      assertThat(last.invoices()).hasSize(5);
      assertThat(last.result().get("pagination")).isEqualTo(Map.of("has_more", false,
          "page", new BigDecimal("3"), "per_page", new BigDecimal("20"), "total_count", new BigDecimal("45")));
      assertThat(last.invoices().get(4).get("id")).isEqualTo(sandbox.invoiceId(44));

      Answer beyond = authorizedGet(sandbox, history(sandbox, "page=9"));
      assertThat(beyond.invoices()).isEmpty();
      assertThat(beyond.result()).extracting("pagination").extracting("has_more").isEqualTo(false);
    }
  }

  @Test void perPageIsHonouredAndCappedAt100() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder().invoices(250).build())) {
      assertThat(authorizedGet(sandbox, history(sandbox, "per_page=7&page=2")).invoices())
          .extracting(invoice -> invoice.get("id"))
          .containsExactly(sandbox.invoiceId(7), sandbox.invoiceId(8), sandbox.invoiceId(9),
              sandbox.invoiceId(10), sandbox.invoiceId(11), sandbox.invoiceId(12), sandbox.invoiceId(13));
      Answer capped = authorizedGet(sandbox, history(sandbox, "per_page=500"));
      assertThat(capped.invoices()).hasSize(100);
      assertThat(capped.result()).extracting("pagination").extracting("per_page").isEqualTo(new BigDecimal("100"));
    }
  }

  @Test void badPagingParametersAre400() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      for (String query : List.of("page=0", "page=abc", "per_page=0", "type=topup")) {
        Answer answer = authorizedGet(sandbox, history(sandbox, query));
        assertThat(answer.status()).as(query).isEqualTo(400);
        assertThat(answer.json()).containsEntry("success", false);
        assertThat(answer.firstError()).containsEntry("code", new BigDecimal("10400"));
      }
    }
  }

  @Test void queryParametersItDoesNotImplementAreA400NamingThem() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      Answer status = authorizedGet(sandbox, history(sandbox, "page=1&status=paid"));
      assertThat(status.status()).isEqualTo(400);
      assertThat(status.json()).containsEntry("success", false).containsEntry("result", null);
      assertThat(status.firstError()).containsEntry("code", new BigDecimal("10400")).containsEntry("message",
          "query parameter 'status' is not implemented by this sandbox; it implements page, per_page, type");
      Answer preview = authorizedGet(sandbox, preview(sandbox) + "?type=auto");
      assertThat(preview.status()).isEqualTo(400);
      assertThat((String) preview.firstError().get("message")).contains("'type'");
      assertThat(authorizedGet(sandbox, history(sandbox, "page=2&per_page=5&type=manual")).status()).isEqualTo(200);
      assertThat(authorizedGet(sandbox, preview(sandbox)).status()).isEqualTo(200);
    }
  }

  @Test void typeFiltersOnInvoiceOrigin() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder().invoices(100).build())) {
      Set<Object> ids = new HashSet<>();
      for (String type : List.of("auto", "manual")) {
        List<Map<String, Object>> invoices = authorizedGet(sandbox, history(sandbox, "per_page=100&type=" + type))
            .invoices();
        assertThat(invoices).hasSize(type.equals("manual") ? 33 : 67)
            .allSatisfy(invoice -> assertThat(invoice.get("invoice_origin")).isEqualTo(type));
        invoices.forEach(invoice -> ids.add(invoice.get("id")));
      }
      List<Map<String, Object>> all = authorizedGet(sandbox, history(sandbox, "per_page=100&type=all")).invoices();
      assertThat(all).hasSize(100);
      assertThat(ids).hasSize(100);
      all.forEach(invoice -> assertThat(ids).contains(invoice.get("id")));
    }
  }

  @Test void paginationVendorOptionLeavesOneBlock() throws IOException {
    try (CloudflareSandbox resultInfo = CloudflareSandbox.start(
        SandboxOptions.builder().vendorOption("pagination", "result-info").build())) {
      Answer answer = authorizedGet(resultInfo, history(resultInfo, ""));
      assertThat(answer.result()).doesNotContainKey("pagination");
      assertThat(answer.json()).containsKey("result_info");
    }
    try (CloudflareSandbox result = CloudflareSandbox.start(
        SandboxOptions.builder().vendorOption("pagination", "result").build())) {
      Answer answer = authorizedGet(result, history(result, ""));
      assertThat(answer.result()).containsKey("pagination");
      assertThat(answer.json()).doesNotContainKey("result_info");
    }
    assertThatThrownBy(() -> CloudflareSandbox.start(SandboxOptions.builder().vendorOption("auth", "oauth").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test void idsAreUniqueAndStripeShaped() {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder().invoices(1000).build())) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 1000; i++) {
        String id = sandbox.invoiceId(i);
        assertThat(id).matches("in_[0-9A-Za-z]{24}");
        ids.add(id);
      }
      assertThat(ids).hasSize(1000);
    }
  }

  @Test @SuppressWarnings("unchecked") void previewCarriesLinesWithUnitPricesAndCredits() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      Answer answer = authorizedGet(sandbox, preview(sandbox));

      assertThat(answer.status()).isEqualTo(200);
      DatasetInvoice upcoming = sandbox.dataset().upcoming(0);
      int digits = upcoming.fractionDigits();
      Map<String, Object> result = answer.result();
      assertThat(result).containsEntry("status", "draft")
          .containsEntry("currency", upcoming.currency().toLowerCase());
      assertThat((BigDecimal) result.get("amount_due")).isEqualByComparingTo(upcoming.total().movePointRight(digits));
      List<Map<String, Object>> lines = (List<Map<String, Object>>) result.get("invoice_lines");
      assertThat(lines).hasSameSizeAs(upcoming.lines());
      BigDecimal amounts = BigDecimal.ZERO;
      BigDecimal credits = BigDecimal.ZERO;
      for (int i = 0; i < lines.size(); i++) {
        Map<String, Object> line = lines.get(i);
        DatasetLine expected = upcoming.lines().get(i);
        amounts = amounts.add((BigDecimal) line.get("amount"));
        assertThat(line.get("description")).isEqualTo(expected.description());
        assertThat((BigDecimal) line.get("quantity")).isEqualByComparingTo(expected.quantity());
        String unitAmount = (String) ((Map<String, Object>) line.get("pricing")).get("unit_amount_decimal");
        assertThat(new BigDecimal(unitAmount)).isEqualByComparingTo(expected.unitPrice().movePointRight(digits));
        for (Object credit : (List<Object>) line.getOrDefault("pretax_credit_amounts", List.of())) {
          credits = credits.add((BigDecimal) ((Map<String, Object>) credit).get("amount"));
        }
      }
      assertThat(amounts).isEqualByComparingTo(upcoming.subtotal().movePointRight(digits));
      assertThat(credits).isEqualByComparingTo(upcoming.discount().movePointRight(digits));
    }
  }

  @Test void unknownRouteIs404InTheEnvelope() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      Answer answer = authorizedGet(sandbox, sandbox.baseUrl() + "accounts/" + sandbox.accountId()
          + "/ai-gateway/billing/invoices/in_1");

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.firstError()).containsEntry("code", new BigDecimal("7003"));
    }
  }

  @Test void injectedRateLimitIsAV4EnvelopeWithRetryAfter() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder()
        .faultPercent(100).faults(Fault.RATE_LIMIT).retryAfterSeconds(3).build())) {
      Answer answer = authorizedGet(sandbox, history(sandbox, ""));

      assertThat(answer.status()).isEqualTo(429);
      assertThat(answer.response().header("Retry-After")).isEqualTo("3");
      assertThat(answer.firstError()).containsEntry("code", new BigDecimal("971"));
    }
  }

  @Test void sameSeedServesTheSameHistory() throws IOException {
    List<Object> bodies = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.builder().seed(7).build())) {
        bodies.add(sandbox.accountId());
        bodies.add(authorizedGet(sandbox, history(sandbox, "page=2")).json());
      }
    }
    assertThat(bodies.get(0)).isEqualTo(bodies.get(2));
    assertThat(bodies.get(1)).isEqualTo(bodies.get(3));
  }

  @Test void errorResponsesAreV4EnvelopesWithTheCodeAndARayId() {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      assertThat(sandbox.requestIdHeader()).isEqualTo("CF-Ray");
      assertThat(sandbox.paging()).isEqualTo(Paging.PAGE_NUMBER);
      for (int status : new int[] {401, 404, 429, 500}) {
        SandboxResponse coded = sandbox.errorResponse(status, Integer.toString(20000 + status), "failed " + status);
        assertThat(coded.status()).isEqualTo(status);
        assertThat(coded.contentType()).startsWith("application/json");
        assertThat(coded.header("CF-Ray")).matches("[0-9a-f]{16}-SJC");
        assertThat(Json.read(coded.bodyUtf8())).isEqualTo(Json.object(
            "success", false,
            "errors", List.of(Json.object("code", new BigDecimal(20000 + status), "message", "failed " + status)),
            "messages", List.of(),
            "result", null));
      }
      Map<?, ?> usual = (Map<?, ?>) Json.read(sandbox.errorResponse(429, null, "slow down").bodyUtf8());
      assertThat(((Map<?, ?>) ((List<?>) usual.get("errors")).get(0)).get("code")).isEqualTo(new BigDecimal(971));
      assertThat(sandbox.errorResponse(500, null, "a").header("CF-Ray"))
          .isNotEqualTo(sandbox.errorResponse(500, null, "a").header("CF-Ray"));
    }
  }

  @Test void everyAnswerCarriesARayId() throws IOException {
    try (CloudflareSandbox sandbox = CloudflareSandbox.start(SandboxOptions.defaults())) {
      String first = authorizedGet(sandbox, history(sandbox, "")).response().header("CF-Ray");
      String unauthorized = get(history(sandbox, "")).response().header("CF-Ray");
      assertThat(first).isNotNull().isNotEqualTo(unauthorized);
      assertThat(unauthorized).isNotNull();
    }
  }
}
