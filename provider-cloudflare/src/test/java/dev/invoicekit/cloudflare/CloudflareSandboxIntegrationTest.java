package dev.invoicekit.cloudflare;

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
import dev.invoicekit.cloudflare.sandbox.CloudflareSandbox;
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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against the Cloudflare emulator: the whole data set, through the public API. */
@Timeout(60)
final class CloudflareSandboxIntegrationTest {
  private static CloudflareSandbox sandbox;
  private static InvoiceProvider provider;

  @BeforeAll static void start() {
    sandbox = CloudflareSandbox.start(SandboxOptions.builder().invoices(1000).build());
    provider = provider(sandbox);
  }

  @AfterAll static void stop() {
    if (provider != null) provider.close();
    if (sandbox != null) sandbox.close();
  }

  private static InvoiceProvider provider(CloudflareSandbox sandbox) {
    return InvoiceProviders.create("cloudflare", ProviderConfig.builder("cloudflare")
        .setAll(sandbox.providerSettings())
        .environment(name -> null)
        .build());
  }

  /** The invoice the provider must read for data set invoice {@code index}. */
  private static void assertMatches(Invoice invoice, DatasetInvoice expected) {
    Currency currency = Currency.getInstance(expected.currency());
    assertThat(invoice.id()).isEqualTo(sandbox.invoiceId(expected.index()));
    assertThat(invoice.currency()).isEqualTo(currency);
    assertThat(invoice.total()).isEqualTo(Money.of(expected.total(), currency));
    assertThat(invoice.total().amount().scale()).isEqualTo(Math.max(0, currency.getDefaultFractionDigits()));
    assertThat(invoice.amountDue()).isEqualTo(Money.of(expected.total(), currency));
    assertThat(invoice.amountPaid()).isEqualTo(Money.of(expected.amountPaid(), currency));
    assertThat(invoice.amountRemaining()).isEqualTo(Money.of(expected.amountRemaining(), currency));
    assertThat(invoice.vendorStatus()).isEqualTo(expected.status());
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.valueOf(expected.status().toUpperCase()));
    assertThat(invoice.issuedAt()).isEqualTo(expected.issuedAt());
    assertThat(invoice.description()).isEqualTo(expected.description());
    assertThat(invoice.customerId()).isEqualTo(sandbox.accountId());
    assertThat(invoice.attributes()).containsEntry("invoice_origin", CloudflareSandbox.invoiceOrigin(expected.index()));
  }

  @Test void streamReadsTheWholeDatasetOnceInOrderWithExactAmounts() {
    List<Invoice> invoices;
    try (Stream<Invoice> stream = provider.stream(InvoiceQuery.all())) {
      invoices = stream.collect(Collectors.toList());
    }

    List<DatasetInvoice> expected = sandbox.dataset().list();
    assertThat(invoices).hasSize(1000);
    assertThat(invoices).extracting(Invoice::id).doesNotHaveDuplicates();
    for (int i = 0; i < expected.size(); i++) {
      assertMatches(invoices.get(i), expected.get(i));
    }
  }

  @Test void listPagesFollowTheTokenToTheEnd() {
    List<String> ids = new ArrayList<>();
    Page<Invoice> page = provider.list(InvoiceQuery.builder().pageSize(100).build());
    assertThat(page.totalCount()).hasValue(1000);
    ids.addAll(page.items().stream().map(Invoice::id).toList());
    while (page.nextPageToken().isPresent()) {
      page = provider.list(InvoiceQuery.builder().pageSize(100).pageToken(page.nextPageToken().get()).build());
      page.items().forEach(invoice -> ids.add(invoice.id()));
    }

    assertThat(ids).containsExactlyElementsOf(
        IntStream.range(0, 1000).mapToObj(sandbox::invoiceId).toList());
  }

  @Test void typeFiltersServerSide() {
    List<Invoice> manual = provider.stream(InvoiceQuery.builder().vendorParameter("type", "manual").build()).toList();
    List<Invoice> auto = provider.stream(InvoiceQuery.builder().vendorParameter("type", "auto").build()).toList();

    assertThat(manual).hasSize(333)
        .allSatisfy(invoice -> assertThat(invoice.attributes()).containsEntry("invoice_origin", "manual"));
    assertThat(auto).hasSize(667)
        .allSatisfy(invoice -> assertThat(invoice.attributes()).containsEntry("invoice_origin", "auto"));
    assertThat(manual.get(0).id()).isEqualTo(sandbox.invoiceId(2));
    assertThat(auto.get(2).id()).isEqualTo(sandbox.invoiceId(3));
  }

  @Test void periodFilterSelectsOnIssueTime() {
    DatasetInvoice newest = sandbox.dataset().invoice(0);
    Instant from = newest.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant();

    List<Invoice> lastMonth = provider.stream(InvoiceQuery.builder().periodFrom(from).build()).toList();

    List<String> expected = sandbox.dataset().stream()
        .filter(invoice -> !invoice.issuedAt().isBefore(from))
        .map(invoice -> sandbox.invoiceId(invoice.index()))
        .toList();
    assertThat(expected).isNotEmpty();
    assertThat(lastMonth).extracting(Invoice::id).containsExactlyElementsOf(expected);
  }

  @Test void getFindsAnInvoiceDeepInTheHistory() {
    String id = sandbox.invoiceId(777);

    assertThat(provider.get(id)).hasValueSatisfying(invoice -> assertMatches(invoice, sandbox.dataset().invoice(777)));
    assertThat(provider.get("in_doesnotexist000000000000")).isEmpty();
  }

  @Test void previewMatchesTheUpcomingDraft() {
    DatasetInvoice upcoming = sandbox.dataset().upcoming(0);
    Currency currency = Currency.getInstance(upcoming.currency());

    Invoice preview = provider.preview(PreviewRequest.upcoming());

    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.currency()).isEqualTo(currency);
    assertThat(preview.total()).isEqualTo(Money.of(upcoming.total(), currency));
    assertThat(preview.subtotal()).isEqualTo(Money.of(upcoming.subtotal(), currency));
    assertThat(preview.discount()).isEqualTo(Money.of(upcoming.discount(), currency));
    assertThat(preview.periodStart()).isEqualTo(upcoming.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(preview.periodEnd()).isEqualTo(upcoming.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(preview.lines()).hasSameSizeAs(upcoming.lines());
    for (int i = 0; i < upcoming.lines().size(); i++) {
      InvoiceLine line = preview.lines().get(i);
      DatasetLine expected = upcoming.lines().get(i);
      assertThat(line.description()).isEqualTo(expected.description());
      assertThat(line.amount()).isEqualTo(Money.of(expected.amount(), currency));
      assertThat(line.quantity()).isEqualByComparingTo(expected.quantity());
      assertThat(line.unitPrice()).isEqualByComparingTo(expected.unitPrice());
      if (expected.discount().signum() == 0) {
        assertThat(line.discount()).isNull();
      } else {
        assertThat(line.discount()).isEqualTo(Money.of(expected.discount(), currency));
      }
    }
  }

  @Test void emailAndKeyAuthAndResultInfoPagination() {
    try (CloudflareSandbox legacy = CloudflareSandbox.start(SandboxOptions.builder().invoices(250)
            .credential("global-api-key").vendorOption("auth", "email-key")
            .vendorOption("pagination", "result-info").build());
        InvoiceProvider emailKey = provider(legacy)) {
      assertThat(emailKey.stream(InvoiceQuery.all()).map(Invoice::id).toList())
          .containsExactlyElementsOf(IntStream.range(0, 250).mapToObj(legacy::invoiceId).toList());
    }
  }

  @Test void rejectedCredentialsAreAuthenticationException() {
    try (CloudflareSandbox rejecting = CloudflareSandbox.start(SandboxOptions.builder().rejectCredentials(true).build());
        InvoiceProvider rejected = provider(rejecting)) {
      assertThatThrownBy(() -> rejected.list(InvoiceQuery.all()))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.vendorCode()).isEqualTo("10000");
            assertThat(e.detail()).isEqualTo("Authentication error");
            assertThat(e.getMessage()).doesNotContain("sandbox-token");
          });
      assertThatThrownBy(() -> rejected.preview(PreviewRequest.upcoming())).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test void injectedFaultsAreRetriedWithoutLossOrRepetition() {
    try (CloudflareSandbox flaky = CloudflareSandbox.start(SandboxOptions.builder().invoices(300).seed(11)
            .faultPercent(20).faults(Fault.RATE_LIMIT, Fault.UNAVAILABLE).retryAfterSeconds(0).build());
        InvoiceProvider retrying = InvoiceProviders.create("cloudflare", ProviderConfig.builder("cloudflare")
            .setAll(flaky.providerSettings()).set("max-retries", "10").set("page-size", "20")
            .environment(name -> null).build())) {
      List<String> ids = retrying.stream(InvoiceQuery.all()).map(Invoice::id).toList();

      assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(flaky::invoiceId).toList());
      assertThat(flaky.faultCount()).isPositive();
    }
  }

  @Test void amountsStayExactInMinorUnits() {
    BigDecimal sum = provider.stream(InvoiceQuery.all())
        .filter(invoice -> invoice.currency().getCurrencyCode().equals("USD"))
        .map(invoice -> invoice.total().amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal expected = sandbox.dataset().stream()
        .filter(invoice -> invoice.currency().equals("USD"))
        .map(DatasetInvoice::total)
        .reduce(BigDecimal.ZERO, BigDecimal::add);

    assertThat(sum).isEqualByComparingTo(expected);
  }
}
