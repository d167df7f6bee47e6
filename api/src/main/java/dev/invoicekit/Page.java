package dev.invoicekit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of results.
 *
 * @param items the items of this page, in the vendor's order; possibly empty
 * @param nextPageToken the token that continues the listing (pass it to
 *     {@link InvoiceQuery.Builder#pageToken}); empty on the last page
 * @param totalCount the vendor's count of all matching items, where the vendor gives one
 */
public record Page<T>(List<T> items, Optional<String> nextPageToken, OptionalLong totalCount) {
  /**
   * Copies the items.
   *
   * @param items the items of this page, in the vendor's order; possibly empty
   * @param nextPageToken the token that continues the listing (pass it to
   *     {@link InvoiceQuery.Builder#pageToken}); empty on the last page
   * @param totalCount the vendor's count of all matching items, where the vendor gives one
   * @throws NullPointerException if a component is null
   */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    Objects.requireNonNull(nextPageToken, "nextPageToken == null");
    Objects.requireNonNull(totalCount, "totalCount == null");
  }

  /**
   * {@return a page of {@code items}, continued by {@code nextPageToken} unless it is null}
   *
   * @param <T> the type of the items
   * @param items the items, in the vendor's order
   * @param nextPageToken the token of the next page; null on the last page
   */
  public static <T> Page<T> of(List<T> items, String nextPageToken) {
    return new Page<>(items, Optional.ofNullable(nextPageToken), OptionalLong.empty());
  }

  /** {@return true when a further page follows this one} */
  public boolean hasNext() {
    return nextPageToken.isPresent();
  }
}
