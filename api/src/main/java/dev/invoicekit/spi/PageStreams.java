package dev.invoicekit.spi;

import dev.invoicekit.InvoiceException;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Page;
import dev.invoicekit.ProviderException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns "fetch the page after token T" into a lazy, ordered {@link Stream} of every item of every
 * page: the engine behind {@link dev.invoicekit.InvoiceProvider#stream}.
 *
 * <p><b>What is fetched when.</b> Nothing is fetched until the stream's terminal operation asks
 * for its first element. Then the first page is fetched. With {@link #cursor cursor paging} the
 * page after it is requested as soon as a page is handed to the consumer, so the next page loads
 * while the caller works through the current one: one page of lookahead, never more. With
 * {@link #concurrent concurrent paging} the {@link PagePlanner} is asked, given the first page,
 * for the tokens of all the remaining pages; they are fetched up to {@code maxConcurrency} at a
 * time and delivered strictly in order. At most {@code maxConcurrency} pages are ever fetched but
 * not yet handed to the consumer, so memory stays bounded however long the listing. The plan is
 * read lazily, one token per fetch started, never copied: a planner may return a
 * {@link #tokenRange lazy range} of two billion tokens at no cost.
 *
 * <p><b>Guarding against bad answers.</b> A next page token equal to the token of any page already
 * handed over (the first included) ends the stream with a {@link MalformedResponseException}
 * ("repeated page token") after the items of that page; so does an empty page that still carries
 * a next page token ("empty page claims more"). A planned page that is not the last one but has no
 * next page token means the data shrank: it is delivered and the stream ends there.
 *
 * <p><b>Threads.</b> Fetches run on the {@link Executor} given to the overloads that take one, or
 * else on a pool shared by the whole JVM: at most 64 daemon threads, named
 * {@code invoicekit-<providerId>-pager-<n>} while they fetch, each ending after 10 seconds
 * without work. So a stream abandoned without {@code close()} keeps no thread alive once its
 * fetches are done. With cursor paging, a fetch whose page the consumer is already waiting for
 * goes on to fetch the next page on the same thread, sparing a hand-off per page. The consumer's
 * thread only waits for pages. An executor that refuses a fetch fails that page with a
 * {@link ProviderException}.
 *
 * <p><b>Cancellation.</b> {@link Stream#close()} (use try-with-resources), the end of the data,
 * and any error cancel the pending fetches by interrupting their threads, then wait up to 10
 * seconds for those fetches to end. Fetchers should therefore give up promptly when interrupted.
 * Closing is idempotent and may be done from any thread.
 *
 * <p><b>Errors.</b> A fetch that fails for page <i>k</i> fails the stream when the consumer
 * reaches page <i>k</i>, after every item of the pages before it. The exception thrown is the
 * fetcher's own instance (same type, same message), be it an {@link InvoiceException} or any
 * other {@link RuntimeException}. An {@link Error} thrown by a fetch ({@code OutOfMemoryError},
 * {@code StackOverflowError}) is likewise rethrown, the same instance, on the consumer's thread
 * when it reaches that page, after the other fetches are cancelled: never a hang, never lost on a
 * pool thread. It is not wrapped, as the JVM's state after an {@code Error} is the host's call.
 * A consumer interrupted while it waits for a page gets a
 * {@link ProviderException} ("interrupted while waiting for a page") with its interrupt flag set
 * again.
 */
public final class PageStreams {
  private PageStreams() {}

  /**
   * Fetches one page. Called on a pager thread, never on the consumer's; with concurrent paging
   * several calls run at once, so implementations must be thread-safe. A fetch that is cancelled
   * gets its thread interrupted and should end promptly.
   */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /**
     * {@return the page that {@code pageToken} designates; never null}
     *
     * @param pageToken the token of the page; null means the first page
     * @throws InvoiceException on failure; it reaches the consumer unchanged
     */
    Page<T> fetch(String pageToken);
  }

  /** Plans page- or offset-based paging once the first page, and so the total, is known. */
  @FunctionalInterface
  public interface PagePlanner<T> {
    /**
     * Given the first page, returns the tokens of all the remaining pages in order (like pages
     * {@code "2"} to {@code "N"}, or offsets {@code "100"}, {@code "200"}, ...), or empty when the
     * total is not known: paging then follows {@link Page#nextPageToken()}. Never returns null
     * and never a null token. Called once per stream, on the consumer's thread, and only when the
     * first page has a next page token.
     *
     * @param firstPage the first page, as the vendor answered it
     * @return the tokens of the remaining pages, or empty to follow the next page tokens
     */
    Optional<List<String>> remaining(Page<T> firstPage);
  }

  /**
   * {@return the decimal tokens {@code first}, {@code first + step}, ... ({@code count} of them),
   * computed on demand} A plan for {@link PagePlanner} that takes no memory however long. Its
   * {@code size()} is {@code count}, or {@link Integer#MAX_VALUE} if larger; its iterator yields
   * all {@code count} tokens.
   *
   * @param first the first token
   * @param step the difference between two consecutive tokens; positive
   * @param count how many tokens; not negative
   * @throws IllegalArgumentException if {@code count} is negative, {@code step} is not positive,
   *     or the last token would not fit in a {@code long}
   */
  public static List<String> tokenRange(long first, long step, long count) {
    return new TokenRange(first, step, count);
  }

  /**
   * {@return every item of the pages that {@code fetcher} returns, starting at {@code firstToken}
   * and following each page's next page token} Page <i>n</i>+1 is requested while the caller
   * consumes page <i>n</i>.
   *
   * @param <T> the type of the items
   * @param fetcher fetches one page by its token
   * @param providerId names the threads and the errors, like {@code "acme"}
   * @param firstToken the token of the first page; null for the very first page of the listing
   */
  public static <T> Stream<T> cursor(String providerId, String firstToken,
      PageFetcher<T> fetcher) {
    return cursor(providerId, firstToken, fetcher, PagerThreads.shared());
  }

  /**
   * Like {@link #cursor(String, String, PageFetcher)}, with the fetches run on {@code executor}.
   * The stream does not shut {@code executor} down.
   *
   * @param <T> the type of the items
   * @param providerId names the threads and the errors, like {@code "acme"}
   * @param firstToken the token of the first page; null for the very first page of the listing
   * @param fetcher fetches one page by its token
   * @param executor runs the fetches
   * @return every item of the pages, in order; close it to cancel the prefetch
   */
  public static <T> Stream<T> cursor(String providerId, String firstToken,
      PageFetcher<T> fetcher, Executor executor) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(fetcher, "fetcher == null");
    Objects.requireNonNull(executor, "executor == null");
    return stream(new Pager<>(providerId, firstToken, fetcher, null, 1, executor));
  }

  /**
   * {@return every item of the pages that {@code fetcher} returns, fetching pages concurrently
   * once {@code planner} knows them} The first page is fetched alone; if {@code planner} then
   * gives the tokens of the remaining pages, they are fetched with at most
   * {@code maxConcurrency} in flight and delivered strictly in order. If the last planned page
   * still has a next page token, paging continues from it as {@link #cursor} does. If
   * {@code planner} gives nothing, this behaves like {@link #cursor}.
   *
   * @param <T> the type of the items
   * @param fetcher fetches one page by its token
   * @param planner gives the tokens of the remaining pages once the first page is known
   * @param providerId names the threads and the errors, like {@code "acme"}
   * @param firstToken the token of the first page; null for the very first page of the listing
   * @param maxConcurrency the most fetches in flight, and pages buffered, at once; at least 1
   * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
   */
  public static <T> Stream<T> concurrent(String providerId, String firstToken,
      PageFetcher<T> fetcher, PagePlanner<T> planner, int maxConcurrency) {
    return concurrent(providerId, firstToken, fetcher, planner, maxConcurrency,
        PagerThreads.shared());
  }

  /**
   * Like {@link #concurrent(String, String, PageFetcher, PagePlanner, int)}, with the fetches run
   * on {@code executor}. The stream does not shut {@code executor} down.
   *
   * @param <T> the type of the items
   * @param providerId names the threads and the errors, like {@code "acme"}
   * @param firstToken the token of the first page; null for the very first page of the listing
   * @param fetcher fetches one page by its token
   * @param planner gives the tokens of the remaining pages once the first page is known
   * @param maxConcurrency the most fetches in flight, and pages buffered, at once; at least 1
   * @param executor runs the fetches
   * @return every item of the pages, in order; close it to cancel the fetches in flight
   * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
   */
  public static <T> Stream<T> concurrent(String providerId, String firstToken,
      PageFetcher<T> fetcher, PagePlanner<T> planner, int maxConcurrency, Executor executor) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(fetcher, "fetcher == null");
    Objects.requireNonNull(planner, "planner == null");
    Objects.requireNonNull(executor, "executor == null");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency < 1: " + maxConcurrency);
    }
    return stream(new Pager<>(providerId, firstToken, fetcher, planner, maxConcurrency, executor));
  }

  static <T> Stream<T> stream(Pager<T> pager) {
    return StreamSupport.stream(pager, false).onClose(pager::close);
  }
}
