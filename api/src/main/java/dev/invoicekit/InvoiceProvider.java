package dev.invoicekit;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads one vendor's invoices.
 *
 * <p>Get one from {@link InvoiceProviders}. Implementations are thread-safe: one instance serves
 * many threads. Every method throws an {@link InvoiceException} subtype on failure (after the
 * retries the configuration allows), and {@link IllegalArgumentException} for a parameter the
 * vendor cannot honour, before any HTTP call. After {@link #close()} every call fails with
 * {@link IllegalStateException}.
 */
public interface InvoiceProvider extends AutoCloseable {
  /** {@return this provider's id, the one its factory declares, like {@code "acme"}} */
  String id();

  /**
   * {@return one page of invoices; {@code query.pageToken()} continues a previous page}
   *
   * @param query what to list: period, customer, page size, page token, vendor parameters
   */
  Page<Invoice> list(InvoiceQuery query);

  /**
   * {@return every matching invoice, lazily, in the vendor's order: no invoice is lost or repeated
   * across pages} Later pages are fetched ahead while the caller consumes earlier ones; close the
   * stream (try-with-resources) to cancel that prefetch when stopping early. A failure reaches
   * the consumer as the original {@link InvoiceException} when it reaches the failed page.
   *
   * @param query what to list: period, customer, page size, page token, vendor parameters
   */
  Stream<Invoice> stream(InvoiceQuery query);

  /**
   * {@return the invoice with {@code invoiceId}, with its lines where the vendor gives them, or
   * empty when the vendor does not know that id} The id is path-encoded: it can never address
   * another endpoint.
   *
   * @param invoiceId the vendor's invoice id
   */
  Optional<Invoice> get(String invoiceId);

  /**
   * {@return the upcoming, month-to-date or subscription draft invoice, as {@link InvoiceStatus#DRAFT}}
   *
   * @param request what to preview
   */
  Invoice preview(PreviewRequest request);

  /** Releases connections and threads. Idempotent. */
  @Override void close();
}
