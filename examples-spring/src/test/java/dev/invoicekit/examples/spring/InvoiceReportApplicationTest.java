package dev.invoicekit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.fastly.sandbox.FastlySandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

final class InvoiceReportApplicationTest {
  @Test void theApplicationReadsTheConfiguredVendor() {
    try (FastlySandbox sandbox = FastlySandbox.start(SandboxOptions.builder().invoices(5).build())) {
      List<String> arguments = new ArrayList<>();
      sandbox.providerSettings().forEach((key, value) -> arguments.add("--invoicekit.fastly." + key + "=" + value));
      PrintStream stdout = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      InvoiceProvider provider;
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(InvoiceReportApplication.class)
          .web(WebApplicationType.NONE).run(arguments.toArray(String[]::new))) {
        provider = context.getBean(InvoiceProvider.class);
      } finally {
        System.setOut(stdout);
      }
      String output = captured.toString(StandardCharsets.UTF_8);
      assertThat(output).contains("5 invoices from fastly");
      assertThat(output.lines().filter(line -> line.matches("\\S+ \\d+(\\.\\d+)? [A-Z]{3} [A-Z]+"))).hasSize(5);
      assertThat(output).doesNotContain(sandbox.providerSettings().get("api-token"));
      // Closed with the context: any call now throws.
      assertThatThrownBy(() -> provider.list(InvoiceQuery.all())).isInstanceOf(IllegalStateException.class);
    }
  }
}
