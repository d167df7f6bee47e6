package dev.invoicekit.sandbox;

/**
 * How a vendor's list endpoint pages: what a client can know about page {@code n} before it has
 * page {@code n - 1}. Suites and benchmarks read it from {@link Sandbox#paging()} instead of
 * knowing vendors by name.
 */
public enum Paging {
  /** Numbered pages ({@code page=3&per_page=100}): once the total is known, any page can be fetched at once. */
  PAGE_NUMBER,
  /** Offsets ({@code offset=200&limit=100}): once the total is known, any page can be fetched at once. */
  OFFSET,
  /** An opaque cursor from the previous page: pages can only be fetched one after another. */
  CURSOR
}
