package dev.invoicekit.stripe.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.sandbox.Json;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator on the wire, as any HTTP client sees it. */
@Timeout(30)
final class StripeSandboxTest {
  private static final OkHttpClient HTTP = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false).readTimeout(10, TimeUnit.SECONDS).build();

  private final StripeSandbox stripe = StripeSandbox.start(SandboxOptions.builder().invoices(23)
      .linesPerInvoice(13).build());

  @AfterEach void stop() {
    stripe.close();
  }

  @AfterAll static void shutDown() {
    HTTP.dispatcher().executorService().shutdown();
    HTTP.connectionPool().evictAll();
  }

  private record Reply(int status, Map<String, Object> body, String requestId) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data() {
      return (List<Map<String, Object>>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> error() {
      return (Map<String, Object>) body.get("error");
    }

    boolean hasMore() {
      return (Boolean) body.get("has_more");
    }
  }

  @SuppressWarnings("unchecked")
  private Reply send(Request.Builder request) throws IOException {
    try (Response response = HTTP.newCall(request
        .header("Authorization", "Bearer " + SandboxOptions.DEFAULT_CREDENTIAL).build()).execute()) {
      return new Reply(response.code(), (Map<String, Object>) Json.read(response.body().string()),
          response.header("Request-Id"));
    }
  }

  private Reply get(String pathAndQuery) throws IOException {
    return send(new Request.Builder().url(stripe.baseUrl() + pathAndQuery));
  }

  private Reply post(String path, RequestBody body) throws IOException {
    return send(new Request.Builder().url(stripe.baseUrl() + path).post(body));
  }

  @Test void isFoundAsTheStripeCursorSandbox() {
    assertThat(Sandboxes.available()).contains("stripe");
    assertThat(stripe.paging()).isEqualTo(Paging.CURSOR);
    assertThat(stripe.invoiceId(0)).startsWith("in_").hasSize(27);
    assertThat(stripe.previewSubscriptionId()).isEqualTo("sub_0001");
  }

  @Test void listPagesNewestFirstAfterTheLastIdUntilHasMoreIsFalse() throws IOException {
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 10; page++) {
      Reply reply = get("v1/invoices?limit=10" + (after == null ? "" : "&starting_after=" + after));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).containsEntry("object", "list").containsEntry("url", "/v1/invoices");
      reply.data().forEach(invoice -> ids.add((String) invoice.get("id")));
      if (!reply.hasMore()) break;
      after = ids.get(ids.size() - 1);
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 23; i++) expected.add(stripe.invoiceId(i));
    assertThat(ids).isEqualTo(expected);
  }

  @Test void listFiltersByCustomerAndCreated() throws IOException {
    long created = stripe.dataset().invoice(5).issuedAt().getEpochSecond();
    Reply reply = get("v1/invoices?limit=100&customer=cus_0002&created%5Bgte%5D=" + created);
    assertThat(reply.data()).isNotEmpty().allSatisfy(invoice -> {
      assertThat(invoice).containsEntry("customer", "cus_0002");
      assertThat(((BigDecimal) invoice.get("created")).longValueExact()).isGreaterThanOrEqualTo(created);
    });
  }

  @Test void unknownParametersAndBadLimitsAre400sNamingThem() throws IOException {
    Reply unknown = get("v1/invoices?limit=5&sort=asc");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.error()).containsEntry("code", "parameter_unknown").containsEntry("param", "sort")
        .containsEntry("type", "invalid_request_error")
        .containsEntry("message", "Received unknown parameter: sort");
    assertThat(unknown.requestId()).startsWith("req_");

    Reply limit = get("v1/invoices?limit=101");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.error()).containsEntry("param", "limit");

    Reply cursor = get("v1/invoices?starting_after=in_gone");
    assertThat(cursor.status()).isEqualTo(400);
    assertThat(cursor.error()).containsEntry("param", "starting_after");
  }

  @Test void getEmbedsTheFirstTenLinesAndTheLinesEndpointPagesTheRest() throws IOException {
    String id = stripe.invoiceId(3);
    @SuppressWarnings("unchecked")
    Map<String, Object> lines = (Map<String, Object>) get("v1/invoices/" + id).body().get("lines");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> embedded = (List<Map<String, Object>>) lines.get("data");
    assertThat(embedded).hasSize(StripeSandbox.EMBEDDED_LINES);
    assertThat(lines).containsEntry("has_more", true).containsEntry("url", "/v1/invoices/" + id + "/lines");

    Reply rest = get("v1/invoices/" + id + "/lines?limit=100&starting_after=" + embedded.get(9).get("id"));
    assertThat(rest.data()).hasSize(3);
    assertThat(rest.hasMore()).isFalse();
  }

  @Test void getOfAnUnknownIdIsResourceMissing() throws IOException {
    Reply reply = get("v1/invoices/in_nope");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).containsEntry("code", "resource_missing").containsEntry("param", "id")
        .containsEntry("message", "No such invoice: 'in_nope'");
  }

  @Test void createPreviewReadsTheFormBody() throws IOException {
    Reply bySubscription = post("v1/invoices/create_preview", new FormBody.Builder()
        .add("subscription", "sub_0001").build());
    assertThat(bySubscription.status()).isEqualTo(200);
    assertThat(bySubscription.body()).containsEntry("customer", "cus_0001").containsEntry("status", "draft")
        .containsEntry("billing_reason", "upcoming").containsEntry("number", null);
    assertThat((String) bySubscription.body().get("id")).startsWith("upcoming_in_");

    Reply byCustomer = post("v1/invoices/create_preview", new FormBody.Builder().add("customer", "cus_0002").build());
    assertThat(byCustomer.body()).containsEntry("customer", "cus_0002");

    Reply neither = post("v1/invoices/create_preview", new FormBody.Builder().build());
    assertThat(neither.status()).isEqualTo(400);

    Reply unknown = post("v1/invoices/create_preview", new FormBody.Builder().add("customer", "cus_0001")
        .add("period_start", "1").build());
    assertThat(unknown.error()).containsEntry("param", "period_start");

    Reply json = post("v1/invoices/create_preview", RequestBody.create("{\"customer\":\"cus_0001\"}",
        MediaType.get("application/json")));
    assertThat(json.status()).isEqualTo(400);

    Reply mismatch = post("v1/invoices/create_preview", new FormBody.Builder().add("customer", "cus_0002")
        .add("subscription", "sub_0001").build());
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.error()).containsEntry("param", "subscription");
  }

  @Test void formBodiesDecodePlusAndPercentEscapes() {
    assertThat(StripeSandbox.form("customer=cus_a+b%26c&expand%5B%5D=lines"))
        .containsEntry("customer", "cus_a b&c").containsEntry("expand[]", "lines");
  }

  @Test void wrongCredentialsGetA401WithoutCode() throws IOException {
    try (Response response = HTTP.newCall(new Request.Builder().url(stripe.baseUrl() + "v1/invoices")
        .header("Authorization", "Bearer sk_test_wrong").build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.header("Request-Id")).startsWith("req_");
      assertThat(response.body().string()).contains("invalid_request_error").doesNotContain("\"code\"");
    }
  }
}
