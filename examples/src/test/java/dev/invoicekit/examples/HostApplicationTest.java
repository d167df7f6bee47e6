package dev.invoicekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.guice.InvoiceKitModule;
import dev.invoicekit.sandbox.Sandbox;
import dev.invoicekit.sandbox.SandboxOptions;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
final class HostApplicationTest {
  /** Mid-October 2026: last month is September, the sandboxes' newest. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-15T08:00:00Z"), ZoneOffset.UTC);
  private static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");

  private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();
  private final Properties properties = new Properties();

  @BeforeEach void startEverySandbox() {
    for (String id : InvoiceProviders.available()) {
      Sandbox sandbox = Sandboxes.start(id, SandboxOptions.defaults());
      sandboxes.put(id, sandbox);
      sandbox.providerSettings().forEach((key, value) ->
          properties.setProperty("invoicekit." + id + "." + key, value));
    }
  }

  @AfterEach void closeSandboxes() {
    sandboxes.values().forEach(Sandbox::close);
  }

  @Test void changingOnlyTheProviderPropertySwitchesTheVendor() {
    assertThat(sandboxes).hasSizeGreaterThan(1);
    for (String id : sandboxes.keySet()) {
      Map<String, Integer> before = requestCounts();
      properties.setProperty(InvoiceProviders.PROVIDER_PROPERTY, id); // the only change

      Injector injector = Guice.createInjector(new InvoiceKitModule(properties),
          binder -> binder.bind(Clock.class).toInstance(CLOCK));
      HostApplication application = injector.getInstance(HostApplication.class);
      List<Invoice> invoices;
      StringWriter printed = new StringWriter();
      InvoiceProvider provider = injector.getInstance(InvoiceProvider.class); // a singleton
      try {
        invoices = application.lastMonth();
        application.printLastMonth(new PrintWriter(printed));
      } finally {
        provider.close();
      }

      assertThat(invoices).as(id).isNotEmpty().allSatisfy(invoice -> {
        assertThat(invoice.provider()).isEqualTo(id);
        Instant start = invoice.periodStart() != null ? invoice.periodStart() : invoice.issuedAt();
        assertThat(start).isBetween(FROM, TO.minusNanos(1));
      });
      assertThat(printed.toString().lines()).hasSize(invoices.size())
          .allSatisfy(line -> assertThat(line).startsWith(id + " "));
      Map<String, Integer> after = requestCounts();
      sandboxes.keySet().forEach(other -> {
        if (other.equals(id)) {
          assertThat(after.get(other)).as(other).isGreaterThan(before.get(other));
        } else {
          assertThat(after.get(other)).as(other).isEqualTo(before.get(other));
        }
      });
    }
  }

  private Map<String, Integer> requestCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    sandboxes.forEach((id, sandbox) -> counts.put(id, sandbox.requestCount()));
    return counts;
  }
}
