package dev.invoicekit.spi;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The checks every provider makes before and after a vendor call, written once so that every
 * provider fails the same way with the same words: a closed provider, a missing or blank invoice
 * id, a parameter the vendor cannot honour, an unknown vendor parameter, a filter applied
 * client-side, and a page that is empty yet claims more.
 *
 * <p>Each message names the provider and the parameter, never a value that may be secret. Every
 * method is stateless and thread-safe.
 */
public final class ProviderChecks {
  private ProviderChecks() {}

  /**
   * {@return the exception for a call on a closed provider: {@code "acme provider is closed"}}
   *
   * @param providerId the provider id, like {@code "acme"}
   */
  public static IllegalStateException closed(String providerId) {
    Objects.requireNonNull(providerId, "providerId == null");
    return new IllegalStateException(providerId + " provider is closed");
  }

  /**
   * Throws {@link #closed} if {@code closed} is true. Call it first in every method of a provider
   * but {@code id}, {@code toString} and {@code close}.
   *
   * @param closed true once the provider was closed
   * @param providerId the provider id, like {@code "acme"}
   * @throws IllegalStateException if {@code closed}
   */
  public static void requireOpen(String providerId, boolean closed) {
    Objects.requireNonNull(providerId, "providerId == null");
    if (closed) throw closed(providerId);
  }

  /**
   * {@return {@code invoiceId} if it can name an invoice: not null and not blank} For
   * {@code get(String)}, before any request.
   *
   * @param invoiceId the invoice id asked for
   * @param providerId the provider id, like {@code "acme"}
   * @throws NullPointerException {@code "invoiceId == null"}
   * @throws IllegalArgumentException {@code "acme: invoiceId is blank"}
   */
  public static String requireInvoiceId(String providerId, String invoiceId) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(invoiceId, "invoiceId == null");
    if (invoiceId.isBlank()) throw new IllegalArgumentException(providerId + ": invoiceId is blank");
    return invoiceId;
  }

  /**
   * Fails if the request parameter {@code parameter} is set although the vendor cannot honour it:
   * {@code "subscriptionId is not supported by acme: <reason>"}.
   *
   * @param providerId the provider id, like {@code "acme"}
   * @param parameter the parameter's name in the public API, like {@code "periodStart"}
   * @param value the parameter's value, empty when not set
   * @param reason why the vendor cannot honour it, shown after the colon
   * @throws IllegalArgumentException if {@code value} is present
   */
  public static void requireAbsent(String providerId, String parameter, Optional<?> value,
      String reason) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(parameter, "parameter == null");
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(reason, "reason == null");
    if (value.isPresent()) {
      throw new IllegalArgumentException(parameter + " is not supported by " + providerId + ": " + reason);
    }
  }

  /**
   * {@return the request parameter {@code parameter}, trimmed, if the vendor needs it:
   * {@code "subscriptionId is required by acme: <reason>"} when it is absent or blank}
   *
   * @param parameter the vendor parameter's name
   * @param providerId the provider id, like {@code "acme"}
   * @param value the value asked for
   * @param reason why the vendor needs it, shown after the colon
   * @throws IllegalArgumentException if {@code value} is empty or blank
   */
  public static String requireParameter(String providerId, String parameter, Optional<String> value,
      String reason) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(parameter, "parameter == null");
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(reason, "reason == null");
    if (value.isEmpty() || value.get().isBlank()) {
      throw new IllegalArgumentException(parameter + " is required by " + providerId + ": " + reason);
    }
    return value.get().trim();
  }

  /**
   * Fails if {@code query} has a vendor parameter not in {@code supported}, before any request:
   * {@code "acme does not support the vendor parameter 'sort'; supported: 'type'"}, or
   * {@code "acme takes no vendor parameter; got 'sort'"} when {@code supported} is empty. The
   * values of the supported ones are the provider's to check.
   *
   * @param providerId the provider id, like {@code "acme"}
   * @param query the query whose filters apply
   * @param supported the vendor parameters the provider reads, by the vendor's own names
   * @throws IllegalArgumentException naming every unsupported parameter, sorted
   */
  public static void allowVendorParameters(String providerId, InvoiceQuery query,
      Set<String> supported) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(supported, "supported == null");
    Set<String> unknown = new TreeSet<>(query.vendorParameters().keySet());
    unknown.removeAll(supported);
    if (unknown.isEmpty()) return;
    if (supported.isEmpty()) {
      throw new IllegalArgumentException(providerId + " takes no vendor parameter; got " + quoted(unknown));
    }
    throw new IllegalArgumentException(providerId + " does not support the vendor parameter"
        + (unknown.size() > 1 ? "s " : " ") + quoted(unknown) + "; supported: "
        + quoted(new TreeSet<>(supported)));
  }

  /**
   * {@return {@code page} with only the invoices {@code query} {@linkplain InvoiceQuery#matches
   * matches}, for a vendor that cannot apply the query's period or customer filter itself} The
   * vendor's total counts invoices the filter removes, so it is dropped whenever the query has a
   * period or a customer; the next page token is kept.
   *
   * @param page a page as the vendor answered it
   * @param query the query whose filters apply
   */
  public static Page<Invoice> filterClientSide(Page<Invoice> page, InvoiceQuery query) {
    Objects.requireNonNull(page, "page == null");
    Objects.requireNonNull(query, "query == null");
    boolean narrows = query.hasPeriod() || query.customerId().isPresent();
    return new Page<>(matching(page, query), page.nextPageToken(),
        narrows ? OptionalLong.empty() : page.totalCount());
  }

  /**
   * {@return {@code page} with only the invoices {@code query} {@linkplain InvoiceQuery#matches
   * matches}, keeping the vendor's total: for a vendor that applied the same filters server-side,
   * so that its total counts the matching invoices, and whose answer is re-checked exactly here
   * (a bound the vendor treats as inclusive, for example)}
   *
   * @param page a page as the vendor answered it
   * @param query the query whose filters apply
   */
  public static Page<Invoice> filterKeepingTotal(Page<Invoice> page, InvoiceQuery query) {
    Objects.requireNonNull(page, "page == null");
    Objects.requireNonNull(query, "query == null");
    return new Page<>(matching(page, query), page.nextPageToken(), page.totalCount());
  }

  /**
   * {@return {@code page} unless it holds no item yet has a next page token: following such a
   * page could loop, stopping at it could lose items} {@link PageStreams} checks every page it
   * fetches; a provider checks the page its {@code list} returns.
   *
   * @param <T> the type of the items
   * @param page a page as the vendor answered it
   * @param providerId the provider id, like {@code "acme"}
   * @param where the page asked for, in the vendor's terms, like {@code "page 3 of the history"}
   *     or {@code "offset 40"}
   * @throws MalformedResponseException {@code "empty page claims more: <where> has no items but
   *     next page token '<token>'"}
   */
  public static <T> Page<T> requireProgress(String providerId, String where, Page<T> page) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(where, "where == null");
    Objects.requireNonNull(page, "page == null");
    if (page.items().isEmpty() && page.nextPageToken().isPresent()) {
      throw new MalformedResponseException(providerId, "empty page claims more: " + where
          + " has no items but next page token " + Quoting.quote(page.nextPageToken().get()));
    }
    return page;
  }

  private static List<Invoice> matching(Page<Invoice> page, InvoiceQuery query) {
    List<Invoice> result = new ArrayList<>(page.items().size());
    for (Invoice invoice : page.items()) {
      if (query.matches(invoice)) result.add(invoice);
    }
    return result;
  }

  private static String quoted(Set<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
  }
}
