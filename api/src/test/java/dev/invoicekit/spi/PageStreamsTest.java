package dev.invoicekit.spi;

import static dev.invoicekit.spi.FakeFetcher.pageOf;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Page;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import dev.invoicekit.spi.PageStreams.PagePlanner;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class PageStreamsTest {
  private static final AtomicInteger IDS = new AtomicInteger();

  /** A provider id of this test alone, so that thread-name checks see only its threads. */
  private final String id = "test" + IDS.incrementAndGet();
  private final FakeFetcher fake = new FakeFetcher();

  @Test void nothingIsFetchedUntilTheFirstElementIsRequested() {
    fake.page(null, "2", "a").page("2", null, "b");
    try (Stream<String> cursor = PageStreams.cursor(id, null, fake);
        Stream<String> concurrent = PageStreams.concurrent(id, null, fake, plan("2"), 4)) {
      Iterator<String> cursorItems = cursor.map(String::toUpperCase).filter(s -> true).iterator();
      Iterator<String> concurrentItems = concurrent.map(String::toUpperCase).iterator();
      assertThat(fake.calls()).isEmpty();
      assertThat(pagerThreads()).isEmpty();

      assertThat(cursorItems.next()).isEqualTo("A");
      assertThat(fake.calls().get(0)).isNull();
      assertThat(concurrentItems.next()).isEqualTo("A");
    }
  }

  @Test void cursorDeliversEveryPageInOrderFromTheFirstToken() {
    fake.page("start", "b", "1", "2").page("b", "c", "3").page("c", null, "4", "5");

    List<String> items = PageStreams.cursor(id, "start", fake).toList();

    assertThat(items).containsExactly("1", "2", "3", "4", "5");
    assertThat(fake.calls()).containsExactly("start", "b", "c");
    assertThat(pagerThreads()).isEmpty(); // Exhaustion waits for the worker threads.
  }

  @Test void cursorRequestsTheNextPageWhenTheCurrentOneIsHandedOver() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    fake.page(null, "2", "a", "b").answer("2", () -> {
      requested.countDown();
      return pageOf(null, "c");
    });
    try (Stream<String> items = PageStreams.cursor(id, null, fake)) {
      Iterator<String> iterator = items.iterator();
      assertThat(iterator.next()).isEqualTo("a"); // "b" of the first page is not consumed yet.
      assertThat(requested.await(10, SECONDS)).isTrue();
    }
  }

  @Test void cursorFetchesNeverMoreThanOnePageAhead() throws Exception {
    fake.page(null, "2", "a", "b").page("2", "3", "c", "d").page("3", "4", "e")
        .page("4", null, "f");
    try (Stream<String> items = PageStreams.cursor(id, null, fake)) {
      Iterator<String> iterator = items.iterator();
      assertThat(iterator.next()).isEqualTo("a");
      awaitNoPagerThreads();
      assertThat(fake.calls()).containsExactly(null, "2");

      assertThat(iterator.next()).isEqualTo("b");
      awaitNoPagerThreads();
      assertThat(fake.calls()).containsExactly(null, "2");

      assertThat(iterator.next()).isEqualTo("c");
      awaitNoPagerThreads();
      assertThat(fake.calls()).containsExactly(null, "2", "3");
    }
  }

  @Test void cursorWorkerWhosePageIsAwaitedFetchesTheNextPageOnItsOwnThread() {
    Thread consumer = Thread.currentThread();
    fake.answer(null, () -> {
      // Answer only once the consumer is blocked waiting for this page.
      long deadline = System.nanoTime() + SECONDS.toNanos(10);
      while (consumer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      return pageOf("2", "a");
    }).page("2", "3", "b").page("3", null, "c");

    assertThat(PageStreams.cursor(id, null, fake).collect(Collectors.toList()))
        .containsExactly("a", "b", "c");
    assertThat(fake.calls()).containsExactly(null, "2", "3");
    assertThat(fake.threads().get(1)).isSameAs(fake.threads().get(0));
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void cursorWorkerChainingThroughTheListingKeepsNoHandedOverPageReachable() {
    Thread consumer = Thread.currentThread();
    int pages = 30;
    AtomicInteger consumed = new AtomicInteger();
    List<WeakReference<Page<String>>> fetched = new CopyOnWriteArrayList<>();
    for (int n = 1; n <= pages; n++) {
      String token = n == 1 ? null : Integer.toString(n);
      String next = n < pages ? Integer.toString(n + 1) : null;
      String item = "item" + n;
      int before = n - 1;
      fake.answer(token, () -> {
        // Answer once the consumer waits for this very page: one worker chains through them all.
        long deadline = System.nanoTime() + SECONDS.toNanos(10);
        while ((consumed.get() < before || consumer.getState() != Thread.State.WAITING)
            && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        Page<String> page = pageOf(next, item);
        fetched.add(new WeakReference<>(page));
        return page;
      });
    }

    try (Stream<String> items = PageStreams.cursor(id, null, fake)) {
      Iterator<String> iterator = items.iterator();
      for (int n = 1; n <= pages - 2; n++) {
        assertThat(iterator.next()).isEqualTo("item" + n);
        consumed.incrementAndGet();
      }
      assertThat(fake.threads()).as("one worker chained through the pages").containsOnly(fake.threads().get(0));
      // Pages 1 to pages - 3 are handed over and consumed: nothing may still reach them.
      for (int attempt = 0; attempt < 20 && fetched.get(0).get() != null; attempt++) System.gc();
      assertThat(fetched.subList(0, pages - 3)).allSatisfy(page -> assertThat(page.get()).isNull());
    }
  }

  @Test void pagePointingBackToAnEarlierTokenFailsBeforeItsItems() {
    fake.page(null, "a", "1").page("a", "b", "2").page("b", "a", "3");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(PageStreams.cursor(id, null, fake), seen))
        .isExactlyInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith(id + ": ")
        .hasMessageContaining("repeated page token 'a'");
    assertThat(seen).containsExactly("1", "2");
    assertThat(fake.calls()).containsExactly(null, "a", "b");
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void nextTokenEqualToTheFirstTokenIsARepeat() {
    fake.page("x", "x", "1");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(PageStreams.cursor(id, "x", fake), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("repeated page token 'x'");
    assertThat(seen).isEmpty();
    assertThat(fake.calls()).containsExactly("x");
  }

  @Test void emptyPageClaimingMoreEndsWithMalformedResponse() {
    fake.page(null, "2", "a").page("2", "3");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(PageStreams.cursor(id, null, fake), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more");
    assertThat(seen).containsExactly("a");
    assertThat(fake.calls()).containsExactly(null, "2");
  }

  @Test void emptyLastPageEndsTheStream() {
    fake.page(null, "2", "a").page("2", null);

    assertThat(PageStreams.cursor(id, null, fake).toList()).containsExactly("a");
  }

  @Test void concurrentFetchesAtMostMaxConcurrencyPagesAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    CountDownLatch threeStarted = new CountDownLatch(3);
    CountDownLatch release = new CountDownLatch(1);
    fake.page(null, "2", "1");
    for (int n = 2; n <= 8; n++) {
      String next = n < 8 ? Integer.toString(n + 1) : null;
      String item = Integer.toString(n);
      fake.answer(item, () -> {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
          threeStarted.countDown();
          release.await();
          return pageOf(next, item);
        } finally {
          inFlight.decrementAndGet();
        }
      });
    }

    try (Stream<String> items = PageStreams.concurrent(id, null, fake,
        plan("2", "3", "4", "5", "6", "7", "8"), 3)) {
      Iterator<String> iterator = items.iterator();
      assertThat(iterator.next()).isEqualTo("1");
      assertThat(threeStarted.await(10, SECONDS)).isTrue(); // Three fetches block at once.
      assertThat(fake.calls()).hasSize(4);
      release.countDown();
      List<String> rest = new ArrayList<>();
      iterator.forEachRemaining(rest::add);
      assertThat(rest).containsExactly("2", "3", "4", "5", "6", "7", "8");
    }
    assertThat(maxInFlight.get()).isEqualTo(3);
  }

  @Test void concurrentDeliversInPageOrderWhenLaterPagesArriveFirst() {
    List<String> arrivals = new CopyOnWriteArrayList<>();
    CountDownLatch[] arrived = new CountDownLatch[6];
    for (int n = 2; n <= 5; n++) arrived[n] = new CountDownLatch(1);
    fake.page(null, "2", "1a", "1b");
    for (int n = 2; n <= 5; n++) {
      int page = n;
      fake.answer(Integer.toString(n), () -> {
        if (page < 5) arrived[page + 1].await(); // Page n returns only after page n + 1.
        arrivals.add(Integer.toString(page));
        arrived[page].countDown();
        return pageOf(page < 5 ? Integer.toString(page + 1) : null, page + "a", page + "b");
      });
    }

    List<String> items = PageStreams.concurrent(id, null, fake, plan("2", "3", "4", "5"), 4)
        .toList();

    assertThat(arrivals).containsExactly("5", "4", "3", "2");
    assertThat(items).containsExactly("1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b");
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void concurrentNeverHoldsMoreThanMaxConcurrencyPagesAhead() throws Exception {
    int pages = 20;
    int maxConcurrency = 2;
    fake.page(null, "2", "1-a", "1-b", "1-c");
    for (int n = 2; n <= pages; n++) {
      fake.page(Integer.toString(n), n < pages ? Integer.toString(n + 1) : null,
          n + "-a", n + "-b", n + "-c");
    }
    List<String> planned = IntStream.rangeClosed(2, pages).mapToObj(Integer::toString).toList();

    List<String> seen = new ArrayList<>();
    try (Stream<String> items = PageStreams.concurrent(id, null, fake, first -> Optional.of(planned),
        maxConcurrency)) {
      Iterator<String> iterator = items.iterator();
      while (iterator.hasNext()) {
        String item = iterator.next();
        seen.add(item);
        int page = Integer.parseInt(item.substring(0, item.indexOf('-')));
        awaitNoPagerThreads(); // Let every fetch started so far finish.
        assertThat(fake.calls()).hasSize(Math.min(page + maxConcurrency, pages));
      }
    }
    assertThat(seen).hasSize(3 * pages);
    assertThat(seen.get(3 * pages - 1)).isEqualTo(pages + "-c");
  }

  @Test void concurrentFollowsNextTokensWhenThePlannerKnowsNoTotal() {
    fake.page(null, "x", "1").page("x", "y", "2").page("y", null, "3");
    List<Page<String>> asked = new ArrayList<>();
    PagePlanner<String> planner = first -> {
      asked.add(first);
      return Optional.empty();
    };

    List<String> items = PageStreams.concurrent(id, null, fake, planner, 4).toList();

    assertThat(items).containsExactly("1", "2", "3");
    assertThat(asked).containsExactly(pageOf("x", "1"));
    assertThat(fake.calls()).containsExactly(null, "x", "y");
  }

  @Test void concurrentDoesNotAskThePlannerAboutASinglePage() {
    fake.page(null, null, "only");
    PagePlanner<String> planner = first -> {
      throw new AssertionError("planner asked");
    };

    assertThat(PageStreams.concurrent(id, null, fake, planner, 4).toList())
        .containsExactly("only");
  }

  @Test void concurrentContinuesCursorStyleAfterTheLastPlannedPage() {
    fake.page("0", "10", "a").page("10", "20", "b").page("20", "c1", "c")
        .page("c1", "c2", "d").page("c2", null, "e");

    List<String> items = PageStreams.concurrent(id, "0", fake, plan("10", "20"), 4).toList();

    assertThat(items).containsExactly("a", "b", "c", "d", "e");
    assertThat(fake.calls()).containsSubsequence("0", "c1", "c2").hasSize(5);
  }

  @Test void concurrentEndsAtAPlannedPageWithoutNextTokenAndCancelsTheRest() throws Exception {
    CountDownLatch laterPagesStarted = new CountDownLatch(2);
    fake.page(null, "2", "1").page("2", "3", "2")
        .answer("3", () -> {
          laterPagesStarted.await(); // Pages 4 and 5 are in flight when the data shrinks.
          return pageOf(null, "3");
        })
        .blockForever("4", laterPagesStarted)
        .blockForever("5", laterPagesStarted);

    List<String> items = PageStreams.concurrent(id, null, fake, plan("2", "3", "4", "5"), 4)
        .toList();

    assertThat(items).containsExactly("1", "2", "3");
    assertThat(fake.interruptions.tryAcquire(2, 10, SECONDS)).isTrue();
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void concurrentAppliesTheEmptyPageRuleToPlannedPages() {
    fake.page(null, "2", "1").page("2", "3", "2").page("3", "4").page("4", null, "4");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(
        PageStreams.concurrent(id, null, fake, plan("2", "3", "4"), 2), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more");
    assertThat(seen).containsExactly("1", "2");
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void concurrentRejectsAPlanThatRepeatsAPage() {
    fake.page(null, "2", "1").page("2", "3", "2");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(
        PageStreams.concurrent(id, null, fake, plan("2", "2"), 2), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("repeated page token '2'");
    assertThat(seen).containsExactly("1", "2");
  }

  @Test void fetchFailureReachesTheConsumerAtItsPageAsTheSameInstance() {
    RateLimitException failure =
        new RateLimitException(id, "slow down", "rate_limited", "req-7", Duration.ofSeconds(3));
    fake.page(null, "2", "a", "b").answer("2", () -> {
      throw failure;
    });
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(PageStreams.cursor(id, null, fake), seen)).isSameAs(failure);
    assertThat(seen).containsExactly("a", "b");
  }

  @Test void concurrentFailureWaitsForEarlierPagesAndCancelsTheRest() throws Exception {
    ProviderException failure =
        new ProviderException(id, "unavailable", 503, null, "req-1", true, null);
    CountDownLatch page4Started = new CountDownLatch(1);
    CountDownLatch page3Failed = new CountDownLatch(1);
    fake.page(null, "2", "1")
        .answer("2", () -> {
          page3Failed.await(); // Page 2 arrives after page 3 has failed.
          return pageOf("3", "2a", "2b");
        })
        .answer("3", () -> {
          page4Started.await();
          page3Failed.countDown();
          throw failure;
        })
        .blockForever("4", page4Started);
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(
        PageStreams.concurrent(id, null, fake, plan("2", "3", "4"), 3), seen))
        .isSameAs(failure);
    assertThat(seen).containsExactly("1", "2a", "2b");
    assertThat(fake.interruptions.tryAcquire(10, SECONDS)).isTrue();
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void runtimeExceptionFromTheFetcherIsRethrownAsIs() {
    IllegalStateException failure = new IllegalStateException("bug in the fetcher");
    fake.answer(null, () -> {
      throw failure;
    });

    assertThatThrownBy(() -> PageStreams.cursor(id, null, fake).toList()).isSameAs(failure);
    assertThatThrownBy(() -> PageStreams.concurrent(id, null, fake, plan(), 2).toList())
        .isSameAs(failure);
  }

  @Test void fetcherReturningNullFailsClearly() {
    fake.answer(null, () -> null);

    assertThatThrownBy(() -> PageStreams.cursor(id, null, fake).toList())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fetcher returned null");
  }

  @Test void closeInterruptsABlockedFetchAndLeavesNoThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    fake.page(null, "2", "a").blockForever("2", started);

    try (Stream<String> items = PageStreams.cursor(id, null, fake)) {
      assertThat(items.iterator().next()).isEqualTo("a");
      assertThat(started.await(10, SECONDS)).isTrue();
    }

    assertThat(fake.interruptions.availablePermits()).isEqualTo(1);
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void closeAfterEarlyTerminationCancelsThePrefetch() throws Exception {
    CountDownLatch started = new CountDownLatch(3);
    fake.page(null, "10", "a", "b")
        .blockForever("10", started).blockForever("20", started).blockForever("30", started);

    try (Stream<String> items = PageStreams.concurrent(id, null, fake, plan("10", "20", "30"), 3)) {
      assertThat(items.limit(1).toList()).containsExactly("a");
      assertThat(started.await(10, SECONDS)).isTrue();
    }

    assertThat(fake.interruptions.availablePermits()).isEqualTo(3);
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void closeFromAnotherThreadEndsTheStream() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    fake.page(null, "2", "a").blockForever("2", started);
    Stream<String> items = PageStreams.cursor(id, null, fake);
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch consumed = new CountDownLatch(1);
    Thread consumer = new Thread(() -> items.forEach(item -> {
      seen.add(item);
      consumed.countDown();
    }), "consumer");
    consumer.start();
    // Page 2 may be requested before "a" reaches the consumer: wait for both.
    assertThat(started.await(10, SECONDS)).isTrue();
    assertThat(consumed.await(10, SECONDS)).isTrue();

    items.close();

    consumer.join(SECONDS.toMillis(10));
    assertThat(consumer.isAlive()).isFalse();
    assertThat(seen).containsExactly("a");
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void abandonedStreamKeepsNoThreadOnceItsFetchesEnd() throws Exception {
    fake.page(null, "2", "a", "b").page("2", "3", "c").page("3", null, "d");

    Iterator<String> iterator = PageStreams.cursor(id, null, fake).iterator();
    assertThat(iterator.next()).isEqualTo("a");

    awaitNoPagerThreads();
    assertThat(fake.calls()).containsExactly(null, "2");
  }

  @Test void fetchesRunOnNamedDaemonThreads() {
    fake.page(null, "2", "a").page("2", "3", "b").page("3", null, "c");

    PageStreams.concurrent(id, null, fake, plan("2", "3"), 2).toList();

    assertThat(fake.threads()).hasSize(3).allSatisfy(thread -> {
      assertThat(thread.getName()).matches("invoicekit-" + id + "-pager-\\d+");
      assertThat(thread.isDaemon()).isTrue();
    });
    assertThat(fake.threads()).doesNotContain(Thread.currentThread());
  }

  @Test void interruptedConsumerGetsProviderExceptionAndKeepsItsInterrupt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    fake.blockForever(null, started);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
    Thread consumer = new Thread(() -> {
      try (Stream<String> items = PageStreams.cursor(id, null, fake)) {
        items.forEach(item -> { });
      } catch (Throwable t) {
        thrown.set(t);
        interruptFlag.set(Thread.currentThread().isInterrupted());
      }
    }, "consumer");
    consumer.start();
    assertThat(started.await(10, SECONDS)).isTrue();

    consumer.interrupt();
    consumer.join(SECONDS.toMillis(10));

    assertThat(consumer.isAlive()).isFalse();
    assertThat(thrown.get())
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessage(id + ": interrupted while waiting for a page")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(((ProviderException) thrown.get()).retryable()).isFalse();
    assertThat(interruptFlag.get()).isTrue();
    assertThat(fake.interruptions.tryAcquire(10, SECONDS)).isTrue();
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void manyPagesStreamCompletelyAndInOrder() {
    int pages = 300;
    for (int n = 1; n <= pages; n++) {
      String token = n == 1 ? null : Integer.toString(n);
      String next = n < pages ? Integer.toString(n + 1) : null;
      int first = (n - 1) * 10;
      fake.page(token, next, IntStream.range(first, first + 10).mapToObj(Integer::toString)
          .toArray(String[]::new));
    }
    List<String> expected = IntStream.range(0, pages * 10).mapToObj(Integer::toString).toList();
    List<String> planned = IntStream.rangeClosed(2, pages).mapToObj(Integer::toString).toList();

    assertThat(PageStreams.cursor(id, null, fake).toList()).isEqualTo(expected);
    assertThat(PageStreams.concurrent(id, null, fake, first -> Optional.of(planned), 4).toList())
        .isEqualTo(expected);
    assertThat(pagerThreads()).isEmpty();
  }

  @Test void rejectsBadArguments() {
    PagePlanner<String> planner = plan();
    assertThatThrownBy(() -> PageStreams.cursor(null, null, fake))
        .isInstanceOf(NullPointerException.class).hasMessage("providerId == null");
    assertThatThrownBy(() -> PageStreams.cursor(id, null, null))
        .isInstanceOf(NullPointerException.class).hasMessage("fetcher == null");
    assertThatThrownBy(() -> PageStreams.concurrent(null, null, fake, planner, 2))
        .isInstanceOf(NullPointerException.class).hasMessage("providerId == null");
    assertThatThrownBy(() -> PageStreams.concurrent(id, null, null, planner, 2))
        .isInstanceOf(NullPointerException.class).hasMessage("fetcher == null");
    assertThatThrownBy(() -> PageStreams.concurrent(id, null, fake, null, 2))
        .isInstanceOf(NullPointerException.class).hasMessage("planner == null");
    assertThatThrownBy(() -> PageStreams.concurrent(id, null, fake, planner, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxConcurrency < 1: 0");
    assertThat(fake.calls()).isEmpty();
  }

  /** A planner that plans {@code tokens} after the first page. */
  private static PagePlanner<String> plan(String... tokens) {
    return first -> Optional.of(List.of(tokens));
  }

  /** Consumes {@code items} into {@code seen}, then closes it, as try-with-resources does. */
  private static void consume(Stream<String> items, List<String> seen) {
    try (items) {
      items.forEach(seen::add);
    }
  }

  /** The live worker threads of this test's streams. */
  private List<Thread> pagerThreads() {
    String prefix = "invoicekit-" + id + "-pager-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
        .collect(Collectors.toList());
  }

  /** Waits for this test's worker threads to end, as an abandoned stream's must. */
  private void awaitNoPagerThreads() throws InterruptedException {
    long deadline = System.nanoTime() + SECONDS.toNanos(10);
    for (List<Thread> alive = pagerThreads(); !alive.isEmpty(); alive = pagerThreads()) {
      assertThat(System.nanoTime()).as("worker threads still alive: %s", alive).isLessThan(deadline);
      for (Thread thread : alive) thread.join(1000);
    }
  }
}
