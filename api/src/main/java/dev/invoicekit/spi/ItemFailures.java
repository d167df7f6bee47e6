package dev.invoicekit.spi;

import dev.invoicekit.MalformedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a listing that could not be read (a required field missing or malformed), kept
 * aside so that one bad item fails neither its page nor the rest of the stream: the stream
 * {@linkplain #reportAtEnd delivers every good item, then} throws one
 * {@link MalformedResponseException} naming each bad item and its field (the item's own
 * exception when it is the only one). Never a silent drop. Thread-safe: pages are mapped on
 * pager threads.
 */
public final class ItemFailures {
  /** The most failures named in the message; the count is always complete. */
  static final int MAX_NAMED = 5;

  private final String providerId;
  private final List<MalformedResponseException> failures = new ArrayList<>(); // Guarded by this.
  private int count; // Guarded by this.

  /**
   * Creates an empty record of failures.
   *
   * @param providerId the provider id the combined failure names, like {@code "acme"}
   */
  public ItemFailures(String providerId) {
    this.providerId = Objects.requireNonNull(providerId, "providerId == null");
  }

  /**
   * Records that one item could not be read.
   *
   * @param failure the item's failure, naming the item and its field
   */
  public synchronized void add(MalformedResponseException failure) {
    Objects.requireNonNull(failure, "failure == null");
    count++;
    if (failures.size() < MAX_NAMED) failures.add(failure);
  }

  /** {@return how many items could not be read} */
  public synchronized int count() {
    return count;
  }

  /**
   * Throws, if any item could not be read, a {@link MalformedResponseException}: the item's own
   * if it is the only one, else one that names the first few, found in {@code where} (like
   * {@code "page 3 of invoice-history"}), and counts them all.
   *
   * @param where where the items were found, put before the message of a combined failure
   * @throws MalformedResponseException if any item could not be read
   */
  public void throwIfAny(String where) {
    MalformedResponseException failure = failure(where + ": ");
    if (failure != null) throw failure;
  }

  /** The failure to throw, or null if every item was read. */
  synchronized MalformedResponseException failure(String where) {
    if (count == 0) return null;
    if (count == 1) return failures.get(0);
    StringBuilder detail = new StringBuilder(where)
        .append("items could not be read (").append(count).append(" failures): ");
    for (int i = 0; i < failures.size(); i++) {
      if (i > 0) detail.append("; ");
      detail.append(failures.get(i).detail());
    }
    if (count > failures.size()) detail.append("; and ").append(count - failures.size()).append(" more");
    MalformedResponseException first = failures.get(0);
    MalformedResponseException result = new MalformedResponseException(providerId, detail.toString(),
        first.httpStatus(), first.vendorCode(), first.requestId(), first);
    for (int i = 1; i < failures.size(); i++) result.addSuppressed(failures.get(i));
    return result;
  }

  /**
   * Returns {@code stream}, which throws, once its last item is delivered, the
   * {@link MalformedResponseException} for the items recorded here, if any. Closing the result
   * closes {@code stream}.
   *
   * @param <T> the type of the items
   * @param stream the good items, mapped while recording failures here
   * @return a stream of the items of {@code stream} that then throws for the failures, if any
   */
  public <T> Stream<T> reportAtEnd(Stream<T> stream) {
    Spliterator<T> items = stream.spliterator();
    Spliterator<T> reporting = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
        items.characteristics() & (Spliterator.ORDERED | Spliterator.NONNULL)) {
      @Override public boolean tryAdvance(Consumer<? super T> action) {
        if (items.tryAdvance(action)) return true;
        MalformedResponseException failure = failure("");
        if (failure != null) throw failure;
        return false;
      }
    };
    return StreamSupport.stream(reporting, false).onClose(stream::close);
  }
}
