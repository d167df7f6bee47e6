package dev.invoicekit.fastly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.fastly.sandbox.FastlySandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.spi.ProviderConfig;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The host-application test shown in the README's Fastly section, kept compiling and passing here. */
final class FastlySandboxUsageTest {
  @Test void hostTestReadsEveryInvoiceFromTheSandbox() {
    SandboxOptions options = SandboxOptions.builder()
        .invoices(500)
        .vendorOption("line-item-spelling", "pascal") // the 2024 spelling: ProductName, ...
        .vendorOption("mtd-accepted-first", "1")      // month-to-date answers 202 once
        .build();
    try (FastlySandbox fastly = FastlySandbox.start(options);
        InvoiceProvider invoices = InvoiceProviders.create("fastly",
            ProviderConfig.builder("fastly").setAll(fastly.providerSettings()).build())) {
      List<Invoice> all;
      try (Stream<Invoice> stream = invoices.stream(InvoiceQuery.all())) {
        all = stream.collect(Collectors.toList());
      }
      assertThat(all).hasSize(fastly.dataset().size());
      assertThat(all.get(0).id()).isEqualTo(fastly.invoiceId(0));
      assertThat(invoices.get(fastly.invoiceId(42))).isPresent();
      assertThat(invoices.preview(PreviewRequest.upcoming()).status()).isEqualTo(InvoiceStatus.DRAFT);
    }
  }
}
