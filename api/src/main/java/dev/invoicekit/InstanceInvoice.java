package dev.invoicekit;

import java.util.Objects;

/**
 * An invoice and the name of the instance it was read from, as several instances are read at once
 * ({@link InvoiceStreams#stream}). {@link Invoice#provider()} is the provider id; {@link #instance()}
 * tells two accounts of one provider apart.
 *
 * @param instance the instance name, like {@code acme-eu} (the provider id for a default instance)
 * @param invoice the invoice
 */
public record InstanceInvoice(String instance, Invoice invoice) {
  /**
   * Checks the components.
   *
   * @param instance the instance name, like {@code acme-eu} (the provider id for a default instance)
   * @param invoice the invoice
   * @throws NullPointerException if {@code instance} or {@code invoice} is null
   */
  public InstanceInvoice {
    Objects.requireNonNull(instance, "instance == null");
    Objects.requireNonNull(invoice, "invoice == null");
  }
}
