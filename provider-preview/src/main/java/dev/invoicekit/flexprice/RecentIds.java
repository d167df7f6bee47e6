package dev.invoicekit.flexprice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last {@code capacity} invoice ids a stream delivered, to drop the duplicates offset paging
 * produces when invoices are inserted while a stream runs. Bounded: an insert shifts an invoice by
 * at most a page, so remembering two pages' worth of ids suffices and memory stays constant however
 * long the stream. Thread-safe.
 */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1: " + capacity);
    this.ids = new LinkedHashMap<>(16, 0.75f, true) {
      @Override protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Remembers {@code id}; returns true if it was not among the recent ids. */
  synchronized boolean add(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }

  synchronized int size() {
    return ids.size();
  }
}
