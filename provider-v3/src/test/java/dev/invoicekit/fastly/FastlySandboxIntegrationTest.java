package dev.invoicekit.fastly;

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
import dev.invoicekit.fastly.sandbox.FastlySandbox;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.DatasetLine;
import dev.invoicekit.sandbox.Fault;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class FastlySandboxIntegrationTest {
  private static InvoiceProvider provider(FastlySandbox sandbox, String... settings) {
    ProviderConfig.Builder config = ProviderConfig.builder("fastly")
        .setAll(sandbox.providerSettings())
        .environment(name -> null);
    for (int i = 0; i < settings.length; i += 2) config.set(settings[i], settings[i + 1]);
    return InvoiceProviders.create("fastly", config.build());
  }

  private static Instant instant(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Asserts that {@code invoice} is data set invoice {@code expected}, every field Fastly carries. */
  private static void assertSame(FastlySandbox sandbox, Invoice invoice, DatasetInvoice expected) {
    String id = sandbox.invoiceId(expected.index());
    assertThat(invoice.id()).isEqualTo(id);
    assertThat(invoice.number()).isEqualTo(id);
    assertThat(invoice.customerId()).isEqualTo(expected.customerId());
    assertThat(invoice.currency().getCurrencyCode()).isEqualTo(expected.currency());
    assertThat(invoice.total()).isEqualTo(Money.of(expected.total(), invoice.currency()));
    assertThat(invoice.total().amount()).isEqualByComparingTo(expected.total());
    assertThat(invoice.amountDue()).isEqualTo(invoice.total());
    assertThat(invoice.status())
        .isEqualTo(expected.status().equals("paid") ? InvoiceStatus.PAID : InvoiceStatus.OPEN);
    assertThat(invoice.periodStart()).isEqualTo(instant(expected.periodStart()));
    assertThat(invoice.periodEnd()).isEqualTo(instant(expected.periodEnd()));
    assertThat(invoice.issuedAt()).isEqualTo(expected.issuedAt());
    // Each usage line, its credit as a negative line right after it, the tax last: they add up.
    Currency currency = invoice.currency();
    List<InvoiceLine> lines = invoice.lines();
    int next = 0;
    for (DatasetLine wanted : expected.lines()) {
      InvoiceLine line = lines.get(next++);
      assertThat(line.description()).isEqualTo(wanted.description());
      assertThat(line.product()).isEqualTo(wanted.product());
      assertThat(line.productGroup()).isEqualTo(wanted.productGroup());
      assertThat(line.region()).isEqualTo(wanted.region());
      assertThat(line.unit()).isEqualTo(wanted.unit());
      assertThat(line.attributes()).containsEntry("product_line", wanted.productLine())
          .doesNotContainKey("credit_coupon_code");
      assertThat(line.amount()).isEqualTo(Money.of(wanted.amount(), currency));
      assertThat(line.quantity()).isEqualTo(wanted.quantity());
      if (line.unitPrice() != null) assertThat(line.unitPrice()).isEqualTo(wanted.unitPrice());
      if (wanted.discount().signum() != 0) {
        InvoiceLine credit = lines.get(next++);
        assertThat(credit.description()).isEqualTo("Credit: " + wanted.description());
        assertThat(credit.amount()).isEqualTo(Money.of(wanted.discount().negate(), currency));
        assertThat(credit.attributes()).containsEntry("credit_coupon_code", "SANDBOX-CREDIT");
      }
    }
    if (expected.tax().signum() != 0) {
      InvoiceLine tax = lines.get(next++);
      assertThat(tax.description()).isEqualTo("Tax");
      assertThat(tax.amount()).isEqualTo(Money.of(expected.tax(), currency));
    }
    assertThat(next).isEqualTo(lines.size());
    assertThat(lines.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
        .as("the lines of %s add up to its total", id).isEqualByComparingTo(invoice.total().amount());
  }

  @Test void streamReadsWholeDatasetInOrderExactly() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(1000).build());
        InvoiceProvider fastly = provider(sandbox);
        Stream<Invoice> stream = fastly.stream(InvoiceQuery.all())) {
      List<Invoice> invoices = stream.collect(Collectors.toList());

      List<DatasetInvoice> expected = sandbox.dataset().list();
      assertThat(invoices).hasSize(1000);
      assertThat(invoices.stream().map(Invoice::id).distinct().count()).isEqualTo(1000);
      for (int i = 0; i < expected.size(); i++) assertSame(sandbox, invoices.get(i), expected.get(i));
      assertThat(invoices).anyMatch(invoice -> invoice.id().matches("\\d+"));
      assertThat(invoices).anyMatch(invoice -> invoice.currency().getCurrencyCode().equals("JPY"));
      assertThat(invoices).flatExtracting(Invoice::lines).anyMatch(line -> line.unitPrice() == null);
      assertThat(sandbox.requestCount()).isEqualTo(5);
    }
  }

  @Test void listPagesByCursorWithTotal() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(250).build());
        InvoiceProvider fastly = provider(sandbox, "page-size", "100")) {
      Page<Invoice> first = fastly.list(InvoiceQuery.all());
      Page<Invoice> second = fastly.list(InvoiceQuery.all().withPageToken(first.nextPageToken().orElseThrow()));
      Page<Invoice> third = fastly.list(InvoiceQuery.all().withPageToken(second.nextPageToken().orElseThrow()));

      assertThat(first.totalCount()).hasValue(250);
      assertThat(first.items()).hasSize(100);
      assertThat(second.items().get(0).id()).isEqualTo(sandbox.invoiceId(100));
      assertThat(third.items()).hasSize(50);
      assertThat(third.nextPageToken()).isEmpty();
    }
  }

  @Test void periodAndCustomerFiltersMatchTheDataset() {
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    Instant to = Instant.parse("2026-06-15T00:00:00Z");
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(1000).build());
        InvoiceProvider fastly = provider(sandbox)) {
      String customer = sandbox.dataset().customerId(3);
      List<String> ids = fastly.stream(InvoiceQuery.builder().periodFrom(from).periodTo(to)
              .customerId(customer).build())
          .map(Invoice::id).collect(Collectors.toList());

      List<String> expected = sandbox.dataset().stream()
          .filter(invoice -> invoice.customerId().equals(customer))
          .filter(invoice -> !instant(invoice.periodStart()).isBefore(from)
              && instant(invoice.periodStart()).isBefore(to))
          .map(invoice -> sandbox.invoiceId(invoice.index()))
          .collect(Collectors.toList());
      assertThat(expected).hasSize(4);
      assertThat(ids).containsExactlyElementsOf(expected);
      assertThat(sandbox.requestCount()).isEqualTo(1); // the widened dates still narrow the listing
    }
  }

  @Test void getReadsBothIdStylesAndMissesAsEmpty() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(100).build());
        InvoiceProvider fastly = provider(sandbox)) {
      assertSame(sandbox, fastly.get(sandbox.invoiceId(7)).orElseThrow(), sandbox.dataset().invoice(7));
      assertThat(sandbox.invoiceId(95)).matches("\\d+");
      assertSame(sandbox, fastly.get(sandbox.invoiceId(95)).orElseThrow(), sandbox.dataset().invoice(95));
      assertThat(fastly.get("INV-1")).isEmpty();
      assertThat(fastly.get("../x?y#z %/ü")).isEmpty();
    }
  }

  @Test void previewReadsMonthToDateAfter202s() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder()
            .vendorOption("mtd-accepted-first", "2").build());
        InvoiceProvider fastly = provider(sandbox, "max-retries", "2")) {
      Invoice preview = fastly.preview(PreviewRequest.upcoming());

      DatasetInvoice upcoming = sandbox.dataset().upcoming(0);
      assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
      assertThat(preview.currency().getCurrencyCode()).isEqualTo("USD");
      assertThat(preview.total().amount()).isEqualByComparingTo(sandbox.monthToDateAmount());
      assertThat(preview.customerId()).isEqualTo(upcoming.customerId());
      assertThat(preview.periodStart()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
      assertThat(preview.periodEnd()).isEqualTo(Instant.parse("2026-10-04T07:30:00Z"));
      assertThat(preview.lines()).hasSize(upcoming.lines().size()
          + (int) upcoming.lines().stream().filter(line -> line.discount().signum() != 0).count()
          + (upcoming.tax().signum() != 0 ? 1 : 0));
      assertThat(preview.lines().stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(preview.total().amount());
      assertThat(sandbox.requestCount()).isEqualTo(3);
    }
  }

  @Test void pascalSpelledLineItemsReadTheSame() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(300)
            .vendorOption("line-item-spelling", "pascal").build());
        InvoiceProvider fastly = provider(sandbox)) {
      List<Invoice> invoices = fastly.stream(InvoiceQuery.all()).collect(Collectors.toList());

      for (int i = 0; i < invoices.size(); i++) {
        assertSame(sandbox, invoices.get(i), sandbox.dataset().invoice(i));
      }
      assertThat(fastly.preview(PreviewRequest.upcoming()).lines())
          .allSatisfy(line -> assertThat(line.productGroup()).isNotNull());
    }
  }

  @Test void rejectedCredentialsAreAuthenticationException() {
    try (FastlySandbox sandbox = FastlySandbox.start(
            SandboxOptions.builder().rejectCredentials(true).build());
        InvoiceProvider fastly = provider(sandbox)) {
      assertThatThrownBy(() -> fastly.list(InvoiceQuery.all()))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.detail()).isEqualTo("Provided credentials are missing or invalid");
            assertThat(e.getMessage()).doesNotContain(sandbox.options().credential());
          });
    }
  }

  @Test void streamSurvivesInjectedFaults() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(1000)
            .seed(7).faultPercent(40).faults(Fault.RATE_LIMIT, Fault.UNAVAILABLE, Fault.DISCONNECT)
            .retryAfterSeconds(0).build());
        InvoiceProvider fastly = provider(sandbox, "max-retries", "8", "page-size", "100")) {
      List<String> ids = fastly.stream(InvoiceQuery.all()).map(Invoice::id).collect(Collectors.toList());

      assertThat(ids).containsExactlyElementsOf(
          sandbox.dataset().stream().map(invoice -> sandbox.invoiceId(invoice.index()))
              .collect(Collectors.toList()));
      assertThat(sandbox.faultCount()).isPositive();
    }
  }
}
