package dev.invoicekit.focus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the FOCUS Cost and Usage dataset: a value (or null) for each of {@link #COLUMNS},
 * as the CSV writes it. Immutable.
 */
public final class FocusRow {
  /** The FOCUS 1.2 columns written, in this order; all 21 Mandatory ones among them. */
  public static final List<String> FOCUS_COLUMNS = List.of(
      "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
      "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass",
      "ChargeDescription", "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart",
      "ContractedCost", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost",
      "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory",
      "ServiceName", "ServiceSubcategory");

  /** The custom columns written after the FOCUS ones: InvoiceKit's and the vendor's extras. */
  public static final List<String> CUSTOM_COLUMNS = List.of(
      "x_Provider", "x_Instance", "x_InvoiceNumber", "x_InvoiceStatus", "x_VendorStatus",
      "x_LineId", "x_Product", "x_ProductGroup", "x_UnitPrice", "x_Region", "x_Attributes");

  /** Every column, FOCUS ones first: the CSV header. */
  public static final List<String> COLUMNS = concat(FOCUS_COLUMNS, CUSTOM_COLUMNS);

  private static final Map<String, Integer> INDEX = index();

  private final String[] values;

  private FocusRow(String[] values) {
    this.values = values;
  }

  /** The value of {@code column}, as written in CSV; null when the cell is null (empty). */
  public String get(String column) {
    Integer i = INDEX.get(Objects.requireNonNull(column, "column == null"));
    if (i == null) throw new IllegalArgumentException("no column " + column);
    return values[i];
  }

  /** The values of {@link #COLUMNS}, in order; nulls for null cells. */
  public List<String> values() {
    return Collections.unmodifiableList(Arrays.asList(values.clone()));
  }

  /** {@code BilledCost}, exact. */
  public BigDecimal billedCost() {
    return new BigDecimal(get("BilledCost"));
  }

  /** {@code ChargeCategory}. */
  public ChargeCategory chargeCategory() {
    String value = get("ChargeCategory");
    for (ChargeCategory category : ChargeCategory.values()) {
      if (category.focusName().equals(value)) return category;
    }
    throw new IllegalStateException("ChargeCategory " + value);
  }

  /** The row as column → value, in column order, nulls included. */
  public Map<String, String> asMap() {
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) result.put(COLUMNS.get(i), values[i]);
    return Collections.unmodifiableMap(result);
  }

  @Override public String toString() {
    StringBuilder result = new StringBuilder("FocusRow{");
    String separator = "";
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) continue;
      result.append(separator).append(COLUMNS.get(i)).append('=').append(values[i]);
      separator = ", ";
    }
    return result.append('}').toString();
  }

  static Builder builder() {
    return new Builder();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> result = new ArrayList<>(a);
    result.addAll(b);
    return List.copyOf(result);
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> result = new LinkedHashMap<>();
    for (int i = 0; i < COLUMNS.size(); i++) result.put(COLUMNS.get(i), i);
    return Map.copyOf(result);
  }

  /** Sets cells by column name; blank strings become null (FOCUS NullHandling). */
  static final class Builder {
    private final String[] values = new String[COLUMNS.size()];

    Builder set(String column, String value) {
      Integer i = INDEX.get(column);
      if (i == null) throw new IllegalArgumentException("no column " + column);
      values[i] = value == null || value.isBlank() ? null : value;
      return this;
    }

    Builder set(String column, BigDecimal value) {
      return set(column, value == null ? null : value.toPlainString());
    }

    /** A copy of this builder's cells, to derive a row from another. */
    Builder copy() {
      Builder copy = new Builder();
      System.arraycopy(values, 0, copy.values, 0, values.length);
      return copy;
    }

    FocusRow build() {
      return new FocusRow(values.clone());
    }
  }
}
