package dev.invoicekit;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An invoice as any vendor bills it, in one common shape.
 *
 * <p>Components documented as nullable are null where the vendor does not say. Every {@link Money}
 * of the invoice itself is in {@link #currency()}. The period is half-open: {@code [periodStart,
 * periodEnd)}.
 *
 * @param provider the provider id that read this invoice, like {@code "acme"}
 * @param id the vendor's identifier; for a preview, an identifier that may not be fetchable later
 * @param number the human-readable invoice or statement number; nullable
 * @param customerId the vendor's customer or account identifier; nullable
 * @param status the common status
 * @param vendorStatus the vendor's own status text; nullable
 * @param currency the invoice currency
 * @param periodStart the start of the billed period, inclusive; nullable
 * @param periodEnd the end of the billed period, exclusive; nullable
 * @param issuedAt when the invoice was issued (finalized, posted, created); nullable
 * @param dueAt when payment is due; nullable
 * @param paidAt when it was paid; nullable
 * @param subtotal the amount before tax and discounts; nullable
 * @param tax the tax; nullable
 * @param discount the discounts and credits applied, as a positive amount; nullable
 * @param total the invoice total
 * @param amountDue the amount to be paid
 * @param amountPaid the amount paid so far; nullable
 * @param amountRemaining the amount still outstanding; nullable
 * @param lines the line items; empty when the vendor's answer carries none
 * @param pdfUrl a link to the vendor's rendering of the invoice; nullable
 * @param description the vendor's description; nullable
 * @param attributes vendor extras worth keeping, under the vendor's own field names
 */
public record Invoice(
    String provider,
    String id,
    String number,
    String customerId,
    InvoiceStatus status,
    String vendorStatus,
    Currency currency,
    Instant periodStart,
    Instant periodEnd,
    Instant issuedAt,
    Instant dueAt,
    Instant paidAt,
    Money subtotal,
    Money tax,
    Money discount,
    Money total,
    Money amountDue,
    Money amountPaid,
    Money amountRemaining,
    List<InvoiceLine> lines,
    URI pdfUrl,
    String description,
    Map<String, String> attributes) {

  /**
   * Checks the components: the required ones are present, the id is not empty, the period does
   * not end before it starts and every amount is in {@code currency}. Copies the collections.
   *
   * @param provider the provider id that read this invoice, like {@code "acme"}
   * @param id the vendor's identifier; for a preview, an identifier that may not be fetchable later
   * @param number the human-readable invoice or statement number; nullable
   * @param customerId the vendor's customer or account identifier; nullable
   * @param status the common status
   * @param vendorStatus the vendor's own status text; nullable
   * @param currency the invoice currency
   * @param periodStart the start of the billed period, inclusive; nullable
   * @param periodEnd the end of the billed period, exclusive; nullable
   * @param issuedAt when the invoice was issued (finalized, posted, created); nullable
   * @param dueAt when payment is due; nullable
   * @param paidAt when it was paid; nullable
   * @param subtotal the amount before tax and discounts; nullable
   * @param tax the tax; nullable
   * @param discount the discounts and credits applied, as a positive amount; nullable
   * @param total the invoice total
   * @param amountDue the amount to be paid
   * @param amountPaid the amount paid so far; nullable
   * @param amountRemaining the amount still outstanding; nullable
   * @param lines the line items; empty when the vendor's answer carries none
   * @param pdfUrl a link to the vendor's rendering of the invoice; nullable
   * @param description the vendor's description; nullable
   * @param attributes vendor extras worth keeping, under the vendor's own field names
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if a component is invalid
   */
  public Invoice {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(currency, "currency == null");
    Objects.requireNonNull(total, "total == null");
    Objects.requireNonNull(amountDue, "amountDue == null");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines == null"));
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes == null"));
    if (id.isEmpty()) throw new IllegalArgumentException("id is empty");
    if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
      throw new IllegalArgumentException(
          "periodEnd " + periodEnd + " is before periodStart " + periodStart);
    }
    requireCurrency("subtotal", subtotal, currency);
    requireCurrency("tax", tax, currency);
    requireCurrency("discount", discount, currency);
    requireCurrency("total", total, currency);
    requireCurrency("amountDue", amountDue, currency);
    requireCurrency("amountPaid", amountPaid, currency);
    requireCurrency("amountRemaining", amountRemaining, currency);
  }

  /**
   * {@return a builder for an invoice read by {@code provider}}
   *
   * @param id the vendor's invoice id
   * @param provider the provider id, like {@code "acme"}
   */
  public static Builder builder(String provider, String id) {
    return new Builder().provider(provider).id(id);
  }

  /** {@return a builder holding this invoice's values} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requireCurrency(String name, Money money, Currency currency) {
    if (money != null && !money.currency().equals(currency)) {
      throw new IllegalArgumentException(name + " is in " + money.currency().getCurrencyCode()
          + ", the invoice in " + currency.getCurrencyCode());
    }
  }

  /** Builds an {@link Invoice}; {@link #build} validates. Not thread-safe. */
  public static final class Builder {
    private String provider;
    private String id;
    private String number;
    private String customerId;
    private InvoiceStatus status = InvoiceStatus.UNKNOWN;
    private String vendorStatus;
    private Currency currency;
    private Instant periodStart;
    private Instant periodEnd;
    private Instant issuedAt;
    private Instant dueAt;
    private Instant paidAt;
    private Money subtotal;
    private Money tax;
    private Money discount;
    private Money total;
    private Money amountDue;
    private Money amountPaid;
    private Money amountRemaining;
    private final List<InvoiceLine> lines = new ArrayList<>();
    private URI pdfUrl;
    private String description;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    Builder() {}

    Builder(Invoice invoice) {
      provider = invoice.provider;
      id = invoice.id;
      number = invoice.number;
      customerId = invoice.customerId;
      status = invoice.status;
      vendorStatus = invoice.vendorStatus;
      currency = invoice.currency;
      periodStart = invoice.periodStart;
      periodEnd = invoice.periodEnd;
      issuedAt = invoice.issuedAt;
      dueAt = invoice.dueAt;
      paidAt = invoice.paidAt;
      subtotal = invoice.subtotal;
      tax = invoice.tax;
      discount = invoice.discount;
      total = invoice.total;
      amountDue = invoice.amountDue;
      amountPaid = invoice.amountPaid;
      amountRemaining = invoice.amountRemaining;
      lines.addAll(invoice.lines);
      pdfUrl = invoice.pdfUrl;
      description = invoice.description;
      attributes.putAll(invoice.attributes);
    }

    /**
     * Sets {@link Invoice#provider()}.
     *
     * @param provider see {@link Invoice#provider()}
     * @return this builder
     */
    public Builder provider(String provider) { this.provider = provider; return this; }
    /**
     * Sets {@link Invoice#id()}.
     *
     * @param id see {@link Invoice#id()}
     * @return this builder
     */
    public Builder id(String id) { this.id = id; return this; }
    /**
     * Sets {@link Invoice#number()}.
     *
     * @param number see {@link Invoice#number()}
     * @return this builder
     */
    public Builder number(String number) { this.number = number; return this; }
    /**
     * Sets {@link Invoice#customerId()}.
     *
     * @param customerId see {@link Invoice#customerId()}
     * @return this builder
     */
    public Builder customerId(String customerId) { this.customerId = customerId; return this; }
    /**
     * Sets {@link Invoice#status()}.
     *
     * @param status see {@link Invoice#status()}
     * @return this builder
     */
    public Builder status(InvoiceStatus status) { this.status = status; return this; }
    /**
     * Sets {@link Invoice#vendorStatus()}.
     *
     * @param vendorStatus see {@link Invoice#vendorStatus()}
     * @return this builder
     */
    public Builder vendorStatus(String vendorStatus) { this.vendorStatus = vendorStatus; return this; }
    /**
     * Sets {@link Invoice#currency()}.
     *
     * @param currency see {@link Invoice#currency()}
     * @return this builder
     */
    public Builder currency(Currency currency) { this.currency = currency; return this; }
    /**
     * Sets {@link Invoice#periodStart()}.
     *
     * @param periodStart see {@link Invoice#periodStart()}
     * @return this builder
     */
    public Builder periodStart(Instant periodStart) { this.periodStart = periodStart; return this; }
    /**
     * Sets {@link Invoice#periodEnd()}.
     *
     * @param periodEnd see {@link Invoice#periodEnd()}
     * @return this builder
     */
    public Builder periodEnd(Instant periodEnd) { this.periodEnd = periodEnd; return this; }
    /**
     * Sets {@link Invoice#issuedAt()}.
     *
     * @param issuedAt see {@link Invoice#issuedAt()}
     * @return this builder
     */
    public Builder issuedAt(Instant issuedAt) { this.issuedAt = issuedAt; return this; }
    /**
     * Sets {@link Invoice#dueAt()}.
     *
     * @param dueAt see {@link Invoice#dueAt()}
     * @return this builder
     */
    public Builder dueAt(Instant dueAt) { this.dueAt = dueAt; return this; }
    /**
     * Sets {@link Invoice#paidAt()}.
     *
     * @param paidAt see {@link Invoice#paidAt()}
     * @return this builder
     */
    public Builder paidAt(Instant paidAt) { this.paidAt = paidAt; return this; }
    /**
     * Sets {@link Invoice#subtotal()}.
     *
     * @param subtotal see {@link Invoice#subtotal()}
     * @return this builder
     */
    public Builder subtotal(Money subtotal) { this.subtotal = subtotal; return this; }
    /**
     * Sets {@link Invoice#tax()}.
     *
     * @param tax see {@link Invoice#tax()}
     * @return this builder
     */
    public Builder tax(Money tax) { this.tax = tax; return this; }
    /**
     * Sets {@link Invoice#discount()}.
     *
     * @param discount see {@link Invoice#discount()}
     * @return this builder
     */
    public Builder discount(Money discount) { this.discount = discount; return this; }
    /**
     * Sets {@link Invoice#total()}.
     *
     * @param total see {@link Invoice#total()}
     * @return this builder
     */
    public Builder total(Money total) { this.total = total; return this; }
    /**
     * Sets {@link Invoice#amountDue()}.
     *
     * @param amountDue see {@link Invoice#amountDue()}
     * @return this builder
     */
    public Builder amountDue(Money amountDue) { this.amountDue = amountDue; return this; }
    /**
     * Sets {@link Invoice#amountPaid()}.
     *
     * @param amountPaid see {@link Invoice#amountPaid()}
     * @return this builder
     */
    public Builder amountPaid(Money amountPaid) { this.amountPaid = amountPaid; return this; }
    /**
     * Sets {@link Invoice#amountRemaining()}.
     *
     * @param amountRemaining see {@link Invoice#amountRemaining()}
     * @return this builder
     */
    public Builder amountRemaining(Money amountRemaining) { this.amountRemaining = amountRemaining; return this; }
    /**
     * Sets {@link Invoice#pdfUrl()}.
     *
     * @param pdfUrl see {@link Invoice#pdfUrl()}
     * @return this builder
     */
    public Builder pdfUrl(URI pdfUrl) { this.pdfUrl = pdfUrl; return this; }
    /**
     * Sets {@link Invoice#description()}.
     *
     * @param description see {@link Invoice#description()}
     * @return this builder
     */
    public Builder description(String description) { this.description = description; return this; }

    /**
     * Replaces the lines with {@code lines}.
     *
     * @param lines the line items
     * @return this builder
     */
    public Builder lines(List<InvoiceLine> lines) {
      Objects.requireNonNull(lines, "lines == null");
      this.lines.clear();
      this.lines.addAll(lines);
      return this;
    }

    /**
     * Adds {@code line} after the lines already set.
     *
     * @param line a line item
     * @return this builder
     */
    public Builder addLine(InvoiceLine line) {
      lines.add(Objects.requireNonNull(line, "line == null"));
      return this;
    }

    /**
     * Keeps {@code value} under {@code key}; a null value is ignored.
     *
     * @param key the attribute's name, the vendor's field name
     * @param value the value; null is ignored
     * @return this builder
     */
    public Builder attribute(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      if (value != null) attributes.put(key, value);
      return this;
    }

    /**
     * {@return a new invoice of the values set}
     */
    public Invoice build() {
      return new Invoice(provider, id, number, customerId, status, vendorStatus, currency,
          periodStart, periodEnd, issuedAt, dueAt, paidAt, subtotal, tax, discount, total,
          amountDue, amountPaid, amountRemaining, lines, pdfUrl, description, attributes);
    }
  }
}
