package dev.invoicekit.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.Money;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.sandbox.DatasetInvoice;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.stripe.sandbox.StripeSandbox;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against its emulator: lines beyond the embedded page, filters, the preview. */
@Timeout(60)
final class StripeSandboxIntegrationTest {
  private final StripeSandbox stripe = StripeSandbox.start(SandboxOptions.builder().invoices(40)
      .linesPerInvoice(25).build());
  private final InvoiceProvider provider = InvoiceProviders.create("stripe", ProviderConfig.builder("stripe")
      .environment(name -> null).setAll(stripe.providerSettings()).set("page-size", "7").build());

  @AfterEach void close() {
    provider.close();
    stripe.close();
  }

  @Test void getReadsEveryLineAcrossTheLinesEndpoint() {
    Invoice invoice = provider.get(stripe.invoiceId(4)).orElseThrow();
    DatasetInvoice expected = stripe.dataset().invoice(4);

    assertThat(invoice.lines()).hasSize(25);
    assertThat(invoice.lines()).extracting(line -> line.amount().amount())
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactlyElementsOf(expected.lines().stream().map(line -> line.amount()).collect(Collectors.toList()));
    assertThat(invoice.total().amount()).isEqualByComparingTo(expected.total());
    assertThat(invoice.tax().amount()).isEqualByComparingTo(expected.tax());
    assertThat(invoice.discount().amount()).isEqualByComparingTo(expected.discount());
  }

  @Test void streamWithPeriodAndCustomerMatchesTheDataSetExactly() {
    Instant from = stripe.dataset().invoice(30).periodStart().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant to = stripe.dataset().invoice(10).periodStart().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    String customer = StripeSandbox.customerId(stripe.dataset().customerId(1));
    InvoiceQuery query = InvoiceQuery.builder().periodFrom(from).periodTo(to).customerId(customer).build();

    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < stripe.dataset().size(); i++) {
      DatasetInvoice invoice = stripe.dataset().invoice(i);
      Instant start = invoice.periodStart().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      if (!start.isBefore(from) && start.isBefore(to)
          && StripeSandbox.customerId(invoice.customerId()).equals(customer)) {
        expected.add(stripe.invoiceId(i));
      }
    }
    try (Stream<Invoice> invoices = provider.stream(query)) {
      assertThat(invoices.map(Invoice::id).collect(Collectors.toList())).isNotEmpty().isEqualTo(expected);
    }
  }

  @Test void previewOfTheSandboxSubscriptionIsTheUpcomingDraft() {
    Invoice preview = provider.preview(PreviewRequest.builder().subscriptionId(stripe.previewSubscriptionId()).build());
    DatasetInvoice upcoming = stripe.dataset().upcoming(0);
    assertThat(preview.status()).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(preview.total()).isEqualTo(Money.of(upcoming.total().toPlainString(), upcoming.currency()));
    assertThat(preview.id()).startsWith("upcoming_in_");
  }
}
