package dev.invoicekit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.cloudflare.sandbox.CloudflareSandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {
  @Test void readsEveryInvoiceFromTheSandbox() {
    try (CloudflareSandbox cloudflare = CloudflareSandbox.start(
            SandboxOptions.builder().invoices(250).build());
        InvoiceProvider invoices = InvoiceProviders.create("cloudflare",
            ProviderConfig.builder("cloudflare").setAll(cloudflare.providerSettings()).build())) {
      List<Invoice> manual;
      try (Stream<Invoice> stream = invoices.stream(
          InvoiceQuery.builder().vendorParameter("type", "manual").build())) {
        manual = stream.toList();
      }
      assertThat(manual).hasSize(83);
      assertThat(invoices.get(cloudflare.invoiceId(42))).isPresent();
      assertThat(invoices.preview(PreviewRequest.upcoming()).status()).isEqualTo(InvoiceStatus.DRAFT);
    }
  }
}
