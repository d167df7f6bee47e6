package dev.invoicekit.focus;

import dev.invoicekit.InstanceInvoice;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceLine;
import dev.invoicekit.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns invoices into rows of the FOCUS 1.2 Cost and Usage dataset whose {@code BilledCost} sums
 * to each invoice's {@link Invoice#total() total} exactly (SPEC §9).
 *
 * <pre>{@code
 * FocusExport export = FocusExport.defaults();
 * try (FocusCsvWriter csv = new FocusCsvWriter(writer);
 *     Stream<Invoice> invoices = provider.stream(InvoiceQuery.all())) {
 *   invoices.forEach(invoice -> csv.write(export.rows(invoice)));
 * }
 * }</pre>
 *
 * <p><b>Rows of one invoice</b>, in this order:
 * <ol>
 *   <li>one {@code Usage} row per line of non-negative amount ({@code BilledCost} = the line
 *       amount; {@code PricingQuantity}/{@code PricingUnit} = its quantity and unit, else
 *       {@code 1 Count}); a line of negative amount is a {@code Credit} row. An invoice without
 *       lines gets one {@code Usage} row for its subtotal (else its total less tax, plus
 *       discount).
 *   <li>{@code Credit} rows for discounts, negated: one per discounted line when the lines'
 *       discounts are the invoice's discount (or it has none), else one for the invoice's.
 *   <li>one {@code Tax} row for the invoice's tax.
 *   <li>one {@code Adjustment} row for whatever the vendor's total holds beyond all that:
 *       never a silent mismatch.
 * </ol>
 *
 * <p>Periods: {@code BillingPeriod} is the invoice's period, else the UTC month holding its issue
 * date; {@code ChargePeriod} the line's period, else the billing period. Both are half-open,
 * whole seconds, {@code YYYY-MM-DDTHH:mm:ssZ}. Costs: {@code ListCost} = {@code ContractedCost} =
 * {@code EffectiveCost} = {@code BilledCost} (invoices carry neither list prices nor
 * amortization); a line's unit price goes to {@code x_UnitPrice}. Vendor names and services come
 * from the vendor catalog ({@code vendors.properties}, described in the README). Immutable and
 * thread-safe.
 */
public final class FocusExport {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final FocusExport DEFAULTS = builder().build();

  private final ServiceCatalog catalog;
  private final Map<String, String> issuerNames;
  private final Map<String, String> billingAccountIds;

  private FocusExport(Builder builder) {
    this.catalog = ServiceCatalog.defaults();
    this.issuerNames = Map.copyOf(builder.issuerNames);
    this.billingAccountIds = Map.copyOf(builder.billingAccountIds);
  }

  /** The export with the vendor catalog's names and no per-instance settings. */
  public static FocusExport defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns the rows of {@code invoice}, read from the instance named like its provider. */
  public List<FocusRow> rows(Invoice invoice) {
    Objects.requireNonNull(invoice, "invoice == null");
    return rows(invoice.provider(), invoice);
  }

  /** Returns the rows of {@code invoice}, {@code x_Instance} its instance. */
  public List<FocusRow> rows(InstanceInvoice invoice) {
    Objects.requireNonNull(invoice, "invoice == null");
    return rows(invoice.instance(), invoice.invoice());
  }

  /**
   * Returns the rows of {@code invoice} read from instance {@code instance}; their
   * {@code BilledCost} sums to {@code invoice.total()} exactly.
   *
   * @throws IllegalArgumentException if the invoice has neither a period nor an issue date (FOCUS
   *     needs a billing period), or a line is in another currency than the invoice
   */
  public List<FocusRow> rows(String instance, Invoice invoice) {
    Objects.requireNonNull(instance, "instance == null");
    Objects.requireNonNull(invoice, "invoice == null");
    Currency currency = invoice.currency();
    Instant[] billing = billingPeriod(invoice);
    String issuer = issuerNames.getOrDefault(invoice.provider(), catalog.vendor(invoice.provider()).name());
    FocusRow.Builder base = FocusRow.builder()
        .set("BillingAccountId", billingAccountId(instance, invoice))
        .set("BillingCurrency", currency.getCurrencyCode())
        .set("BillingPeriodStart", DATE_TIME.format(billing[0]))
        .set("BillingPeriodEnd", DATE_TIME.format(billing[1]))
        .set("ChargePeriodStart", DATE_TIME.format(billing[0]))
        .set("ChargePeriodEnd", DATE_TIME.format(billing[1]))
        .set("InvoiceId", invoice.id())
        .set("InvoiceIssuerName", issuer)
        .set("ProviderName", issuer)
        .set("PublisherName", issuer)
        .set("x_Provider", invoice.provider())
        .set("x_Instance", instance)
        .set("x_InvoiceNumber", invoice.number())
        .set("x_InvoiceStatus", invoice.status().name())
        .set("x_VendorStatus", invoice.vendorStatus())
        .set("x_Attributes", FlatJson.write(invoice.attributes()));
    ServiceCatalog.Service invoiceService = catalog.invoiceService(invoice.provider());

    List<FocusRow> rows = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    if (invoice.lines().isEmpty()) {
      BigDecimal amount = invoice.subtotal() != null ? invoice.subtotal().amount()
          : invoice.total().amount().subtract(amount(invoice.tax())).add(amount(invoice.discount()));
      FocusRow.Builder row = service(base.copy(), invoiceService)
          .set("ChargeDescription", invoice.description() != null ? invoice.description()
              : "Invoice " + (invoice.number() != null ? invoice.number() : invoice.id()));
      rows.add(charge(row, amount, null, null).build());
      sum = sum.add(amount);
    }
    BigDecimal lineDiscounts = BigDecimal.ZERO;
    for (InvoiceLine line : invoice.lines()) {
      checkCurrency(invoice, line.amount());
      if (line.discount() != null) {
        checkCurrency(invoice, line.discount());
        lineDiscounts = lineDiscounts.add(line.discount().amount());
      }
      rows.add(charge(lineRow(base, invoice, line, billing), line.amount().amount(),
          line.quantity(), line.unit()).build());
      sum = sum.add(line.amount().amount());
    }

    BigDecimal discount = amount(invoice.discount());
    boolean perLine = invoice.discount() == null || discount.compareTo(lineDiscounts) == 0;
    if (perLine) {
      for (InvoiceLine line : invoice.lines()) {
        if (line.discount() == null || line.discount().isZero()) continue;
        BigDecimal credit = line.discount().amount().negate();
        rows.add(other(lineRow(base, invoice, line, billing), ChargeCategory.CREDIT, credit)
            .set("ChargeDescription", "Discount: " + line.description()).build());
        sum = sum.add(credit);
      }
    } else if (discount.signum() != 0) {
      rows.add(other(service(base.copy(), invoiceService), ChargeCategory.CREDIT, discount.negate())
          .set("ChargeDescription", "Discount").build());
      sum = sum.add(discount.negate());
    }

    if (invoice.tax() != null && !invoice.tax().isZero()) {
      checkCurrency(invoice, invoice.tax());
      rows.add(other(service(base.copy(), invoiceService), ChargeCategory.TAX, invoice.tax().amount())
          .set("ChargeDescription", "Tax").build());
      sum = sum.add(invoice.tax().amount());
    }

    BigDecimal remainder = invoice.total().amount().subtract(sum);
    if (remainder.signum() != 0) {
      rows.add(other(service(base.copy(), invoiceService), ChargeCategory.ADJUSTMENT, remainder)
          .set("ChargeDescription", "Remainder of the invoice total not explained by its lines, "
              + "discounts and tax").build());
    }
    return List.copyOf(rows);
  }

  private FocusRow.Builder lineRow(FocusRow.Builder base, Invoice invoice, InvoiceLine line,
      Instant[] billing) {
    FocusRow.Builder row = service(base.copy(), catalog.lineService(invoice.provider(), line))
        .set("ChargeDescription", line.description())
        .set("x_LineId", line.id())
        .set("x_Product", line.product())
        .set("x_ProductGroup", line.productGroup())
        .set("x_UnitPrice", line.unitPrice())
        .set("x_Region", line.region());
    Instant start = seconds(line.periodStart());
    Instant end = seconds(line.periodEnd());
    if (start != null && end != null && start.isBefore(end)) {
      row.set("ChargePeriodStart", DATE_TIME.format(start)).set("ChargePeriodEnd", DATE_TIME.format(end));
    }
    if (!line.attributes().isEmpty()) {
      Map<String, String> attributes = new TreeMap<>(invoice.attributes());
      attributes.putAll(line.attributes());
      row.set("x_Attributes", FlatJson.write(attributes));
    }
    return row;
  }

  /** A line's charge: Usage with its quantity, or Credit when the amount is negative. */
  private static FocusRow.Builder charge(FocusRow.Builder row, BigDecimal amount, BigDecimal quantity,
      String unit) {
    if (amount.signum() < 0) return other(row, ChargeCategory.CREDIT, amount);
    String pricingUnit = quantity == null ? Units.COUNT
        : Units.format(unit) != null ? Units.format(unit) : Units.UNITS;
    return costs(row, ChargeCategory.USAGE, amount)
        .set("ChargeFrequency", "Usage-Based")
        .set("PricingQuantity", quantity != null ? quantity : BigDecimal.ONE)
        .set("PricingUnit", pricingUnit);
  }

  /** Tax, credit and adjustment rows: one-time, no pricing quantity. */
  private static FocusRow.Builder other(FocusRow.Builder row, ChargeCategory category, BigDecimal amount) {
    return costs(row, category, amount)
        .set("ChargeFrequency", "One-Time")
        .set("PricingQuantity", (String) null)
        .set("PricingUnit", (String) null);
  }

  private static FocusRow.Builder costs(FocusRow.Builder row, ChargeCategory category, BigDecimal amount) {
    return row.set("ChargeCategory", category.focusName())
        .set("BilledCost", amount)
        .set("ListCost", amount)
        .set("ContractedCost", amount)
        .set("EffectiveCost", amount);
  }

  private static FocusRow.Builder service(FocusRow.Builder row, ServiceCatalog.Service service) {
    return row.set("ServiceName", service.name())
        .set("ServiceCategory", service.category())
        .set("ServiceSubcategory", service.subcategory());
  }

  private String billingAccountId(String instance, Invoice invoice) {
    if (invoice.customerId() != null && !invoice.customerId().isBlank()) return invoice.customerId();
    return billingAccountIds.getOrDefault(instance, instance);
  }

  /** The invoice's period in whole seconds, else the UTC month of its period start or issue date. */
  static Instant[] billingPeriod(Invoice invoice) {
    Instant start = seconds(invoice.periodStart());
    Instant end = seconds(invoice.periodEnd());
    if (start != null && end != null && start.isBefore(end)) return new Instant[] {start, end};
    Instant anchor = start != null ? start : invoice.issuedAt();
    if (anchor == null) {
      throw new IllegalArgumentException(invoice.provider() + " invoice " + invoice.id()
          + " has neither a period nor an issue date: FOCUS needs a billing period");
    }
    ZonedDateTime month = anchor.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    return new Instant[] {month.toInstant(), month.plusMonths(1).toInstant()};
  }

  private static Instant seconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static BigDecimal amount(Money money) {
    return money == null ? BigDecimal.ZERO : money.amount();
  }

  private static void checkCurrency(Invoice invoice, Money money) {
    if (!money.currency().equals(invoice.currency())) {
      throw new IllegalArgumentException(invoice.provider() + " invoice " + invoice.id() + " is in "
          + invoice.currency().getCurrencyCode() + " but holds an amount in "
          + money.currency().getCurrencyCode());
    }
  }

  /** Builds a {@link FocusExport}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> issuerNames = new HashMap<>();
    private final Map<String, String> billingAccountIds = new HashMap<>();

    Builder() {}

    /**
     * Names who issues the invoices of provider {@code providerId} ({@code InvoiceIssuerName},
     * {@code ProviderName}, {@code PublisherName}), instead of the vendor catalog's name: the
     * merchant, for a billing platform that invoices on a merchant's behalf.
     */
    public Builder issuerName(String providerId, String name) {
      Objects.requireNonNull(providerId, "providerId == null");
      Objects.requireNonNull(name, "name == null");
      if (name.isBlank()) throw new IllegalArgumentException("issuer name of " + providerId + " is blank");
      issuerNames.put(providerId, name.trim());
      return this;
    }

    /**
     * Sets the {@code BillingAccountId} of the invoices of {@code instance} that carry no
     * customer id, such as the vendor account the credentials belong to; by default the
     * instance name.
     */
    public Builder billingAccountId(String instance, String accountId) {
      Objects.requireNonNull(instance, "instance == null");
      Objects.requireNonNull(accountId, "accountId == null");
      if (accountId.isBlank()) throw new IllegalArgumentException("account id of " + instance + " is blank");
      billingAccountIds.put(instance, accountId.trim());
      return this;
    }

    public FocusExport build() {
      return new FocusExport(this);
    }
  }
}
