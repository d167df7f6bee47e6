package dev.invoicekit.examples.spring;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import java.io.PrintStream;
import java.util.stream.Stream;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot host: the starter makes the {@link InvoiceProvider} from {@code invoicekit.*}
 * (application.properties, YAML or {@code INVOICEKIT_*} environment variables); this application
 * only uses it. Run with {@code INVOICEKIT_PROVIDER=fastly INVOICEKIT_FASTLY_API_TOKEN=...}.
 */
@SpringBootApplication
public class InvoiceReportApplication {
  public static void main(String[] args) {
    SpringApplication.run(InvoiceReportApplication.class, args);
  }

  /** Prints one line per invoice and the number read. */
  @Bean CommandLineRunner report(InvoiceProvider invoices) {
    return args -> print(invoices, System.out);
  }

  static void print(InvoiceProvider invoices, PrintStream out) {
    long count;
    try (Stream<Invoice> all = invoices.stream(InvoiceQuery.all())) {
      count = all.peek(invoice -> out.println(invoice.id() + " " + invoice.total().amount() + " "
          + invoice.currency() + " " + invoice.status())).count();
    }
    out.println(count + " invoices from " + invoices.id());
  }
}
