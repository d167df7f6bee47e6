package dev.invoicekit.sandbox;

import java.util.stream.IntStream;

/**
 * The slice {@code [from, to)} of {@code total} items that one page shows: the pagination math
 * shared by page-, offset- and cursor-based vendors.
 *
 * <pre>{@code
 * Window window = Window.ofPage(request.intQuery("page", 1), request.intQuery("per_page", 20), size);
 * List<Object> items = window.indices().mapToObj(i -> toJson(dataset.invoice(i))).toList();
 * ... "has_more", window.hasMore() ...
 * }</pre>
 *
 * @param from the index of the first item shown, at most {@code total}
 * @param to the index after the last item shown, at most {@code total}
 * @param total the number of items in all pages
 */
public record Window(int from, int to, int total) {
  public Window {
    if (from < 0 || to < from || total < to) {
      throw new IllegalArgumentException("not 0 <= from <= to <= total: " + from + ", " + to + ", " + total);
    }
  }

  /**
   * Returns the window of at most {@code limit} items starting at {@code offset}. An offset past
   * the end gives an empty window.
   *
   * @throws SandboxException with status 400 if {@code offset} is negative or {@code limit} is
   *     not positive
   */
  public static Window ofOffset(long offset, int limit, int total) {
    if (offset < 0) throw new SandboxException(400, "offset must be >= 0: " + offset);
    if (limit < 1) throw new SandboxException(400, "limit must be >= 1: " + limit);
    int from = (int) Math.min(offset, total);
    int to = (int) Math.min((long) from + limit, total);
    return new Window(from, to, total);
  }

  /**
   * Returns page {@code page} (1 is the first) of {@code perPage} items. A page past the end gives
   * an empty window.
   *
   * @throws SandboxException with status 400 if {@code page} or {@code perPage} is not positive
   */
  public static Window ofPage(int page, int perPage, int total) {
    if (page < 1) throw new SandboxException(400, "page must be >= 1: " + page);
    if (perPage < 1) throw new SandboxException(400, "per_page must be >= 1: " + perPage);
    return ofOffset((long) (page - 1) * perPage, perPage, total);
  }

  /** The number of items shown. */
  public int size() {
    return to - from;
  }

  /** True if items follow this window. */
  public boolean hasMore() {
    return to < total;
  }

  /** The indices of the items shown, in order. */
  public IntStream indices() {
    return IntStream.range(from, to);
  }
}
