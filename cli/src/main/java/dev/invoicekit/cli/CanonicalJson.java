package dev.invoicekit.cli;

import com.squareup.moshi.JsonWriter;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.Money;
import java.io.IOException;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of an invoice (SPEC §5): keys are the record component names of
 * {@link Invoice} and {@link InvoiceLine}, all present, null where unknown.
 *
 * <p>Money is the decimal string of its canonical amount ({@code "129.50"}), with the invoice's
 * currency once, as {@code "currency":"USD"}; line quantities and unit prices are decimal strings
 * too, so no consumer reads an amount through a double. Instants are ISO-8601 UTC, enums by name,
 * the PDF URL a string, attributes an object in key order.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  static void write(JsonWriter json, Invoice invoice) throws IOException {
    write(json, invoice, null);
  }

  /** Writes {@code invoice}, first with the key {@code "instance"} if {@code instance} is not null. */
  static void write(JsonWriter json, Invoice invoice, String instance) throws IOException {
    json.beginObject();
    if (instance != null) json.name("instance").value(instance);
    json.name("provider").value(invoice.provider());
    json.name("id").value(invoice.id());
    json.name("number").value(invoice.number());
    json.name("customerId").value(invoice.customerId());
    json.name("status").value(invoice.status().name());
    json.name("vendorStatus").value(invoice.vendorStatus());
    json.name("currency").value(invoice.currency().getCurrencyCode());
    json.name("periodStart").value(Text.iso(invoice.periodStart()));
    json.name("periodEnd").value(Text.iso(invoice.periodEnd()));
    json.name("issuedAt").value(Text.iso(invoice.issuedAt()));
    json.name("dueAt").value(Text.iso(invoice.dueAt()));
    json.name("paidAt").value(Text.iso(invoice.paidAt()));
    json.name("subtotal").value(Text.amount(invoice.subtotal()));
    json.name("tax").value(Text.amount(invoice.tax()));
    json.name("discount").value(Text.amount(invoice.discount()));
    json.name("total").value(Text.amount(invoice.total()));
    json.name("amountDue").value(Text.amount(invoice.amountDue()));
    json.name("amountPaid").value(Text.amount(invoice.amountPaid()));
    json.name("amountRemaining").value(Text.amount(invoice.amountRemaining()));
    json.name("lines").beginArray();
    for (InvoiceLine line : invoice.lines()) write(json, line, invoice.currency());
    json.endArray();
    json.name("pdfUrl").value(invoice.pdfUrl() == null ? null : invoice.pdfUrl().toString());
    json.name("description").value(invoice.description());
    attributes(json.name("attributes"), invoice.attributes());
    json.endObject();
  }

  private static void write(JsonWriter json, InvoiceLine line, Currency currency) throws IOException {
    json.beginObject();
    json.name("id").value(line.id());
    json.name("description").value(line.description());
    json.name("product").value(line.product());
    json.name("productGroup").value(line.productGroup());
    json.name("quantity").value(Text.decimal(line.quantity()));
    json.name("unit").value(line.unit());
    json.name("unitPrice").value(Text.decimal(line.unitPrice()));
    json.name("amount").value(lineAmount(line.amount(), currency));
    json.name("discount").value(lineAmount(line.discount(), currency));
    json.name("periodStart").value(Text.iso(line.periodStart()));
    json.name("periodEnd").value(Text.iso(line.periodEnd()));
    json.name("region").value(line.region());
    attributes(json.name("attributes"), line.attributes());
    json.endObject();
  }

  /** A line amount, whose currency the JSON leaves to the invoice: it must be the invoice's. */
  private static String lineAmount(Money money, Currency currency) {
    if (money != null && !money.currency().equals(currency)) {
      throw new IllegalStateException("a line amount is in " + money.currency().getCurrencyCode()
          + ", its invoice in " + currency.getCurrencyCode() + ": not expressible as canonical JSON");
    }
    return Text.amount(money);
  }

  private static void attributes(JsonWriter json, Map<String, String> attributes) throws IOException {
    json.beginObject();
    for (Map.Entry<String, String> entry : new TreeMap<>(attributes).entrySet()) {
      json.name(entry.getKey()).value(entry.getValue());
    }
    json.endObject();
  }
}
