package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TableOutputTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test void listAlignsColumnsAndRightAlignsMoney() {
    try (InvoiceSink sink = TableOutput.list(out)) {
      sink.add(SampleInvoices.usd("inv_1", "9.5"));
      sink.add(SampleInvoices.usd("inv_22", "1234.56"));
      sink.add(SampleInvoices.minimal("in_333", "1000"));
      sink.finish();
    }

    List<String> lines = text.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("PROVIDER").contains("TOTAL").endsWith("CURRENCY");
    int currencyColumn = lines.get(0).indexOf("CURRENCY");
    int totalEnd = lines.get(0).indexOf("TOTAL") + "TOTAL".length();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line.substring(currencyColumn)).as(line).matches("[A-Z]{3}");
      assertThat(line.charAt(totalEnd - 1)).as(line).isNotEqualTo(' ');
      assertThat(line.charAt(totalEnd)).as(line).isEqualTo(' ');
    }
    assertThat(lines.get(1)).contains("2026-08").contains("   9.50  USD");
    assertThat(lines.get(3)).contains(" - ").contains("1000  JPY"); // no period: a dash
  }

  @Test void totalsLinePerCurrencyIsTheSumOfTheListedAmounts() {
    try (InvoiceSink sink = TableOutput.list(out)) {
      sink.add(SampleInvoices.usd("inv_1", "0.10"));
      sink.add(SampleInvoices.minimal("in_2", "1000"));
      sink.add(SampleInvoices.usd("inv_3", "0.20"));
      sink.add(SampleInvoices.usd("inv_4", "0.000125"));
      sink.finish();
    }

    List<String> lines = text.toString().lines().toList();
    assertThat(lines).hasSize(1 + 4 + 2);
    assertThat(lines.get(5).split("\\s+")).containsExactly("total", "1", "invoice", "1000", "JPY");
    assertThat(lines.get(6).split("\\s+")).containsExactly("total", "3", "invoices", "0.300125", "USD");
  }

  @Test void longListingStreamsAfterTheSizingRows() {
    InvoiceSink sink = TableOutput.list(out);
    for (int i = 0; i < TableOutput.SIZING_ROWS; i++) sink.add(SampleInvoices.usd("inv_" + i, "1"));
    out.flush();
    assertThat(text.toString().lines()).hasSize(1 + TableOutput.SIZING_ROWS);

    sink.add(SampleInvoices.usd("inv_last", "1"));
    out.flush();
    assertThat(text.toString()).contains("inv_last");
    sink.finish();
    sink.close();
    assertThat(text.toString().lines().reduce((a, b) -> b).orElseThrow().split("\\s+"))
        .containsExactly("total", (TableOutput.SIZING_ROWS + 1) + "", "invoices", "1001.00", "USD");
  }

  @Test void failedListingStillShowsTheRowsSoFarWithoutTotals() {
    try (InvoiceSink sink = TableOutput.list(out)) {
      sink.add(SampleInvoices.usd("inv_1", "1"));
      // no finish(): the stream failed
    }
    assertThat(text.toString()).contains("inv_1").doesNotContain("total");
  }

  @Test void singleShowsTheFieldsAndTheLines() {
    TableOutput.single(out, SampleInvoices.full());

    String table = text.toString();
    assertThat(table).contains("status       PAID (paid)")
        .contains("period       2026-09")
        .contains("paid         2026-10-02T09:15:30.250Z")
        .contains("total        129.50 USD")
        .contains("description  September, \"as agreed\" second line")
        .contains("attributes   billing_reason=subscription_cycle, invoice_origin=auto");
    List<String> lines = table.lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("DESCRIPTION")).findFirst().orElseThrow());
    assertThat(lines.get(header + 1).split("\\s{2,}"))
        .containsExactly("Requests Europe", "Requests", "Europe", "4000", "requests", "0.000125", "0.50", "-");
    assertThat(lines.get(header + 2)).contains("146017.0369").contains("0.00089031").endsWith("11.00");
  }

  @Test void singleWithoutLinesSaysSo() {
    TableOutput.single(out, SampleInvoices.minimal("in_1", "5"));

    assertThat(text.toString()).containsPattern("lines +none").doesNotContain("DESCRIPTION");
  }
}
