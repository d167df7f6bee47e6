package dev.invoicekit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads several instances as one stream: the invoices of the first instance in its vendor's
 * order, then those of the second, and so on, each with the name of its instance beside it.
 *
 * <pre>{@code
 * Map<String, InvoiceProvider> instances = InvoiceProviders.instancesFromProperties(properties);
 * CurrencyTotals totals = new CurrencyTotals();
 * try (Stream<InstanceInvoice> all = InvoiceStreams.stream(instances, InvoiceQuery.all(), 4)) {
 *   all.forEach(each -> totals.add(each.invoice().total()));
 * }
 * }</pre>
 *
 * <p><b>What is fetched when.</b> Nothing is fetched until the stream's terminal operation asks
 * for its first element. Then the first {@code maxConcurrency} instances start streaming at once,
 * each on its own daemon thread ({@code invoicekit-instances-<name>}) into a buffer of at most
 * {@code bufferPerInstance} invoices; when the consumer has taken the last invoice of an instance,
 * the next instance not yet started starts. So at most {@code maxConcurrency} instances are read
 * at once, and at most {@code maxConcurrency × bufferPerInstance} invoices wait in memory,
 * however many instances there are.
 *
 * <p><b>Errors.</b> A failure of instance <i>k</i> reaches the consumer after every invoice of
 * the instances before it and those instance <i>k</i> delivered first, as an
 * {@link InstanceException} naming the instance and wrapping the original failure; the stream is
 * then closed.
 *
 * <p><b>Cancellation.</b> {@link Stream#close()} (use try-with-resources), the end of the data
 * and any error stop every instance still reading: their threads are interrupted, which closes
 * each instance's own stream and so cancels its prefetch, and are waited for up to 10 seconds
 * each. Idempotent; may be called from any thread. The providers themselves stay open: the
 * caller owns them.
 */
public final class InvoiceStreams {
  /** The invoices each instance may buffer ahead of the consumer, by default. */
  public static final int DEFAULT_BUFFER_PER_INSTANCE = 256;

  private InvoiceStreams() {}

  /**
   * Returns the invoices of {@code instances} matching {@code query}, in the map's iteration order
   * (a {@link java.util.LinkedHashMap} keeps the order given), reading at most
   * {@code maxConcurrency} instances at once.
   *
   * @param instances the providers to read, keyed by instance name
   * @param query the invoices to read from each instance
   * @param maxConcurrency the most instances read at once; at least 1
   * @return the matching invoices of every instance, each with its instance name; close it
   * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
   */
  public static Stream<InstanceInvoice> stream(Map<String, ? extends InvoiceProvider> instances,
      InvoiceQuery query, int maxConcurrency) {
    return stream(instances, query, maxConcurrency, DEFAULT_BUFFER_PER_INSTANCE);
  }

  /**
   * As {@link #stream(Map, InvoiceQuery, int)}, each instance buffering at most
   * {@code bufferPerInstance} invoices ahead of the consumer.
   *
   * @param instances the providers to read, keyed by instance name
   * @param query the invoices to read from each instance
   * @param maxConcurrency the most instances read at once; at least 1
   * @param bufferPerInstance the most invoices each instance reads ahead of the consumer; at
   *     least 1
   * @return the matching invoices of every instance, each with its instance name; close it
   * @throws IllegalArgumentException if {@code maxConcurrency} or {@code bufferPerInstance} is
   *     less than 1
   */
  public static Stream<InstanceInvoice> stream(Map<String, ? extends InvoiceProvider> instances,
      InvoiceQuery query, int maxConcurrency, int bufferPerInstance) {
    Objects.requireNonNull(instances, "instances == null");
    Objects.requireNonNull(query, "query == null");
    if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
    if (bufferPerInstance < 1) {
      throw new IllegalArgumentException("bufferPerInstance < 1: " + bufferPerInstance);
    }
    List<InstanceMerger.Source> sources = new ArrayList<>(instances.size());
    instances.forEach((name, provider) -> sources.add(new InstanceMerger.Source(
        Objects.requireNonNull(name, "instance name == null"),
        Objects.requireNonNull(provider, "provider of " + name + " == null"))));
    InstanceMerger merger = new InstanceMerger(sources, query, maxConcurrency, bufferPerInstance);
    return StreamSupport.stream(merger, false).onClose(merger::close);
  }

  /**
   * Returns the totals per currency of the invoices of {@code stream}, which it consumes and
   * closes.
   *
   * @param stream the invoices to total, like one {@link #stream} returns
   * @return the count and sum of the invoice totals, per currency
   */
  public static CurrencyTotals totals(Stream<InstanceInvoice> stream) {
    Objects.requireNonNull(stream, "stream == null");
    CurrencyTotals totals = new CurrencyTotals();
    try (stream) {
      stream.forEachOrdered(each -> totals.add(each.invoice().total()));
    }
    return totals;
  }
}
