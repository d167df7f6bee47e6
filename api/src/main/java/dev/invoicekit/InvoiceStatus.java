package dev.invoicekit;

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
  UNKNOWN
}
