package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import dev.invoicekit.fastly.internal.FastlyInvoice;
import dev.invoicekit.flexprice.internal.FlexpriceInvoice;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
final class GetBenchmarkTest {
  @ParameterizedTest
  @ValueSource(strings = {"fastly", "flexprice"})
  void invoiceKitAndTheBaselineReadTheSame200LineInvoice(String provider) {
    GetBenchmark benchmark = new GetBenchmark();
    benchmark.provider = provider;
    benchmark.setUp();
    try {
      Invoice invoice = benchmark.invoiceKit();
      Object wire = benchmark.baseline();

      assertThat(invoice.lines()).hasSize(GetBenchmark.LINES);
      if (wire instanceof FastlyInvoice) {
        FastlyInvoice fastly = (FastlyInvoice) wire;
        assertThat(fastly.transactionLineItems()).hasSize(GetBenchmark.LINES);
        assertThat(fastly.invoiceId()).isEqualTo(invoice.id());
        assertThat(fastly.monthlyTransactionAmount()).isEqualByComparingTo(invoice.total().amount());
      } else {
        FlexpriceInvoice flexprice = (FlexpriceInvoice) wire;
        assertThat(flexprice.lineItems()).hasSize(GetBenchmark.LINES);
        assertThat(flexprice.id()).isEqualTo(invoice.id());
        assertThat(flexprice.total()).isEqualByComparingTo(invoice.total().amount());
      }
    } finally {
      benchmark.tearDown();
    }
  }

  @Test void jmhGeneratedTheBenchmarkList() throws IOException {
    try (InputStream list = GetBenchmark.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(list).as("the JMH annotation processor ran").isNotNull();
      assertThat(new String(list.readAllBytes(), StandardCharsets.UTF_8))
          .contains(GetBenchmark.class.getName(), "invoiceKit", "baseline");
    }
  }
}
