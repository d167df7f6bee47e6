package dev.invoicekit.focus;

/** The FOCUS {@code ChargeCategory} of a row, written as {@link #focusName()}. */
public enum ChargeCategory {
  /** Consumption of a service: an invoice line. */
  USAGE("Usage"),
  /** Something bought upfront or on a recurring basis. */
  PURCHASE("Purchase"),
  /** A tax. */
  TAX("Tax"),
  /** A discount or credit the vendor granted, or a negative line. */
  CREDIT("Credit"),
  /** What the vendor's total holds beyond its lines, tax and discounts. */
  ADJUSTMENT("Adjustment");

  private final String focusName;

  ChargeCategory(String focusName) {
    this.focusName = focusName;
  }

  /** The value as FOCUS writes it: {@code Usage}, {@code Tax}, … */
  public String focusName() {
    return focusName;
  }
}
