package dev.invoicekit.flexprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.flexprice.sandbox.FlexpriceSandbox;
import dev.invoicekit.sandbox.Dataset;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.DatasetLine;
import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against the Flexprice emulator: the whole path, no mocks. */
@Timeout(60)
final class FlexpriceSandboxIntegrationTest {
  private static FlexpriceSandbox sandbox;

  @BeforeAll static void startSandbox() {
    sandbox = FlexpriceSandbox.start(SandboxOptions.builder().invoices(1000).build());
  }

  @AfterAll static void stopSandbox() {
    sandbox.close();
  }

  private static InvoiceProvider provider(FlexpriceSandbox sandbox, String... settings) {
    ProviderConfig.Builder config = ProviderConfig.builder("flexprice")
        .environment(Map.<String, String>of()::get)
        .setAll(sandbox.providerSettings());
    for (int i = 0; i < settings.length; i += 2) config.set(settings[i], settings[i + 1]);
    return InvoiceProviders.create("flexprice", config.build());
  }

  @Test void streamsTheWholeDatasetInOrderExactly() {
    Dataset dataset = sandbox.dataset();
    int before = sandbox.requestCount();
    List<Invoice> invoices;
    try (InvoiceProvider provider = provider(sandbox);
         Stream<Invoice> stream = provider.stream(InvoiceQuery.all())) {
      invoices = stream.toList();
    }

    assertThat(invoices).hasSize(dataset.size());
    assertThat(invoices.stream().map(Invoice::id).collect(Collectors.toSet())).hasSize(dataset.size());
    for (int i = 0; i < dataset.size(); i++) {
      assertMatches(invoices.get(i), dataset.invoice(i), i, false);
    }
    assertThat(sandbox.requestCount() - before).isEqualTo(10); // 1000 / the default page size 100
    Set<InvoiceStatus> statuses = new HashSet<>();
    invoices.forEach(invoice -> statuses.add(invoice.status()));
    assertThat(statuses).containsExactlyInAnyOrder(
        InvoiceStatus.DRAFT, InvoiceStatus.OPEN, InvoiceStatus.PAID, InvoiceStatus.VOID);
  }

  @Test void listPagesByOffsetUntilTheTotal() {
    try (InvoiceProvider provider = provider(sandbox, "page-size", "300")) {
      List<String> ids = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        Page<Invoice> page = provider.list(InvoiceQuery.builder().pageToken(token).build());
        assertThat(page.totalCount()).hasValue(1000);
        page.items().forEach(invoice -> ids.add(invoice.id()));
        token = page.nextPageToken().orElse(null);
        pages++;
      } while (token != null);

      assertThat(pages).isEqualTo(4);
      assertThat(ids).containsExactlyElementsOf(
          IntStream.range(0, 1000).mapToObj(sandbox::invoiceId).toList());
    }
  }

  @Test void filtersByCustomerAndPeriodServerSideAndExactly() {
    Dataset dataset = sandbox.dataset();
    Instant from = Instant.parse("2026-06-01T00:00:00Z");
    Instant to = Instant.parse("2026-08-01T00:00:00Z");
    String customer = dataset.customerId(3);
    List<String> expected = IntStream.range(0, dataset.size())
        .filter(i -> dataset.invoice(i).customerId().equals(customer))
        .filter(i -> {
          Instant start = dataset.invoice(i).periodStart().atStartOfDay(ZoneOffset.UTC).toInstant();
          return !start.isBefore(from) && start.isBefore(to);
        })
        .mapToObj(sandbox::invoiceId).toList();
    int before = sandbox.requestCount();

    List<String> ids;
    try (InvoiceProvider provider = provider(sandbox)) {
      ids = provider.stream(InvoiceQuery.builder().customerId(customer).periodFrom(from).periodTo(to).build())
          .map(Invoice::id).toList();
    }

    assertThat(expected).hasSize(2); // June and July: periodTo's own month is excluded
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(sandbox.requestCount() - before).isEqualTo(1); // filtered by the server
  }

  @Test void vendorParametersFilterOnTheServer() {
    try (InvoiceProvider provider = provider(sandbox)) {
      List<Invoice> voided = provider.stream(InvoiceQuery.builder()
          .vendorParameter("invoice_status", "voided,skipped").build()).toList();
      List<Invoice> refunded = provider.stream(InvoiceQuery.builder()
          .vendorParameter("payment_status", "REFUNDED,PARTIALLY_REFUNDED").build()).toList();

      assertThat(voided).isNotEmpty().allSatisfy(invoice -> assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOID));
      assertThat(voided.size()).isEqualTo(sandbox.dataset().stream().filter(i -> i.status().equals("void")).count());
      assertThat(refunded).isNotEmpty().allSatisfy(invoice -> {
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.vendorStatus()).endsWith("REFUNDED");
        assertThat(invoice.lines()).isEmpty();
      });
    }
  }

  @Test void newVendorParametersFilterOnTheServer() {
    Dataset dataset = sandbox.dataset();
    try (InvoiceProvider provider = provider(sandbox)) {
      List<String> byIds = provider.stream(InvoiceQuery.builder()
          .vendorParameter("invoice_ids", sandbox.invoiceId(9) + ", " + sandbox.invoiceId(3)).build())
          .map(Invoice::id).toList();
      assertThat(byIds).containsExactly(sandbox.invoiceId(3), sandbox.invoiceId(9));

      List<Invoice> large = provider.stream(InvoiceQuery.builder()
          .vendorParameter("amount_due_gt", "9000.5").build()).toList();
      assertThat(large).hasSize((int) dataset.stream()
          .filter(i -> i.total().compareTo(new BigDecimal("9000.5")) > 0).count());
      assertThat(large).isNotEmpty().allSatisfy(invoice ->
          assertThat(invoice.amountDue().amount()).isGreaterThan(new BigDecimal("9000.5")));

      List<Invoice> endedInJuly = provider.stream(InvoiceQuery.builder()
          .vendorParameter("period_end_gte", "2026-07-01T00:00:00Z")
          .vendorParameter("period_end_lte", "2026-07-01T00:00:00+00:00").build()).toList();
      assertThat(endedInJuly).hasSize(dataset.customerCount()).allSatisfy(invoice ->
          assertThat(invoice.periodEnd()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z")));
    }
    assertThatThrownBy(() -> {
      try (InvoiceProvider provider = provider(sandbox)) {
        provider.list(InvoiceQuery.builder().vendorParameter("amount_due_gt", "lots").build());
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount_due_gt");
    assertThatThrownBy(() -> {
      try (InvoiceProvider provider = provider(sandbox)) {
        provider.list(InvoiceQuery.builder().vendorParameter("period_end_lte", "July").build());
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period_end_lte");
  }

  @Test void skippedInvoicesAreVoidWithZeroTotalsAndTotalsMatchTheDataset() {
    Dataset dataset = sandbox.dataset();
    try (InvoiceProvider provider = provider(sandbox)) {
      List<Invoice> skipped = provider.stream(InvoiceQuery.builder()
          .vendorParameter("invoice_status", "SKIPPED").build()).toList();
      assertThat(skipped).isNotEmpty().allSatisfy(invoice -> {
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(invoice.vendorStatus()).isEqualTo("SKIPPED/PENDING");
        assertThat(invoice.total().isZero()).isTrue();
        assertThat(invoice.amountDue().isZero()).isTrue();
        assertThat(invoice.number()).isNull();
      });
      Map<Currency, BigDecimal> totals = new java.util.TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
      provider.stream(InvoiceQuery.all()).forEach(invoice ->
          totals.merge(invoice.currency(), invoice.total().amount(), BigDecimal::add));
      Map<Currency, BigDecimal> expected = new java.util.TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
      dataset.stream().forEach(invoice ->
          expected.merge(Currency.getInstance(invoice.currency()), invoice.total(), BigDecimal::add));
      assertThat(totals).isEqualTo(expected);
    }
  }

  @Test void bothErrorShapesDecodeToTheMessageAndCode() {
    try (FlexpriceSandbox legacy = FlexpriceSandbox.start(SandboxOptions.builder().invoices(5)
            .vendorOption("error-shape", "legacy").build());
         InvoiceProvider current = provider(sandbox);
         InvoiceProvider old = provider(legacy)) {
      PreviewRequest unknown = PreviewRequest.builder().subscriptionId("subs_nope").build();
      assertThatThrownBy(() -> current.preview(unknown))
          .isInstanceOfSatisfying(dev.invoicekit.NotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.vendorCode()).isEqualTo("not_found");
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.getMessage()).contains("subscription not found");
          });
      assertThatThrownBy(() -> old.preview(unknown))
          .isInstanceOfSatisfying(dev.invoicekit.NotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.getMessage()).contains("subscription not found").doesNotContain("internal_error");
          });
    }
  }

  @Test void getReadsLinesAndTaxes() {
    Dataset dataset = sandbox.dataset();
    int index = IntStream.range(0, dataset.size())
        .filter(i -> dataset.invoice(i).tax().signum() != 0 && dataset.invoice(i).lines().size() > 2)
        .findFirst().orElseThrow();
    DatasetInvoice expected = dataset.invoice(index);

    try (InvoiceProvider provider = provider(sandbox)) {
      Invoice invoice = provider.get(sandbox.invoiceId(index)).orElseThrow();

      assertMatches(invoice, expected, index, true);
      assertThat(invoice.attributes()).containsKey("tax_rate_id");
      assertThat(provider.get("inv_" + "0".repeat(26))).isEmpty();
      assertThat(provider.get("../x?y#z %/ü")).isEmpty();
    }
  }

  @Test void readsTheOldTaxKeyAndTheLegacyErrorShape() {
    try (FlexpriceSandbox legacy = FlexpriceSandbox.start(SandboxOptions.builder().invoices(50)
            .vendorOption("tax-key", "tax_applied_records").vendorOption("error-shape", "legacy").build());
         InvoiceProvider provider = provider(legacy)) {
      int index = IntStream.range(0, 50).filter(i -> legacy.dataset().invoice(i).tax().signum() != 0)
          .findFirst().orElseThrow();

      Invoice invoice = provider.get(legacy.invoiceId(index)).orElseThrow();

      assertThat(invoice.attributes()).containsKey("tax_rate_id");
      assertThat(invoice.tax().amount()).isEqualByComparingTo(legacy.dataset().invoice(index).tax());
      assertThat(provider.get("inv_nope")).isEmpty();
      assertThatThrownBy(() -> provider.preview(PreviewRequest.builder().subscriptionId("subs_nope").build()))
          .isInstanceOf(dev.invoicekit.NotFoundException.class)
          .hasMessageContaining("subscription not found");
    }
  }

  @Test void previewsASubscriptionsUpcomingDraft() {
    DatasetInvoice upcoming = sandbox.dataset().upcoming(4);

    try (InvoiceProvider provider = provider(sandbox)) {
      Invoice preview = provider.preview(PreviewRequest.builder()
          .subscriptionId(sandbox.subscriptionId(4)).build());

      assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
      assertThat(preview.number()).isNull();
      assertThat(preview.customerId()).isEqualTo(upcoming.customerId());
      assertThat(preview.total()).isEqualTo(money(upcoming.total(), upcoming));
      assertThat(preview.amountRemaining()).isEqualTo(money(upcoming.total(), upcoming));
      assertThat(preview.periodStart()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
      assertThat(preview.lines()).hasSize(upcoming.lines().size());
      assertThat(provider.get(preview.id())).isEmpty(); // previews are not stored

      Invoice custom = provider.preview(PreviewRequest.builder().subscriptionId(sandbox.subscriptionId(4))
          .periodStart(Instant.parse("2026-10-10T00:00:00Z")).periodEnd(Instant.parse("2026-11-10T00:00:00Z"))
          .build());
      assertThat(custom.periodStart()).isEqualTo(Instant.parse("2026-10-10T00:00:00Z"));
      assertThat(custom.periodEnd()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
    }
  }

  @Test void rejectedCredentialsAreAnAuthenticationFailure() {
    try (FlexpriceSandbox rejecting = FlexpriceSandbox.start(
            SandboxOptions.builder().invoices(10).rejectCredentials(true).build());
         InvoiceProvider provider = provider(rejecting)) {
      assertThatThrownBy(() -> provider.stream(InvoiceQuery.all()).toList())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("Unauthorized")
          .hasMessageNotContaining(rejecting.options().credential());
    }
    try (InvoiceProvider wrongKey = provider(sandbox, "api-key", "not-the-key")) {
      assertThatThrownBy(() -> wrongKey.get(sandbox.invoiceId(0)))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @Test void streamsCompletelyThroughInjectedFaults() {
    try (FlexpriceSandbox faulty = FlexpriceSandbox.start(SandboxOptions.builder().invoices(1000)
            .seed(11).faultPercent(25).faults(Fault.RATE_LIMIT, Fault.UNAVAILABLE, Fault.DISCONNECT)
            .retryAfterSeconds(0).build());
         InvoiceProvider provider = provider(faulty, "max-retries", "8", "page-size", "200");
         Stream<Invoice> stream = provider.stream(InvoiceQuery.all())) {
      List<String> ids = stream.map(Invoice::id).toList();

      assertThat(ids).containsExactlyElementsOf(
          IntStream.range(0, 1000).mapToObj(faulty::invoiceId).toList());
      assertThat(faulty.faultCount()).isPositive();
    }
  }

  @Test void streamsLinesWhenAskedTo() {
    Dataset dataset = sandbox.dataset();
    List<Invoice> invoices;
    try (InvoiceProvider provider = provider(sandbox, "page-size", "250")) {
      invoices = provider.stream(InvoiceQuery.builder().vendorParameter("skip_line_items", "false").build())
          .toList();
    }

    assertThat(invoices).hasSize(dataset.size());
    for (int i = 0; i < dataset.size(); i++) {
      assertMatches(invoices.get(i), dataset.invoice(i), i, true);
    }
  }

  /**
   * Asserts that {@code invoice} is what the sandbox serves for data set invoice {@code index},
   * with its lines if {@code lines}, else with none.
   */
  private static void assertMatches(Invoice invoice, DatasetInvoice expected, int index, boolean lines) {
    assertThat(invoice.id()).isEqualTo(sandbox.invoiceId(index));
    assertThat(invoice.provider()).isEqualTo("flexprice");
    assertThat(invoice.customerId()).isEqualTo(expected.customerId());
    assertThat(invoice.currency()).isEqualTo(Currency.getInstance(expected.currency()));
    assertThat(invoice.vendorStatus()).isEqualTo(sandbox.vendorStatus(index));
    assertThat(invoice.status()).isEqualTo(expectedStatus(expected));
    assertThat(invoice.periodStart()).isEqualTo(expected.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(invoice.periodEnd()).isEqualTo(expected.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(invoice.issuedAt()).isEqualTo(expected.issuedAt());
    assertThat(invoice.dueAt()).isEqualTo(expected.dueAt());
    assertThat(invoice.paidAt()).isEqualTo(expected.paidAt());
    assertThat(invoice.subtotal()).isEqualTo(money(expected.subtotal(), expected));
    assertThat(invoice.discount()).isEqualTo(money(expected.discount(), expected));
    assertThat(invoice.tax()).isEqualTo(money(expected.tax(), expected));
    assertThat(invoice.total()).isEqualTo(money(expected.total(), expected));
    assertThat(invoice.amountDue()).isEqualTo(money(expected.total(), expected));
    assertThat(invoice.description()).isEqualTo(expected.description());
    if (!invoice.vendorStatus().endsWith("OVERPAID")) {
      assertThat(invoice.amountPaid()).isEqualTo(money(expected.amountPaid(), expected));
    }
    assertThat(invoice.amountRemaining()).isEqualTo(money(expected.amountRemaining(), expected));
    if (!lines) {
      assertThat(invoice.lines()).isEmpty();
      return;
    }
    assertThat(invoice.lines()).hasSize(expected.lines().size());
    for (int l = 0; l < expected.lines().size(); l++) {
      InvoiceLine line = invoice.lines().get(l);
      DatasetLine want = expected.lines().get(l);
      assertThat(line.description()).isEqualTo(want.description());
      assertThat(line.product()).isEqualTo(want.product());
      assertThat(line.quantity()).isEqualByComparingTo(want.quantity());
      assertThat(line.amount()).isEqualTo(money(want.amount(), expected));
      assertThat(line.discount()).isEqualTo(want.discount().signum() == 0 ? null : money(want.discount(), expected));
    }
  }

  private static InvoiceStatus expectedStatus(DatasetInvoice invoice) {
    switch (invoice.status()) {
      case "draft": return InvoiceStatus.DRAFT;
      case "paid": return InvoiceStatus.PAID;
      case "void": return InvoiceStatus.VOID;
      default: return InvoiceStatus.OPEN; // open, and uncollectible (Flexprice: FINALIZED/FAILED)
    }
  }

  private static Money money(BigDecimal amount, DatasetInvoice invoice) {
    return Money.of(amount, Currency.getInstance(invoice.currency()));
  }
}
