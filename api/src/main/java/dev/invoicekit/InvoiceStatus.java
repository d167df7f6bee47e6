package dev.invoicekit;

import java.util.Locale;

/** The state of an invoice, common to every vendor. */
public enum InvoiceStatus {
  /** Not yet issued: a preview, a month-to-date estimate or an editable draft. */
  DRAFT,
  /** Issued (finalized) and not known to be paid. */
  OPEN,
  /** Paid in full. */
  PAID,
  /** Cancelled: voided or skipped. It will never be paid. */
  VOID,
  /** Issued, and the vendor has given up collecting it. */
  UNCOLLECTIBLE,
  /** The vendor reported a state this version of InvoiceKit does not know. */
  UNKNOWN;

  /**
   * Returns the status named {@code name} in any case and without surrounding blanks, for vendors
   * whose statuses are these names ({@code "draft"}, {@code "open"}, {@code "paid"},
   * {@code "void"}, {@code "uncollectible"}); {@link #UNKNOWN} for null or any other value, never
   * an exception.
   *
   * @param name the vendor's status name, like {@code "paid"}; may be null
   * @return the status of that name, or {@link #UNKNOWN}
   */
  public static InvoiceStatus fromName(String name) {
    if (name == null) return UNKNOWN;
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }
}
