package dev.invoicekit.flexprice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.flexprice.sandbox.FlexpriceSandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The host-test example of the README's Flexprice section, kept compiling and passing here. */
final class FlexpriceReadmeExampleTest {
  @Test void readsInvoicesFromTheSandbox() {
    try (FlexpriceSandbox flexprice = FlexpriceSandbox.start(
        SandboxOptions.builder().invoices(500).build())) {
      Properties properties = new Properties();
      properties.setProperty("invoicekit.provider", "flexprice");
      flexprice.providerSettings().forEach((key, value) ->
          properties.setProperty("invoicekit.flexprice." + key, value));

      try (InvoiceProvider invoices = InvoiceProviders.fromProperties(properties)) {
        List<Invoice> all = invoices.stream(InvoiceQuery.all()).toList();
        assertThat(all).hasSize(500);

        Invoice first = invoices.get(flexprice.invoiceId(0)).orElseThrow();
        assertThat(first.lines()).isNotEmpty();

        Invoice next = invoices.preview(PreviewRequest.builder()
            .subscriptionId(flexprice.subscriptionId(0))
            .build());
        assertThat(next.status()).isEqualTo(InvoiceStatus.DRAFT);
      }
    }
  }
}
