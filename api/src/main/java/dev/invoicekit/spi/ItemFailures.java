package dev.invoicekit.spi;

import dev.invoicekit.MalformedResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a listing that could not be read (a required field missing or malformed), kept
 * aside so that one bad item fails neither its page nor the rest of the stream: the stream
 * {@linkplain #reportAtEnd delivers every good item, then} throws one
 * {@link MalformedResponseException} naming each bad item and its field (the item's own
 * exception when it is the only one). Never a silent drop. Thread-safe: pages are mapped on
 * pager threads.
 *
 * <p>A provider's page fetch is typically {@code failures.partial(sink -> fetch(page, sink))},
 * its mapper giving {@code sink} the items it could read just before it throws for the others,
 * and its stream {@code failures.reportAtEnd(pages)}.
 */
public final class ItemFailures {
  /** The most failures named in the message; the count is always complete. */
  static final int MAX_NAMED = 5;
  /** How a combined failure says how many items it stands for; see {@link #failure}. */
  private static final Pattern COMBINED = Pattern.compile("items could not be read \\((\\d+) failures\\): ");

  private final String providerId;
  private final List<MalformedResponseException> failures = new ArrayList<>(); // Guarded by this.
  private int count; // Guarded by this.
  private int countNamed; // The items the failures kept stand for. Guarded by this.

  /**
   * Creates an empty record of failures.
   *
   * @param providerId the provider id the combined failure names, like {@code "acme"}
   */
  public ItemFailures(String providerId) {
    this.providerId = Objects.requireNonNull(providerId, "providerId == null");
  }

  /**
   * Records that one item could not be read; or, if {@code failure} is the combined failure of
   * several items (as {@link #throwIfAny} throws for a page), that those items could not be read.
   *
   * @param failure the item's failure, naming the item and its field
   */
  public synchronized void add(MalformedResponseException failure) {
    Objects.requireNonNull(failure, "failure == null");
    int items = items(failure);
    count = count > Integer.MAX_VALUE - items ? Integer.MAX_VALUE : count + items;
    if (failures.size() < MAX_NAMED) {
      failures.add(failure);
      countNamed += items;
    }
  }

  /** How many items {@code failure} stands for: the count a combined failure gives, else one. */
  private static int items(MalformedResponseException failure) {
    Matcher combined = COMBINED.matcher(failure.detail());
    if (!combined.find()) return 1;
    try {
      return Math.max(1, Integer.parseInt(combined.group(1)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * Runs {@code fetch}, giving it a sink for the part of its answer it could read; if
   * {@code fetch} then throws a {@link MalformedResponseException} after giving a part, records
   * the exception here and returns that part; else rethrows. The exception recorded is the one
   * {@code fetch} throws, so one that went through a transport keeps the status and request id
   * the transport gave it. A part given to the sink of a fetch that then returns normally is
   * ignored: the fetch's result is returned. Thread-safe; each call has a sink of its own.
   *
   * @param <R> the type of the answer, like a page of items
   * @param fetch fetches and maps an answer, giving the sink the readable part just before it
   *     throws for the rest
   * @return the answer of {@code fetch}, or the part it gave before it failed
   * @throws MalformedResponseException if {@code fetch} throws one before giving any part
   * @throws RuntimeException any other exception of {@code fetch}, unchanged
   */
  public <R> R partial(Function<Consumer<R>, R> fetch) {
    Objects.requireNonNull(fetch, "fetch == null");
    AtomicReference<R> readable = new AtomicReference<>();
    try {
      return fetch.apply(part -> readable.set(Objects.requireNonNull(part, "part == null")));
    } catch (MalformedResponseException e) {
      R part = readable.get();
      if (part == null) throw e;
      add(e);
      return part;
    }
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

  /**
   * Ends the mapping of one page: returns {@code page} if every item was read; else hands it to
   * {@code readable} (the sink of {@link #partial}, or null for a listing that has no use for a
   * partial page) and {@linkplain #throwIfAny throws}.
   *
   * @param <P> the page type
   * @param page the items that could be read
   * @param readable where the readable part goes before the throw; may be null
   * @param where where the items were found, like {@code "page 3 of invoice-history"}
   * @return {@code page}, when every item was read
   * @throws MalformedResponseException if any item could not be read
   */
  public <P> P page(P page, Consumer<? super P> readable, String where) {
    if (readable != null && count() > 0) readable.accept(page);
    throwIfAny(where);
    return page;
  }

  /** The failure to throw, or null if every item was read. */
  synchronized MalformedResponseException failure(String where) {
    if (count == 0) return null;
    if (failures.size() == 1 && count == countNamed) return failures.get(0);
    StringBuilder detail = new StringBuilder(where)
        .append("items could not be read (").append(count).append(" failures): ");
    for (int i = 0; i < failures.size(); i++) {
      if (i > 0) detail.append("; ");
      detail.append(failures.get(i).detail());
    }
    if (count > countNamed) detail.append("; and ").append(count - countNamed).append(" more");
    MalformedResponseException first = failures.get(0);
    MalformedResponseException result = new MalformedResponseException(providerId, detail.toString(),
        first.httpStatus(), first.vendorCode(), first.requestId(), first);
    for (int i = 1; i < failures.size(); i++) result.addSuppressed(failures.get(i));
    return result;
  }

  /**
   * Returns {@code stream}, which throws, once its last item is delivered, the
   * {@link MalformedResponseException} for the items recorded here, if any. If {@code stream}
   * itself fails (any {@link RuntimeException}, like a page that cannot be read at all) while
   * items are recorded here, that exception is thrown, the recorded items' failures
   * {@linkplain Throwable#getSuppressed() suppressed} in it, so that they are not lost. Closing
   * the result closes {@code stream}.
   *
   * @param <T> the type of the items
   * @param stream the good items, mapped while recording failures here
   * @return a stream of the items of {@code stream} that then throws for the failures, if any
   */
  public <T> Stream<T> reportAtEnd(Stream<T> stream) {
    Spliterator<T> items = stream.spliterator();
    Spliterator<T> reporting = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
        items.characteristics() & (Spliterator.ORDERED | Spliterator.NONNULL)) {
      private boolean consumerFailed;

      @Override public boolean tryAdvance(Consumer<? super T> action) {
        try {
          if (items.tryAdvance(item -> deliver(action, item))) return true;
        } catch (RuntimeException e) {
          throw consumerFailed ? e : withItemFailures(e); // The consumer's own failure is its own.
        }
        MalformedResponseException failure = failure("");
        if (failure != null) throw failure;
        return false;
      }

      private void deliver(Consumer<? super T> action, T item) {
        try {
          action.accept(item);
        } catch (RuntimeException e) {
          consumerFailed = true;
          throw e;
        }
      }
    };
    return StreamSupport.stream(reporting, false).onClose(stream::close);
  }

  /** Adds the failures recorded here, if any, to {@code e} as suppressed exceptions. */
  private <E extends RuntimeException> E withItemFailures(E e) {
    List<MalformedResponseException> recorded;
    synchronized (this) {
      recorded = List.copyOf(failures);
    }
    for (MalformedResponseException failure : recorded) {
      if (failure != e) e.addSuppressed(failure);
    }
    return e;
  }
}
