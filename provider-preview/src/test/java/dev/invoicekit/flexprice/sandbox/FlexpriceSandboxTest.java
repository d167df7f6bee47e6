package dev.invoicekit.flexprice.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.sandbox.Dataset;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.Json;
import dev.invoicekit.sandbox.Paging;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.SandboxResponse;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class FlexpriceSandboxTest {
  private static final OkHttpClient client = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .readTimeout(10, TimeUnit.SECONDS)
      .build();
  private static final MediaType JSON = MediaType.get("application/json");

  @AfterAll static void closeClient() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** The status and parsed JSON body of one answer. */
  record Answer(int status, Map<String, Object> json) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) json.get("items");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> pagination() {
      return (Map<String, Object>) json.get("pagination");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String key) {
      return (List<Map<String, Object>>) json.get(key);
    }
  }

  @SuppressWarnings("unchecked")
  private static Answer call(Request.Builder request) throws IOException {
    try (Response response = client.newCall(request.build()).execute()) {
      return new Answer(response.code(), (Map<String, Object>) Json.read(response.body().string()));
    }
  }

  private static Answer post(FlexpriceSandbox sandbox, String path, String body) throws IOException {
    return call(new Request.Builder().url(sandbox.baseUrl() + path)
        .header("x-api-key", sandbox.options().credential())
        .post(RequestBody.create(body, JSON)));
  }

  private static Answer search(FlexpriceSandbox sandbox, String body) throws IOException {
    return post(sandbox, "invoices/search", body);
  }

  private static Answer get(FlexpriceSandbox sandbox, String id) throws IOException {
    return call(new Request.Builder().url(sandbox.baseUrl() + "invoices/" + id)
        .header("x-api-key", sandbox.options().credential()));
  }

  private static FlexpriceSandbox start(int invoices) {
    return FlexpriceSandbox.start(SandboxOptions.builder().invoices(invoices).build());
  }

  @Test void providerSettingsPointAtTheSandbox() {
    try (FlexpriceSandbox sandbox = start(10)) {
      assertThat(sandbox.providerId()).isEqualTo("flexprice");
      assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/v1/");
      assertThat(sandbox.providerSettings())
          .isEqualTo(Map.of("base-url", sandbox.baseUrl(), "api-key", "sandbox-token"));
      assertThat(sandbox.toString()).doesNotContain("sandbox-token");
      assertThat(Sandboxes.available()).contains("flexprice");
    }
  }

  @Test void idsAreUlidsDerivedFromSeedAndIndexAndUnique() {
    try (FlexpriceSandbox sandbox = start(1000);
         FlexpriceSandbox same = start(1000);
         FlexpriceSandbox other = FlexpriceSandbox.start(
             SandboxOptions.builder().seed(7).invoices(1000).build())) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 1000; i++) {
        String id = sandbox.invoiceId(i);
        assertThat(id).matches("inv_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(id).isEqualTo(same.invoiceId(i));
        ids.add(id);
      }
      assertThat(ids).hasSize(1000);
      assertThat(other.invoiceId(0)).isNotEqualTo(sandbox.invoiceId(0));
      assertThat(sandbox.subscriptionId(0)).matches("subs_[0-9A-HJKMNP-TV-Z]{26}");
    }
  }

  @Test void rejectsMissingWrongAndRejectedKeysWithTheMiddlewareShape() throws IOException {
    try (FlexpriceSandbox sandbox = start(10);
         FlexpriceSandbox rejecting = FlexpriceSandbox.start(
             SandboxOptions.builder().invoices(10).rejectCredentials(true).build())) {
      String body = "{}";
      Answer missing = call(new Request.Builder().url(sandbox.baseUrl() + "invoices/search")
          .post(RequestBody.create(body, JSON)));
      Answer wrong = call(new Request.Builder().url(sandbox.baseUrl() + "invoices/search")
          .header("x-api-key", "wrong").post(RequestBody.create(body, JSON)));
      Answer bearer = call(new Request.Builder().url(sandbox.baseUrl() + "invoices/search")
          .header("Authorization", "Bearer sandbox-token").post(RequestBody.create(body, JSON)));
      Answer rejected = search(rejecting, body);

      for (Answer answer : List.of(missing, wrong, bearer, rejected)) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).isEqualTo(Map.of("error", "Unauthorized"));
      }
    }
  }

  @Test void searchPagesByLimitAndOffsetEchoingTheOffset() throws IOException {
    try (FlexpriceSandbox sandbox = start(25)) {
      Answer first = search(sandbox, "{\"limit\":10,\"offset\":0}");
      Answer last = search(sandbox, "{\"limit\":10,\"offset\":20}");
      Answer past = search(sandbox, "{\"limit\":10,\"offset\":40}");
      Answer defaults = search(sandbox, "{}");

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.items()).extracting(item -> item.get("id"))
          .containsExactly(ids(sandbox, 0, 10));
      assertThat(first.pagination()).isEqualTo(Map.of(
          "total", new BigDecimal("25"), "limit", new BigDecimal("10"), "offset", BigDecimal.ZERO));
      assertThat(last.items()).extracting(item -> item.get("id")).containsExactly(ids(sandbox, 20, 25));
      assertThat(last.pagination().get("offset")).isEqualTo(new BigDecimal("20"));
      assertThat(past.items()).isEmpty();
      assertThat(past.pagination().get("total")).isEqualTo(new BigDecimal("25"));
      assertThat(defaults.items()).hasSize(25);
      assertThat(defaults.pagination().get("limit")).isEqualTo(new BigDecimal("50"));
    }
  }

  @Test void searchRejectsLimitsOutsideOneToThousandInTheFlatShape() throws IOException {
    try (FlexpriceSandbox sandbox = start(5)) {
      for (String body : List.of("{\"limit\":0}", "{\"limit\":1001}", "{\"limit\":\"ten\"}",
          "{\"offset\":-1}", "{\"limit\":2.5}", "not json")) {
        Answer answer = search(sandbox, body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.json()).as(body).containsEntry("code", "validation_error")
            .containsEntry("http_status_code", new BigDecimal("400"))
            .containsKey("message");
      }
      assertThat(search(sandbox, "{\"limit\":1000}").status()).isEqualTo(200);
    }
  }

  @Test void searchFiltersByCustomerPeriodStatusAndSubscription() throws IOException {
    try (FlexpriceSandbox sandbox = start(1000)) {
      Dataset dataset = sandbox.dataset();
      Answer byCustomer = search(sandbox, "{\"customer_id\":\"cust_0002\",\"limit\":1000}");
      assertThat(byCustomer.items()).isNotEmpty()
          .allSatisfy(item -> assertThat(item.get("customer_id")).isEqualTo("cust_0002"));
      assertThat(byCustomer.pagination().get("total")).isEqualTo(new BigDecimal(
          dataset.stream().filter(i -> i.customerId().equals("cust_0002")).count()));

      Answer bySubscription = search(sandbox,
          "{\"subscription_id\":\"" + sandbox.subscriptionId(1) + "\",\"limit\":1000}");
      assertThat(bySubscription.items()).extracting(item -> item.get("id"))
          .isEqualTo(byCustomer.items().stream().map(item -> item.get("id")).toList());

      Answer byPeriod = search(sandbox, "{\"period_start_gte\":\"2026-08-01T00:00:00Z\","
          + "\"period_start_lte\":\"2026-09-01T00:00:00Z\",\"limit\":1000,\"skip_line_items\":true}");
      long expected = dataset.stream().filter(i -> !i.periodStart().isBefore(java.time.LocalDate.of(2026, 8, 1))).count();
      assertThat(byPeriod.pagination().get("total")).isEqualTo(new BigDecimal(expected));
      assertThat(byPeriod.items()).allSatisfy(item -> {
        assertThat(Instant.parse((String) item.get("period_start")))
            .isBetween(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(item).doesNotContainKey("line_items");
      });

      Answer voided = search(sandbox, "{\"invoice_status\":[\"VOIDED\",\"SKIPPED\"],\"limit\":3,\"offset\":1}");
      assertThat(voided.items()).hasSize(3).allSatisfy(item ->
          assertThat(item.get("invoice_status")).isIn("VOIDED", "SKIPPED"));
      assertThat(voided.pagination().get("total")).isEqualTo(new BigDecimal(
          dataset.stream().filter(i -> i.status().equals("void")).count()));

      Answer failed = search(sandbox, "{\"payment_status\":[\"failed\"],\"customer_id\":\"cust_0003\",\"limit\":1000}");
      assertThat(failed.items()).allSatisfy(item -> {
        assertThat(item.get("payment_status")).isEqualTo("FAILED");
        assertThat(item.get("customer_id")).isEqualTo("cust_0003");
      });

      assertThat(search(sandbox, "{\"customer_id\":\"cust_9999\"}").items()).isEmpty();
      assertThat(search(sandbox, "{\"period_start_gte\":\"August\"}").status()).isEqualTo(400);
    }
  }

  @Test void searchRejectsEveryFieldItDoesNotImplementNamingIt() throws IOException {
    try (FlexpriceSandbox sandbox = start(20);
         FlexpriceSandbox legacy = FlexpriceSandbox.start(SandboxOptions.builder().invoices(20)
             .vendorOption("error-shape", "legacy").build())) {
      for (String field : List.of("subscription_customer_id", "amount_remaining_gt", "expand",
          "status", "filters", "invoice_id", "page")) {
        Answer answer = search(sandbox, "{\"limit\":5,\"" + field + "\":[\"x\"]}");
        assertThat(answer.status()).as(field).isEqualTo(400);
        assertThat(answer.json()).as(field).containsEntry("code", "validation_error")
            .containsEntry("http_status_code", new BigDecimal("400"))
            .containsEntry("details", Map.of("field", field));
        assertThat((String) answer.json().get("message")).as(field)
            .startsWith("body field '" + field + "' is not implemented by this sandbox; it implements ");
      }
      Answer legacyAnswer = search(legacy, "{\"expand\":\"customer\"}");
      assertThat(legacyAnswer.status()).isEqualTo(400);
      assertThat(legacyAnswer.json()).containsEntry("success", false);
      assertThat(castMap(legacyAnswer.json().get("error")))
          .containsEntry("details", Map.of("field", "expand"))
          .hasEntrySatisfying("message", message -> assertThat((String) message).contains("'expand'"));

      Answer sortByCreated = search(sandbox, "{\"sort\":[{\"field\":\"created_at\",\"direction\":\"desc\"}]}");
      assertThat(sortByCreated.status()).isEqualTo(400);
      assertThat((String) sortByCreated.json().get("message")).contains("'created_at'");
      assertThat(search(sandbox, "{\"sort\":[{\"field\":\"period_start\",\"nulls\":\"last\"}]}")
          .json().get("message")).asString().contains("'nulls'");
      assertThat(search(sandbox, "{\"order\":\"sideways\"}").status()).isEqualTo(400);
      assertThat(search(sandbox, "{\"amount_due_gt\":\"lots\"}").json())
          .containsEntry("details", Map.of("field", "amount_due_gt"));
    }
  }

  @Test void queryParametersAreRejectedOnEveryRoute() throws IOException {
    try (FlexpriceSandbox sandbox = start(5)) {
      Answer get = call(new Request.Builder()
          .url(sandbox.baseUrl() + "invoices/" + sandbox.invoiceId(0) + "?expand=tax_applied.tax_rate")
          .header("x-api-key", sandbox.options().credential()));
      assertThat(get.status()).isEqualTo(400);
      assertThat((String) get.json().get("message")).contains("query parameter 'expand'");
      assertThat(post(sandbox, "invoices/search?limit=5", "{}").json().get("details"))
          .isEqualTo(Map.of("field", "limit"));
      assertThat(post(sandbox, "invoices/preview?dry_run=true",
          "{\"subscription_id\":\"" + sandbox.subscriptionId(0) + "\"}").status()).isEqualTo(400);
      assertThat(post(sandbox, "invoices/preview",
          "{\"subscription_id\":\"" + sandbox.subscriptionId(0) + "\",\"customer_id\":\"cust_0001\"}")
          .json().get("details")).isEqualTo(Map.of("field", "customer_id"));
    }
  }

  @Test void searchFiltersByInvoiceIdsAmountDueAndPeriodEnd() throws IOException {
    try (FlexpriceSandbox sandbox = start(120)) {
      Dataset dataset = sandbox.dataset();
      Answer byIds = search(sandbox, "{\"invoice_ids\":[\"" + sandbox.invoiceId(43) + "\",\""
          + sandbox.invoiceId(7) + "\",\"inv_nope\",\"" + sandbox.invoiceId(43) + "\"],\"limit\":10}");
      assertThat(byIds.items()).extracting(item -> item.get("id"))
          .containsExactly(sandbox.invoiceId(7), sandbox.invoiceId(43));
      assertThat(byIds.pagination().get("total")).isEqualTo(new BigDecimal("2"));
      assertThat(dataset.invoice(43).customerId()).isNotEqualTo(dataset.invoice(7).customerId());
      Answer idsAndCustomer = search(sandbox, "{\"invoice_ids\":[\"" + sandbox.invoiceId(43) + "\",\""
          + sandbox.invoiceId(7) + "\"],\"customer_id\":\"" + dataset.invoice(7).customerId() + "\"}");
      assertThat(idsAndCustomer.items()).extracting(item -> item.get("id")).containsExactly(sandbox.invoiceId(7));

      BigDecimal threshold = new BigDecimal("5000");
      Answer large = search(sandbox, "{\"amount_due_gt\":\"5000\",\"limit\":1000}");
      List<String> expectedLarge = java.util.stream.IntStream.range(0, dataset.size())
          .filter(i -> dataset.invoice(i).total().compareTo(threshold) > 0)
          .mapToObj(sandbox::invoiceId).toList();
      assertThat(expectedLarge).isNotEmpty().hasSizeLessThan(dataset.size());
      assertThat(large.items()).extracting(item -> item.get("id")).isEqualTo(expectedLarge);
      assertThat(search(sandbox, "{\"amount_due_gt\":5000,\"limit\":1000}").items())
          .hasSize(expectedLarge.size()); // shopspring reads a number as well as a string

      Answer endedInAugust = search(sandbox, "{\"period_end_gte\":\"2026-08-01T00:00:00Z\","
          + "\"period_end_lte\":\"2026-08-01T00:00:00Z\",\"limit\":1000}");
      assertThat(endedInAugust.items()).isNotEmpty().allSatisfy(item ->
          assertThat(item.get("period_end")).isEqualTo("2026-08-01T00:00:00Z"));
      assertThat(endedInAugust.pagination().get("total")).isEqualTo(new BigDecimal(
          dataset.stream().filter(i -> i.periodEnd().equals(java.time.LocalDate.of(2026, 8, 1))).count()));

      Answer window = search(sandbox, "{\"start_time\":\"2026-07-01T00:00:00Z\","
          + "\"end_time\":\"2026-09-01T00:00:00Z\",\"limit\":1000}");
      assertThat(window.items()).isNotEmpty().allSatisfy(item -> {
        assertThat(Instant.parse((String) item.get("period_start"))).isAfterOrEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(Instant.parse((String) item.get("period_end"))).isBeforeOrEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
      });
      assertThat(window.pagination().get("total")).isEqualTo(new BigDecimal(2 * dataset.customerCount()));
      Answer backwards = search(sandbox, "{\"start_time\":\"2026-09-01T00:00:00Z\",\"end_time\":\"2026-07-01T00:00:00Z\"}");
      assertThat(backwards.status()).isEqualTo(400);
      assertThat(backwards.json()).containsEntry("details", Map.of("field", "end_time"));
    }
  }

  @Test void orderAndSortPageOldestFirst() throws IOException {
    try (FlexpriceSandbox sandbox = start(23)) {
      List<Object> newestFirst = search(sandbox, "{\"limit\":1000}").items().stream()
          .map(item -> item.get("id")).toList();
      List<Object> oldestFirst = new ArrayList<>(newestFirst);
      java.util.Collections.reverse(oldestFirst);

      assertThat(search(sandbox, "{\"limit\":1000,\"order\":\"desc\"}").items())
          .extracting(item -> item.get("id")).isEqualTo(newestFirst);
      for (String body : List.of("{\"order\":\"asc\"", "{\"sort\":[{\"field\":\"period_start\",\"direction\":\"asc\"}]",
          "{\"order\":\"desc\",\"sort\":[{\"field\":\"period_end\",\"direction\":\"asc\"}]")) {
        List<Object> paged = new ArrayList<>();
        for (int offset = 0; offset < 23; offset += 5) {
          Answer page = search(sandbox, body + ",\"limit\":5,\"offset\":" + offset + "}");
          assertThat(page.pagination().get("total")).as(body).isEqualTo(new BigDecimal("23"));
          page.items().forEach(item -> paged.add(item.get("id")));
        }
        assertThat(paged).as(body).isEqualTo(oldestFirst);
      }
      String customer = sandbox.dataset().customerId(2);
      List<Object> customerAscending = search(sandbox, "{\"order\":\"asc\",\"customer_id\":\"" + customer + "\"}")
          .items().stream().map(item -> item.get("id")).toList();
      assertThat(customerAscending).isEqualTo(oldestFirst.stream().filter(id -> java.util.stream.IntStream
          .range(0, 23).filter(i -> sandbox.invoiceId(i).equals(id)).allMatch(i -> i % 5 == 2)).toList());
      assertThat(customerAscending).hasSize(5);
    }
  }

  @Test void skippedInvoicesAreZeroTotalDraftsWithoutNumberOrFinalization() throws IOException {
    try (FlexpriceSandbox sandbox = start(1000)) {
      Answer skipped = search(sandbox, "{\"invoice_status\":[\"SKIPPED\"],\"limit\":1000}");
      Answer voided = search(sandbox, "{\"invoice_status\":[\"VOIDED\"],\"limit\":1000}");
      assertThat(skipped.items()).isNotEmpty().allSatisfy(item -> {
        for (String field : List.of("amount_due", "amount_paid", "amount_remaining", "subtotal", "total",
            "total_tax", "total_discount")) {
          assertThat(item.get(field)).as(field).isEqualTo("0");
        }
        assertThat(item.get("invoice_number")).isNull();
        assertThat(item.get("payment_status")).isEqualTo("PENDING");
        assertThat(item).doesNotContainKeys("finalized_at", "paid_at", "invoice_pdf_url");
        assertThat(castList(item.get("line_items"))).allSatisfy(line ->
            assertThat(castMap(line).get("amount")).isEqualTo("0"));
      });
      assertThat(voided.items()).isNotEmpty().allSatisfy(item ->
          assertThat(new BigDecimal((String) item.get("total"))).isPositive());
      long datasetVoid = sandbox.dataset().stream().filter(i -> i.status().equals("void")).count();
      assertThat(skipped.items().size() + voided.items().size()).isEqualTo((int) datasetVoid);
    }
  }

  @Test void previewCanHideZeroChargeLines() throws IOException {
    try (FlexpriceSandbox sandbox = start(5000)) {
      int customer = java.util.stream.IntStream.range(0, sandbox.dataset().customerCount())
          .filter(c -> sandbox.dataset().upcoming(c).lines().stream().anyMatch(l -> l.amount().signum() == 0))
          .findFirst().orElseThrow();
      String subscription = "{\"subscription_id\":\"" + sandbox.subscriptionId(customer) + "\"";
      List<Map<String, Object>> all = post(sandbox, "invoices/preview", subscription + "}").list("line_items");
      List<Map<String, Object>> charged = post(sandbox, "invoices/preview",
          subscription + ",\"hide_zero_charges_line_items\":true}").list("line_items");
      assertThat(all).anySatisfy(line -> assertThat(line.get("amount")).isEqualTo("0"));
      assertThat(charged).hasSize((int) all.stream().filter(line -> !"0".equals(line.get("amount"))).count())
          .noneSatisfy(line -> assertThat(line.get("amount")).isEqualTo("0"));
    }
  }

  @Test void invoicesUseDecimalStringsLowerCaseCurrencyAndEveryStatusPair() throws IOException {
    try (FlexpriceSandbox sandbox = start(1000)) {
      Set<String> pairs = new HashSet<>();
      Set<String> currencies = new HashSet<>();
      for (int offset = 0; offset < 1000; offset += 500) {
        for (Map<String, Object> item : search(sandbox, "{\"limit\":500,\"offset\":" + offset + "}").items()) {
          pairs.add(item.get("invoice_status") + "/" + item.get("payment_status"));
          currencies.add((String) item.get("currency"));
          for (String field : List.of("amount_due", "amount_paid", "amount_remaining", "subtotal",
              "total", "total_discount", "total_tax")) {
            assertThat(item.get(field)).as(field).isInstanceOf(String.class);
            String text = (String) item.get(field);
            assertThat(text).as(field).matches("0|-?[1-9]\\d*(\\.\\d*[1-9])?|-?0\\.\\d*[1-9]");
          }
          assertThat((String) item.get("updated_at")).matches(".*T.*\\.\\d*[1-9]Z");
          if (item.get("invoice_status").equals("FINALIZED")) {
            assertThat((String) item.get("created_at")).matches(".*T.*\\.\\d*[1-9]Z");
          }
          assertThat(item).containsKey("invoice_number").containsKey("line_items");
        }
      }
      assertThat(pairs).contains("DRAFT/PENDING", "FINALIZED/SUCCEEDED", "FINALIZED/PENDING",
          "FINALIZED/FAILED", "FINALIZED/OVERPAID", "FINALIZED/REFUNDED",
          "FINALIZED/PARTIALLY_REFUNDED", "VOIDED/VOIDED", "SKIPPED/PENDING");
      assertThat(currencies).containsExactlyInAnyOrder("usd", "eur", "gbp", "jpy");
    }
  }

  @Test void getAnswersTheInvoiceWithLinesAndTaxes() throws IOException {
    try (FlexpriceSandbox sandbox = start(200)) {
      int index = firstTaxed(sandbox.dataset());
      DatasetInvoice expected = sandbox.dataset().invoice(index);
      Answer answer = get(sandbox, sandbox.invoiceId(index));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json()).containsEntry("id", sandbox.invoiceId(index))
          .containsEntry("customer_id", expected.customerId())
          .containsEntry("currency", expected.currency().toLowerCase(java.util.Locale.ROOT))
          .containsEntry("total", FlexpriceSandboxInvoices.decimal(expected.total()))
          .containsEntry("total_tax", FlexpriceSandboxInvoices.decimal(expected.tax()))
          .doesNotContainKey("tax_applied_records");
      assertThat(answer.list("line_items")).hasSize(expected.lines().size());
      assertThat(answer.list("line_items").get(0))
          .containsEntry("display_name", expected.lines().get(0).description())
          .containsEntry("amount", FlexpriceSandboxInvoices.decimal(expected.lines().get(0).amount()));
      assertThat(answer.list("taxes")).singleElement().satisfies(tax -> assertThat(tax)
          .containsEntry("entity_type", "invoice")
          .containsEntry("entity_id", sandbox.invoiceId(index))
          .containsEntry("tax_amount", FlexpriceSandboxInvoices.decimal(expected.tax())));
    }
  }

  @Test void getUsesTheOldTaxKeyWhenAsked() throws IOException {
    try (FlexpriceSandbox sandbox = FlexpriceSandbox.start(SandboxOptions.builder().invoices(200)
        .vendorOption("tax-key", "tax_applied_records").build())) {
      Answer answer = get(sandbox, sandbox.invoiceId(firstTaxed(sandbox.dataset())));

      assertThat(answer.json()).containsKey("tax_applied_records").doesNotContainKey("taxes");
    }
  }

  @Test void unknownInvoicesAreNotFoundInEachErrorShape() throws IOException {
    try (FlexpriceSandbox flat = start(5);
         FlexpriceSandbox legacy = FlexpriceSandbox.start(SandboxOptions.builder().invoices(5)
             .vendorOption("error-shape", "legacy").build());
         FlexpriceSandbox status = FlexpriceSandbox.start(SandboxOptions.builder().invoices(5)
             .vendorOption("error-shape", "status").build())) {
      String forged = flat.invoiceId(0).substring(0, 20) + "0000000000";
      for (String id : List.of("inv_nope", forged, "..%2Fx", flat.invoiceId(4) + "0")) {
        Answer answer = get(flat, id);
        assertThat(answer.status()).as(id).isEqualTo(404);
        assertThat(answer.json()).as(id).containsEntry("code", "not_found")
            .containsEntry("message", "invoice not found")
            .containsEntry("http_status_code", new BigDecimal("404"));
      }
      assertThat(get(flat, "inv_nope").json()).containsEntry("details", Map.of("invoice_id", "inv_nope"));
      Answer legacyAnswer = get(legacy, "inv_nope");
      assertThat(legacyAnswer.status()).isEqualTo(404);
      assertThat(castMap(legacyAnswer.json().get("error"))).containsEntry("details", Map.of("invoice_id", "inv_nope"));
      assertThat(legacyAnswer.json()).containsEntry("success", false);
      assertThat(castMap(legacyAnswer.json().get("error"))).containsEntry("message", "invoice not found");
      Answer statusAnswer = get(status, "inv_nope");
      assertThat(statusAnswer.json()).containsEntry("status", "error")
          .containsEntry("message", "invoice not found").containsEntry("code", "not_found");
      assertThat(get(flat, flat.invoiceId(4)).status()).isEqualTo(200);
    }
  }

  @Test void unknownVendorOptionValuesFailAtStart() {
    assertThatThrownBy(() -> FlexpriceSandbox.start(
        SandboxOptions.builder().vendorOption("error-shape", "xml").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error-shape");
    assertThatThrownBy(() -> FlexpriceSandbox.start(
        SandboxOptions.builder().vendorOption("tax-key", "tax").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tax-key");
  }

  @Test void previewAnswersAFreshDraftForASubscription() throws IOException {
    try (FlexpriceSandbox sandbox = start(100)) {
      DatasetInvoice upcoming = sandbox.dataset().upcoming(2);
      Answer first = post(sandbox, "invoices/preview",
          "{\"subscription_id\":\"" + sandbox.subscriptionId(2) + "\"}");
      Answer second = post(sandbox, "invoices/preview",
          "{\"subscription_id\":\"" + sandbox.subscriptionId(2) + "\","
              + "\"period_start\":\"2026-10-15T00:00:00Z\",\"period_end\":\"2026-11-15T00:00:00+00:00\"}");

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.json()).containsEntry("invoice_status", "DRAFT")
          .containsEntry("payment_status", "PENDING")
          .containsEntry("invoice_number", null)
          .containsEntry("customer_id", upcoming.customerId())
          .containsEntry("amount_paid", "0")
          .containsEntry("amount_remaining", FlexpriceSandboxInvoices.decimal(upcoming.total()))
          .containsEntry("period_start", "2026-10-01T00:00:00Z")
          .containsEntry("period_end", "2026-11-01T00:00:00Z");
      assertThat(first.list("line_items")).hasSize(upcoming.lines().size());
      assertThat(second.json()).containsEntry("period_start", "2026-10-15T00:00:00Z")
          .containsEntry("period_end", "2026-11-15T00:00:00Z");
      assertThat(second.json().get("id")).isNotEqualTo(first.json().get("id"));
      assertThat(get(sandbox, (String) first.json().get("id")).status()).isEqualTo(404);
    }
  }

  @Test void previewRequiresAKnownSubscription() throws IOException {
    try (FlexpriceSandbox sandbox = start(100)) {
      Answer missing = post(sandbox, "invoices/preview", "{}");
      Answer unknown = post(sandbox, "invoices/preview", "{\"subscription_id\":\"subs_nope\"}");
      Answer backwards = post(sandbox, "invoices/preview", "{\"subscription_id\":\""
          + sandbox.subscriptionId(0) + "\",\"period_start\":\"2026-11-01T00:00:00Z\","
          + "\"period_end\":\"2026-10-01T00:00:00Z\"}");

      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.json()).containsEntry("code", "validation_error");
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.json()).containsEntry("message", "subscription not found");
      assertThat(backwards.status()).isEqualTo(400);
    }
  }

  @Test void injectedFaultsUseTheVendorShape() throws IOException {
    try (FlexpriceSandbox sandbox = FlexpriceSandbox.start(SandboxOptions.builder().invoices(5)
        .faultPercent(100).faults(Fault.RATE_LIMIT).retryAfterSeconds(0).build())) {
      Request request = new Request.Builder().url(sandbox.baseUrl() + "invoices/search")
          .header("x-api-key", "sandbox-token").post(RequestBody.create("{}", JSON)).build();
      try (Response response = client.newCall(request).execute()) {
        assertThat(response.code()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("0");
        assertThat(castMap(Json.read(response.body().string())))
            .containsEntry("code", "too_many_requests");
      }
    }
  }

  @Test void unknownRoutesAreNotFound() throws IOException {
    try (FlexpriceSandbox sandbox = start(5)) {
      Answer answer = call(new Request.Builder().url(sandbox.baseUrl() + "customers")
          .header("x-api-key", "sandbox-token"));
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json()).containsEntry("code", "not_found");
    }
  }

  @Test void idsDecodeOnlyForTheirOwnDataset() {
    try (FlexpriceSandbox sandbox = start(50)) {
      FlexpriceSandboxInvoices invoices = new FlexpriceSandboxInvoices(sandbox.dataset(), sandbox.baseUrl(), "taxes");
      for (int i = 0; i < 50; i++) {
        assertThat(invoices.invoiceIndex(sandbox.invoiceId(i))).isEqualTo(i);
      }
      for (int c = 0; c < sandbox.dataset().customerCount(); c++) {
        assertThat(invoices.subscriptionCustomer(sandbox.subscriptionId(c))).isEqualTo(c);
      }
      assertThat(invoices.invoiceIndex("inv_" + "0".repeat(26))).isEqualTo(-1);
      assertThat(invoices.invoiceIndex("inv_" + "I".repeat(26))).isEqualTo(-1); // not Crockford
      assertThat(invoices.subscriptionCustomer(sandbox.invoiceId(0))).isEqualTo(-1);
    }
  }

  @Test void decimalsAndTimesAreWrittenLikeGo() {
    assertThat(FlexpriceSandboxInvoices.decimal(new BigDecimal("129.50"))).isEqualTo("129.5");
    assertThat(FlexpriceSandboxInvoices.decimal(new BigDecimal("120.00"))).isEqualTo("120");
    assertThat(FlexpriceSandboxInvoices.decimal(new BigDecimal("1.2E+3"))).isEqualTo("1200");
    assertThat(FlexpriceSandboxInvoices.decimal(new BigDecimal("0.00"))).isEqualTo("0");
    assertThat(FlexpriceSandboxInvoices.decimal(new BigDecimal("0.000450"))).isEqualTo("0.00045");
    assertThat(FlexpriceSandboxInvoices.time(Instant.parse("2026-08-01T00:00:02.310Z")))
        .isEqualTo("2026-08-01T00:00:02.31Z");
    assertThat(FlexpriceSandboxInvoices.time(Instant.parse("2026-08-01T00:00:02Z")))
        .isEqualTo("2026-08-01T00:00:02Z");
    assertThat(FlexpriceSandboxInvoices.time(Instant.parse("2026-08-01T06:12:09.482913Z")))
        .isEqualTo("2026-08-01T06:12:09.482913Z");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castList(Object json) {
    return (List<Object>) json;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object json) {
    return (Map<String, Object>) json;
  }

  private static Object[] ids(FlexpriceSandbox sandbox, int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) ids.add(sandbox.invoiceId(i));
    return ids.toArray();
  }

  private static int firstTaxed(Dataset dataset) {
    for (int i = 0; i < dataset.size(); i++) {
      if (dataset.invoice(i).tax().signum() != 0) return i;
    }
    throw new AssertionError("no taxed invoice");
  }

  @Test void errorResponsesHaveTheFlatShapeWithTheCodeAndARequestId() {
    try (FlexpriceSandbox sandbox = start(10)) {
      assertThat(sandbox.requestIdHeader()).isEqualTo("X-Request-Id");
      assertThat(sandbox.paging()).isEqualTo(Paging.OFFSET);
      for (int status : new int[] {401, 404, 429, 500}) {
        SandboxResponse coded = sandbox.errorResponse(status, "code_" + status, "failed " + status);
        assertThat(coded.status()).isEqualTo(status);
        assertThat(coded.contentType()).startsWith("application/json");
        assertThat(coded.header("X-Request-Id")).matches("[0-9a-f]{16}");
        assertThat(Json.read(coded.bodyUtf8())).isEqualTo(Json.object(
            "code", "code_" + status, "message", "failed " + status, "http_status_code", new BigDecimal(status)));
      }
      assertThat(Json.read(sandbox.errorResponse(401, null, "x").bodyUtf8())).isEqualTo(Map.of("error", "Unauthorized"));
      assertThat(castMap(Json.read(sandbox.errorResponse(429, null, "x").bodyUtf8())))
          .containsEntry("code", "too_many_requests");
    }
  }

  @Test void everyAnswerCarriesARequestId() throws IOException {
    try (FlexpriceSandbox sandbox = start(10)) {
      List<String> ids = new ArrayList<>();
      for (String key : new String[] {sandbox.options().credential(), "wrong"}) {
        Request request = new Request.Builder().url(sandbox.baseUrl() + "invoices/" + sandbox.invoiceId(0))
            .header("x-api-key", key).build();
        try (Response response = client.newCall(request).execute()) {
          ids.add(response.header("X-Request-Id"));
        }
      }
      assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }
  }

  @Test void previewSubscriptionIdIsTheFirstCustomersAndPreviews() throws IOException {
    try (FlexpriceSandbox sandbox = start(10)) {
      assertThat(sandbox.previewSubscriptionId()).isEqualTo(sandbox.subscriptionId(0));
      assertThat(post(sandbox, "invoices/preview",
          "{\"subscription_id\":\"" + sandbox.previewSubscriptionId() + "\"}").status()).isEqualTo(200);
    }
  }
}
