package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.Money;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonOutputTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test void keysAreTheRecordComponentNamesInOrder() throws IOException {
    JsonOutput.single(out, SampleInvoices.full());

    Map<String, Object> invoice = object(JSON.fromJson(text.toString()));
    assertThat(invoice.keySet()).containsExactly(componentNames(Invoice.class));
    Map<String, Object> line = object(((List<?>) invoice.get("lines")).get(0));
    assertThat(line.keySet()).containsExactly(componentNames(InvoiceLine.class));
  }

  @Test void valuesFollowTheCanonicalForm() throws IOException {
    JsonOutput.single(out, SampleInvoices.full());

    Map<String, Object> invoice = object(JSON.fromJson(text.toString()));
    assertThat(invoice).containsEntry("provider", "fastly")
        .containsEntry("status", "PAID")
        .containsEntry("currency", "USD")
        .containsEntry("periodStart", "2026-09-01T00:00:00Z")
        .containsEntry("paidAt", "2026-10-02T09:15:30.250Z")
        .containsEntry("subtotal", "130.50")
        .containsEntry("total", "129.50")
        .containsEntry("amountRemaining", "0.00")
        .containsEntry("pdfUrl", "https://example.test/invoices/inv_2026_09.pdf")
        .containsEntry("description", "September, \"as agreed\"\nsecond line")
        .containsEntry("attributes", Map.of("billing_reason", "subscription_cycle", "invoice_origin", "auto"));
    Map<String, Object> line = object(((List<?>) invoice.get("lines")).get(0));
    assertThat(line).containsEntry("amount", "0.50")
        .containsEntry("quantity", "4000")
        .containsEntry("unitPrice", "0.000125")
        .containsEntry("discount", null)
        .containsEntry("attributes", Map.of("product_line", "Network Services"));
    // Exact: the sub-cent quantity survives as text, never through a double.
    assertThat(object(((List<?>) invoice.get("lines")).get(1))).containsEntry("quantity", "146017.0369");
  }

  @Test void unknownFieldsAreNullNotMissing() throws IOException {
    JsonOutput.single(out, SampleInvoices.minimal("in_1", "1000"));

    Map<String, Object> invoice = object(JSON.fromJson(text.toString()));
    assertThat(invoice.keySet()).containsExactly(componentNames(Invoice.class));
    assertThat(invoice).containsEntry("number", null)
        .containsEntry("periodStart", null)
        .containsEntry("subtotal", null)
        .containsEntry("pdfUrl", null)
        .containsEntry("total", "1000")
        .containsEntry("currency", "JPY")
        .containsEntry("lines", List.of())
        .containsEntry("attributes", Map.of());
  }

  @Test void listStreamsOneArrayElementByElement() throws IOException {
    InvoiceSink sink = JsonOutput.list(out);
    sink.add(SampleInvoices.usd("inv_1", "10"));
    out.flush();
    // The first invoice is out before the listing ends: nothing is held back.
    assertThat(text.toString()).startsWith("[").contains("\"inv_1\"").doesNotContain("]\n");

    sink.add(SampleInvoices.minimal("in_2", "5"));
    sink.finish();
    sink.close();

    List<?> array = (List<?>) JSON.fromJson(text.toString());
    assertThat(array).extracting(invoice -> object(invoice).get("id")).containsExactly("inv_1", "in_2");
  }

  @Test void emptyListIsAnEmptyArray() throws IOException {
    try (InvoiceSink sink = JsonOutput.list(out)) {
      sink.finish();
    }
    assertThat(JSON.fromJson(text.toString())).isEqualTo(List.of());
  }

  @Test void listingThatFailsBeforeItsFirstInvoicePrintsNothing() {
    try (InvoiceSink sink = JsonOutput.list(out)) {
      // no invoice, no finish(): the first page failed
    }
    assertThat(text.toString()).isEmpty();
  }

  @Test void lineInAnotherCurrencyIsRefused() {
    Invoice invoice = SampleInvoices.usd("inv_1", "10").toBuilder()
        .addLine(InvoiceLine.builder("yen", Money.of("5", "JPY")).build())
        .build();

    assertThatThrownBy(() -> JsonOutput.single(out, invoice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JPY");
  }

  static String[] componentNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object json) {
    return (Map<String, Object>) json;
  }
}
