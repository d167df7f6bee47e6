package dev.invoicekit.cli;

import dev.invoicekit.CurrencyTotals;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.Money;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tool end to end, for every provider on the class path, each against its embedded sandbox:
 * output parsed and compared with what the provider itself reads from an identical sandbox.
 */
@Timeout(60)
final class InvoiceKitCliTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final Map<String, List<Invoice>> EXPECTED = new ConcurrentHashMap<>();

  @TempDir Path directory;

  static Stream<String> providerIds() {
    return InvoiceProviders.available().stream();
  }

  @Test void everyProviderOnTheClassPathHasASandbox() {
    assertThat(InvoiceProviders.available()).isNotEmpty();
    assertThat(Sandboxes.available()).containsAll(InvoiceProviders.available());
  }

  @Test void providersListsEveryIdWithWhatItSupportsAndItsCredentials() {
    CliRun run = CliRun.run("providers");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split("\\s+")).containsExactly("PROVIDER", "CREDENTIALS", "SUPPORTS");
    assertThat(lines).hasSize(1 + InvoiceProviders.available().size());
    for (String id : InvoiceProviders.available()) {
      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(id + " ")
          .contains("missing " + missingCredential(id, Map.of()) + " (or --sandbox)")
          .endsWith(InvoiceProviders.factory(id).description()));
    }
  }

  @Test void providersReadCredentialsOnlyFromTheGivenEnvironment() {
    for (String id : InvoiceProviders.available()) {
      String missing = missingCredential(id, Map.of());
      CliRun run = CliRun.run(Map.of(missing, "from-the-given-environment"), "providers", "--format", "json");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      Map<String, Object> entry = list(run.out()).stream()
          .filter(provider -> provider.get("id").equals(id)).findFirst().orElseThrow();
      assertThat(entry.get("missingCredential")).as(id).isNotEqualTo(missing);
      assertThat(entry).containsEntry("description", InvoiceProviders.factory(id).description())
          .containsEntry("sandbox", true);
      assertThat(run.out()).doesNotContain("from-the-given-environment");
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void listStreamsEveryInvoiceAsCanonicalJson(String id) {
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id, "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty(); // asked for: no notice
    List<Map<String, Object>> invoices = list(run.out());
    List<Invoice> expected = expected(id);
    assertThat(invoices).extracting(invoice -> invoice.get("id"))
        .containsExactlyElementsOf(expected.stream().map(Invoice::id).toList());
    for (int i = 0; i < invoices.size(); i++) {
      Map<String, Object> json = invoices.get(i);
      Invoice invoice = expected.get(i);
      assertThat(json.keySet()).containsExactly(JsonOutputTest.componentNames(Invoice.class));
      assertThat(json).containsEntry("provider", id)
          .containsEntry("status", invoice.status().name())
          .containsEntry("currency", invoice.currency().getCurrencyCode())
          .containsEntry("total", invoice.total().toPlainString())
          .containsEntry("amountDue", invoice.amountDue().toPlainString())
          .containsEntry("periodStart", Text.iso(invoice.periodStart()))
          .containsEntry("issuedAt", Text.iso(invoice.issuedAt()));
      assertThat((String) json.get("total")).matches("-?\\d+(\\.\\d+)?");
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void listAsCsvHasAHeaderAndOneExactRowPerInvoice(String id) {
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id, "--format", "csv");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<List<String>> rows = CsvOutputTest.parse(run.out());
    assertThat(rows.get(0)).isEqualTo(CsvOutput.HEADER);
    List<Invoice> expected = expected(id);
    assertThat(rows).hasSize(1 + expected.size());
    int idColumn = CsvOutput.HEADER.indexOf("id");
    int total = CsvOutput.HEADER.indexOf("total");
    int currency = CsvOutput.HEADER.indexOf("currency");
    for (int i = 0; i < expected.size(); i++) {
      List<String> row = rows.get(i + 1);
      assertThat(row).hasSize(CsvOutput.HEADER.size());
      assertThat(row.get(idColumn)).isEqualTo(expected.get(i).id());
      assertThat(Money.of(row.get(total), row.get(currency))).isEqualTo(expected.get(i).total());
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void listAsTableEndsWithTotalsThatAreTheSumsOfTheListedAmounts(String id) {
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("PROVIDER", "ID", "NUMBER", "STATUS", "PERIOD", "TOTAL", "CURRENCY");
    Map<String, BigDecimal> listed = new TreeMap<>();
    Map<String, String> totals = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      String currency = cells[cells.length - 1];
      BigDecimal amount = new BigDecimal(cells[cells.length - 2]);
      if (cells[0].equals("total")) {
        totals.put(currency, amount.toPlainString());
      } else {
        assertThat(cells[0]).isEqualTo(id);
        listed.merge(currency, amount, BigDecimal::add);
      }
    }
    assertThat(totals).isNotEmpty();
    assertThat(totals).isEqualTo(listed.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        entry -> Money.of(entry.getValue(), Money.currency(entry.getKey())).toPlainString())));
    CurrencyTotals expected = new CurrencyTotals();
    expected(id).forEach(invoice -> expected.add(invoice.total()));
    assertThat(expected.entries().values()).allSatisfy(entry -> assertThat(totals)
        .containsEntry(entry.currency().getCurrencyCode(), entry.total().toPlainString()));
  }

  @ParameterizedTest @MethodSource("providerIds")
  void listStopsAfterTheLimit(String id) {
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id, "--format", "json", "--limit", "5");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(list(run.out())).extracting(invoice -> invoice.get("id"))
        .containsExactlyElementsOf(expected(id).stream().limit(5).map(Invoice::id).toList());
  }

  @ParameterizedTest @MethodSource("providerIds")
  void listFiltersByPeriodAndCustomerAsTheApiDoes(String id) {
    Invoice first = expected(id).get(0);
    Instant from = Instant.parse("2026-06-01T00:00:00Z");
    Instant to = Instant.parse("2026-09-01T00:00:00Z");
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id, "--format", "json", "--from", "2026-06-01",
        "--to", "2026-09-01T00:00:00Z", "--customer", String.valueOf(first.customerId()));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> expected = direct(id, InvoiceQuery.builder().periodFrom(from).periodTo(to)
        .customerId(first.customerId()).build()).stream().map(Invoice::id).toList();
    assertThat(list(run.out())).extracting(invoice -> invoice.get("id")).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest @MethodSource("providerIds")
  void unknownVendorParameterIsAUsageError(String id) {
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id, "--param", "no_such_parameter=1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no_such_parameter").contains("Try 'invoicekit list --help'");
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest @MethodSource("providerIds")
  void getPrintsOneInvoiceWithItsLines(String id) {
    String invoiceId = expected(id).get(0).id();
    Invoice expected;
    try (Sandbox sandbox = Sandboxes.start(id, SandboxOptions.defaults());
        InvoiceProvider provider = provider(id, sandbox)) {
      expected = provider.get(invoiceId).orElseThrow();
    }

    CliRun json = CliRun.run("get", invoiceId, "--sandbox", "--provider", id, "--format", "json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    Map<String, Object> invoice = JsonOutputTest.object(parse(json.out()));
    assertThat(invoice).containsEntry("id", invoiceId).containsEntry("total", expected.total().toPlainString());
    assertThat((List<?>) invoice.get("lines")).hasSize(expected.lines().size());

    CliRun table = CliRun.run("get", invoiceId, "--sandbox", "--provider", id);
    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).contains("id").contains(invoiceId);
    if (!expected.lines().isEmpty()) {
      assertThat(table.out()).contains("DESCRIPTION").contains(expected.lines().get(0).description());
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void getOfAnUnknownIdExitsThreeWithOneLine(String id) {
    CliRun run = CliRun.run("get", "no-such-invoice-42", "--sandbox", "--provider", id);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly(id + ": no invoice with id 'no-such-invoice-42'");
  }

  @ParameterizedTest @MethodSource("providerIds")
  void previewPrintsTheDraftInvoice(String id) {
    List<String> args = new ArrayList<>(List.of("preview", "--sandbox", "--provider", id, "--format", "json"));
    subscriptionOf(id).ifPresent(subscription -> args.addAll(List.of("--subscription", subscription)));
    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    Map<String, Object> preview = JsonOutputTest.object(parse(run.out()));
    assertThat(preview.keySet()).containsExactly(JsonOutputTest.componentNames(Invoice.class));
    assertThat(preview).containsEntry("provider", id).containsEntry("status", "DRAFT");

    args.set(args.indexOf("json"), "table");
    CliRun table = CliRun.run(args.toArray(String[]::new));
    assertThat(table.exitCode()).as(table.toString()).isZero();
    assertThat(table.out()).contains("status").contains("DRAFT").contains("total");
  }

  @ParameterizedTest @MethodSource("providerIds")
  void vendorErrorExitsOneWithOneLineNamingTheProvider(String id) {
    try (Sandbox rejecting = Sandboxes.start(id, SandboxOptions.builder().rejectCredentials(true).build())) {
      List<String> args = new ArrayList<>(List.of("list", "--provider", id, "--format", "json"));
      rejecting.providerSettings().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));

      CliRun run = CliRun.run(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines()).singleElement().asString() // credentials set: no sandbox notice
          .startsWith(id + ": ").contains("HTTP 40");
      assertThat(run.err()).doesNotContain(rejecting.options().credential());
      assertThat(rejecting.requestCount()).isPositive();

      args.add("--verbose");
      CliRun verbose = CliRun.run(args.toArray(String[]::new));
      assertThat(verbose.exitCode()).isEqualTo(1);
      assertThat(verbose.err()).contains("\tat ").doesNotContain(rejecting.options().credential());
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void malformedSettingIsAUsageErrorNamingTheKey(String id) {
    CliRun run = CliRun.run("list", "--sandbox", "--provider", id, "--set", "timeout=soon");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("invoicekit." + id + ".timeout");
  }

  @Test void configFileChoosesTheProviderAndItsSettings() throws IOException {
    String id = InvoiceProviders.available().iterator().next();
    Path config = Files.writeString(directory.resolve("invoicekit.properties"),
        "invoicekit.provider=" + id + "\ninvoicekit." + id + ".page-size=7\n");

    CliRun run = CliRun.run("list", "--sandbox", "--config", config.toString(), "--limit", "3", "--format", "csv");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(CsvOutputTest.parse(run.out())).hasSize(1 + 3);
  }

  @Test void progressGoesToStderrOnATerminalOnly() {
    String id = InvoiceProviders.available().iterator().next();
    AtomicLong nanos = new AtomicLong();
    LongSupplier clock = () -> nanos.addAndGet(50_000_000L); // 50 ms between readings
    CliRun live = CliRun.run(Map.of(), true, clock, "list", "--sandbox", "--provider", id, "--format", "csv");
    CliRun quiet = CliRun.run(Map.of(), true, clock, "list", "--sandbox", "--provider", id, "--quiet");

    assertThat(live.exitCode()).as(live.toString()).isZero();
    assertThat(live.err()).containsPattern("\r\\d+ invoices, \\d+/s");
    assertThat(live.out()).doesNotContainPattern("\r\\d+ invoices");
    assertThat(quiet.exitCode()).isZero();
    assertThat(quiet.err()).isEmpty();
  }

  @Test void demoRunsTheSameHostCodeThroughEveryProvider() {
    CliRun run = CliRun.run("demo");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("PROVIDER", "CURRENCY", "INVOICES", "TOTAL", "GET", "PREVIEW");
    for (String id : InvoiceProviders.available()) {
      assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(id + " "));
      assertThat(run.err()).contains(id + ": against its embedded sandbox")
          .contains(id + ": listed " + expected(id).size() + " invoices; got ");
    }
  }

  @Test void demoAsJsonSummarisesEachProvider() {
    CliRun run = CliRun.run("demo", "--format", "json", "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    List<Map<String, Object>> summaries = list(run.out());
    assertThat(summaries).extracting(summary -> summary.get("provider"))
        .containsExactlyElementsOf(InvoiceProviders.available());
    for (Map<String, Object> summary : summaries) {
      String id = (String) summary.get("provider");
      CurrencyTotals expected = new CurrencyTotals();
      expected(id).forEach(invoice -> expected.add(invoice.total()));
      assertThat(((Number) summary.get("invoices")).longValue()).isEqualTo(expected.count());
      assertThat(summary.get("totals")).isEqualTo(expected.entries().values().stream().collect(Collectors.toMap(
          entry -> entry.currency().getCurrencyCode(), entry -> entry.total().toPlainString())));
      assertThat(summary.get("get")).isEqualTo(expected(id).get(0).id());
      assertThat(summary.get("preview")).isEqualTo(subscriptionOf(id).map(s -> "subscription " + s).orElse("upcoming"));
    }
  }

  /** The invoices the provider itself reads from a sandbox like the one the tool starts. */
  private static List<Invoice> expected(String id) {
    return EXPECTED.computeIfAbsent(id, key -> direct(key, InvoiceQuery.all()));
  }

  private static List<Invoice> direct(String id, InvoiceQuery query) {
    try (Sandbox sandbox = Sandboxes.start(id, SandboxOptions.defaults());
        InvoiceProvider provider = provider(id, sandbox);
        Stream<Invoice> invoices = provider.stream(query)) {
      return invoices.toList();
    }
  }

  private static InvoiceProvider provider(String id, Sandbox sandbox) {
    return InvoiceProviders.create(id, ProviderConfig.builder(id)
        .setAll(sandbox.providerSettings()).environment(Map.<String, String>of()::get).build());
  }

  private static Optional<String> subscriptionOf(String id) {
    return expected(id).stream()
        .map(invoice -> invoice.attributes().get(InvoiceTour.SUBSCRIPTION_ATTRIBUTE))
        .filter(subscription -> subscription != null).findFirst();
  }

  private static String missingCredential(String id, Map<String, String> environment) {
    return InvoiceProviders.factory(id)
        .missingCredential(ProviderConfig.builder(id).environment(environment::get).build())
        .orElseThrow();
  }

  private static Object parse(String json) {
    try {
      return JSON.fromJson(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(String json) {
    return (List<Map<String, Object>>) parse(json);
  }
}
