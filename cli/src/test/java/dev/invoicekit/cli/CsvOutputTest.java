package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvOutputTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test void headerNamesTheScalarComponentsOfInvoice() {
    List<String> scalars = new ArrayList<>(Arrays.stream(Invoice.class.getRecordComponents())
        .map(RecordComponent::getName).toList());
    scalars.removeAll(List.of("lines", "attributes"));

    assertThat(CsvOutput.HEADER).isEqualTo(scalars);
  }

  @Test void rowsEndInCrlfAndQuoteCommasQuotesAndLineBreaks() {
    try (InvoiceSink sink = CsvOutput.list(out)) {
      sink.add(SampleInvoices.full());
      sink.add(SampleInvoices.minimal("in_2", "1000"));
      sink.finish();
    }

    String csv = text.toString();
    assertThat(csv).startsWith(String.join(",", CsvOutput.HEADER) + "\r\n").endsWith("\r\n");
    List<List<String>> rows = parse(csv);
    assertThat(rows).hasSize(3);
    List<String> full = rows.get(1);
    assertThat(full).hasSize(CsvOutput.HEADER.size());
    assertThat(full.get(CsvOutput.HEADER.indexOf("description"))).isEqualTo("September, \"as agreed\"\nsecond line");
    assertThat(full.get(CsvOutput.HEADER.indexOf("total"))).isEqualTo("129.50");
    assertThat(full.get(CsvOutput.HEADER.indexOf("periodStart"))).isEqualTo("2026-09-01T00:00:00Z");
    assertThat(csv).contains(",\"September, \"\"as agreed\"\"\nsecond line\"\r\n");
    List<String> minimal = rows.get(2);
    assertThat(minimal.get(CsvOutput.HEADER.indexOf("total"))).isEqualTo("1000");
    assertThat(minimal.get(CsvOutput.HEADER.indexOf("number"))).isEmpty();
  }

  @Test void singleInvoiceIsAHeaderAndOneRow() {
    CsvOutput.single(out, SampleInvoices.usd("inv_1", "0.000125"));

    List<List<String>> rows = parse(text.toString());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(CsvOutput.HEADER.indexOf("total"))).isEqualTo("0.000125");
  }

  @Test void emptyListingIsTheHeaderAndFailedListingNothing() {
    try (InvoiceSink sink = CsvOutput.list(out)) {
      // failed before the first invoice
    }
    assertThat(text.toString()).isEmpty();

    try (InvoiceSink sink = CsvOutput.list(out)) {
      sink.finish();
    }
    assertThat(parse(text.toString())).containsExactly(CsvOutput.HEADER);
  }

  @Test void plainFieldsAreNotQuoted() {
    assertThat(Csv.field("inv_1")).isEqualTo("inv_1");
    assertThat(Csv.field(null)).isEmpty();
    assertThat(Csv.field("a\rb")).isEqualTo("\"a\rb\"");
  }

  /** A strict RFC 4180 reader: every record ends in CRLF. */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        assertThat(c).as("bare line break outside quotes at %d", i).isNotIn('\r', '\n');
        field.append(c);
      }
    }
    assertThat(row).as("the last record ends in CRLF").isEmpty();
    return rows;
  }
}
