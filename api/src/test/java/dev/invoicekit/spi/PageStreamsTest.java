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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class PageStreamsTest {
  private static final AtomicInteger IDS = new AtomicInteger();

  /** A provider id of this test alone, so that thread-name checks see only its threads. */
  private final String id = "test" + IDS.incrementAndGet();
  private final FakeFetcher fake = new FakeFetcher();
  private final TrackingExecutor executor = new TrackingExecutor(id);

  @AfterEach void shutDownExecutor() {
    executor.shutdown();
  }

  @Test void nothingIsFetchedUntilTheFirstElementIsRequested() {
    fake.page(null, "2", "a").page("2", null, "b");
    try (Stream<String> cursor = cursor(null, fake);
        Stream<String> concurrent = concurrent(null, fake, plan("2"), 4)) {
      Iterator<String> cursorItems = cursor.map(String::toUpperCase).filter(s -> true).iterator();
      Iterator<String> concurrentItems = concurrent.map(String::toUpperCase).iterator();
      assertThat(fake.calls()).isEmpty();
      assertThat(executor.submitted()).isZero();

      assertThat(cursorItems.next()).isEqualTo("A");
      assertThat(fake.calls().get(0)).isNull();
      assertThat(concurrentItems.next()).isEqualTo("A");
    }
  }

  @Test void cursorDeliversEveryPageInOrderFromTheFirstToken() {
    fake.page("start", "b", "1", "2").page("b", "c", "3").page("c", null, "4", "5");

    List<String> items = cursor("start", fake).toList();

    assertThat(items).containsExactly("1", "2", "3", "4", "5");
    assertThat(fake.calls()).containsExactly("start", "b", "c");
    assertThat(fake.inFlight()).isZero(); // Exhaustion waits for the worker threads.
  }

  @Test void cursorRequestsTheNextPageWhenTheCurrentOneIsHandedOver() throws Exception {
    CountDownLatch requested = new CountDownLatch(1);
    fake.page(null, "2", "a", "b").answer("2", () -> {
      requested.countDown();
      return pageOf(null, "c");
    });
    try (Stream<String> items = cursor(null, fake)) {
      Iterator<String> iterator = items.iterator();
      assertThat(iterator.next()).isEqualTo("a"); // "b" of the first page is not consumed yet.
      assertThat(requested.await(10, SECONDS)).isTrue();
    }
  }

  @Test void cursorFetchesNeverMoreThanOnePageAhead() throws Exception {
    fake.page(null, "2", "a", "b").page("2", "3", "c", "d").page("3", "4", "e")
        .page("4", null, "f");
    try (Stream<String> items = cursor(null, fake)) {
      Iterator<String> iterator = items.iterator();
      assertThat(iterator.next()).isEqualTo("a");
      executor.awaitIdle();
      assertThat(fake.calls()).containsExactly(null, "2");

      assertThat(iterator.next()).isEqualTo("b");
      executor.awaitIdle();
      assertThat(fake.calls()).containsExactly(null, "2");

      assertThat(iterator.next()).isEqualTo("c");
      executor.awaitIdle();
      assertThat(fake.calls()).containsExactly(null, "2", "3");
    }
  }

  @Test void cursorWorkerWhosePageIsAwaitedFetchesTheNextPageOnItsOwnThread() {
    CountDownLatch consumerWaits = new CountDownLatch(1);
    fake.answer(null, () -> {
      // Answer only once the consumer is blocked waiting for this page.
      assertThat(consumerWaits.await(10, SECONDS)).isTrue();
      return pageOf("2", "a");
    }).page("2", "3", "b").page("3", null, "c");

    List<String> items;
    try (Stream<String> stream = cursorTellingAwaits(fake, token -> {
      if (token == null) consumerWaits.countDown();
    })) {
      items = stream.collect(Collectors.toList());
    }

    assertThat(items).containsExactly("a", "b", "c");
    assertThat(fake.calls()).containsExactly(null, "2", "3");
    assertThat(fake.threads().get(1)).isSameAs(fake.threads().get(0));
    assertThat(executor.submitted()).as("one task ran the chained fetches").isLessThanOrEqualTo(2);
    assertThat(fake.inFlight()).isZero();
  }

  @Test void cursorWorkerChainingThroughTheListingRunsEveryPageOnOneTask() {
    int pages = 30;
    List<CountDownLatch> awaited = new ArrayList<>();
    for (int n = 1; n <= pages; n++) awaited.add(new CountDownLatch(1));
    for (int n = 1; n <= pages; n++) {
      String token = n == 1 ? null : Integer.toString(n);
      String next = n < pages ? Integer.toString(n + 1) : null;
      String item = "item" + n;
      CountDownLatch consumerWaits = awaited.get(n - 1);
      fake.answer(token, () -> {
        // Answer once the consumer waits for this very page: one worker chains through them all.
        assertThat(consumerWaits.await(10, SECONDS)).isTrue();
        return pageOf(next, item);
      });
    }

    try (Stream<String> items = cursorTellingAwaits(fake,
        token -> awaited.get(token == null ? 0 : Integer.parseInt(token) - 1).countDown())) {
      assertThat(items.toList()).hasSize(pages).startsWith("item1").endsWith("item" + pages);
    }
    assertThat(fake.threads()).as("one worker chained through the pages").containsOnly(fake.threads().get(0));
    assertThat(executor.submitted()).isEqualTo(1);
  }

  @Test void pagePointingBackToAnEarlierTokenFailsBeforeItsItems() {
    fake.page(null, "a", "1").page("a", "b", "2").page("b", "a", "3");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(cursor(null, fake), seen))
        .isExactlyInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith(id + ": ")
        .hasMessageContaining("repeated page token 'a'");
    assertThat(seen).containsExactly("1", "2");
    assertThat(fake.calls()).containsExactly(null, "a", "b");
    assertThat(fake.inFlight()).isZero();
  }

  @Test void nextTokenEqualToTheFirstTokenIsARepeat() {
    fake.page("x", "x", "1");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(cursor("x", fake), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("repeated page token 'x'");
    assertThat(seen).isEmpty();
    assertThat(fake.calls()).containsExactly("x");
  }

  @Test void emptyPageClaimingMoreEndsWithMalformedResponse() {
    fake.page(null, "2", "a").page("2", "3");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(cursor(null, fake), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more");
    assertThat(seen).containsExactly("a");
    assertThat(fake.calls()).containsExactly(null, "2");
  }

  @Test void emptyLastPageEndsTheStream() {
    fake.page(null, "2", "a").page("2", null);

    assertThat(cursor(null, fake).toList()).containsExactly("a");
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

    try (Stream<String> items = concurrent(null, fake,
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

    List<String> items = concurrent(null, fake, plan("2", "3", "4", "5"), 4)
        .toList();

    assertThat(arrivals).containsExactly("5", "4", "3", "2");
    assertThat(items).containsExactly("1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b", "5a", "5b");
    assertThat(fake.inFlight()).isZero();
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
    try (Stream<String> items = concurrent(null, fake, first -> Optional.of(planned),
        maxConcurrency)) {
      Iterator<String> iterator = items.iterator();
      while (iterator.hasNext()) {
        String item = iterator.next();
        seen.add(item);
        int page = Integer.parseInt(item.substring(0, item.indexOf('-')));
        executor.awaitIdle(); // Let every fetch started so far finish.
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

    List<String> items = concurrent(null, fake, planner, 4).toList();

    assertThat(items).containsExactly("1", "2", "3");
    assertThat(asked).containsExactly(pageOf("x", "1"));
    assertThat(fake.calls()).containsExactly(null, "x", "y");
  }

  @Test void concurrentDoesNotAskThePlannerAboutASinglePage() {
    fake.page(null, null, "only");
    PagePlanner<String> planner = first -> {
      throw new AssertionError("planner asked");
    };

    assertThat(concurrent(null, fake, planner, 4).toList())
        .containsExactly("only");
  }

  @Test void concurrentContinuesCursorStyleAfterTheLastPlannedPage() {
    fake.page("0", "10", "a").page("10", "20", "b").page("20", "c1", "c")
        .page("c1", "c2", "d").page("c2", null, "e");

    List<String> items = concurrent("0", fake, plan("10", "20"), 4).toList();

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

    List<String> items = concurrent(null, fake, plan("2", "3", "4", "5"), 4)
        .toList();

    assertThat(items).containsExactly("1", "2", "3");
    assertThat(fake.interruptions.tryAcquire(2, 10, SECONDS)).isTrue();
    assertThat(fake.inFlight()).isZero();
  }

  @Test void concurrentAppliesTheEmptyPageRuleToPlannedPages() {
    fake.page(null, "2", "1").page("2", "3", "2").page("3", "4").page("4", null, "4");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(
        concurrent(null, fake, plan("2", "3", "4"), 2), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more");
    assertThat(seen).containsExactly("1", "2");
    assertThat(fake.inFlight()).isZero();
  }

  @Test void concurrentRejectsAPlanThatRepeatsAPage() {
    fake.page(null, "2", "1").page("2", "3", "2");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(
        concurrent(null, fake, plan("2", "2"), 2), seen))
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

    assertThatThrownBy(() -> consume(cursor(null, fake), seen)).isSameAs(failure);
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
        concurrent(null, fake, plan("2", "3", "4"), 3), seen))
        .isSameAs(failure);
    assertThat(seen).containsExactly("1", "2a", "2b");
    assertThat(fake.interruptions.tryAcquire(10, SECONDS)).isTrue();
    assertThat(fake.inFlight()).isZero();
  }

  @Test void runtimeExceptionFromTheFetcherIsRethrownAsIs() {
    IllegalStateException failure = new IllegalStateException("bug in the fetcher");
    fake.answer(null, () -> {
      throw failure;
    });

    assertThatThrownBy(() -> cursor(null, fake).toList()).isSameAs(failure);
    assertThatThrownBy(() -> concurrent(null, fake, plan(), 2).toList())
        .isSameAs(failure);
  }

  @Test void fetcherReturningNullFailsClearly() {
    fake.answer(null, () -> null);

    assertThatThrownBy(() -> cursor(null, fake).toList())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fetcher returned null");
  }

  @Test void closeInterruptsABlockedFetchAndLeavesNoThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    fake.page(null, "2", "a").blockForever("2", started);

    try (Stream<String> items = cursor(null, fake)) {
      assertThat(items.iterator().next()).isEqualTo("a");
      assertThat(started.await(10, SECONDS)).isTrue();
    }

    assertThat(fake.interruptions.availablePermits()).isEqualTo(1);
    assertThat(fake.inFlight()).isZero();
  }

  @Test void closeAfterEarlyTerminationCancelsThePrefetch() throws Exception {
    CountDownLatch started = new CountDownLatch(3);
    fake.page(null, "10", "a", "b")
        .blockForever("10", started).blockForever("20", started).blockForever("30", started);

    try (Stream<String> items = concurrent(null, fake, plan("10", "20", "30"), 3)) {
      assertThat(items.limit(1).toList()).containsExactly("a");
      assertThat(started.await(10, SECONDS)).isTrue();
    }

    assertThat(fake.interruptions.availablePermits()).isEqualTo(3);
    assertThat(fake.inFlight()).isZero();
  }

  @Test void closeFromAnotherThreadEndsTheStream() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    fake.page(null, "2", "a").blockForever("2", started);
    Stream<String> items = cursor(null, fake);
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
    assertThat(fake.inFlight()).isZero();
  }

  @Test void abandonedStreamKeepsNoThreadOnceItsFetchesEnd() throws Exception {
    fake.page(null, "2", "a", "b").page("2", "3", "c").page("3", null, "d");

    Iterator<String> iterator = cursor(null, fake).iterator();
    assertThat(iterator.next()).isEqualTo("a");

    executor.awaitIdle();
    assertThat(fake.calls()).containsExactly(null, "2");
  }

  @Test void fetchesRunOnNamedDaemonThreads() {
    fake.page(null, "2", "a").page("2", "3", "b").page("3", null, "c");

    PageStreams.concurrent(id, null, fake, plan("2", "3"), 2).toList();

    assertThat(fake.threads()).hasSize(3).allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
    assertThat(fake.threadNames()).allSatisfy(name -> assertThat(name).matches("invoicekit-" + id + "-pager-\\d+"));
    assertThat(fake.threads()).doesNotContain(Thread.currentThread());
  }

  @Test void interruptedConsumerGetsProviderExceptionAndKeepsItsInterrupt() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    fake.blockForever(null, started);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> interruptFlag = new AtomicReference<>();
    Thread consumer = new Thread(() -> {
      try (Stream<String> items = cursor(null, fake)) {
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
    assertThat(fake.inFlight()).isZero();
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

    assertThat(cursor(null, fake).toList()).isEqualTo(expected);
    assertThat(concurrent(null, fake, first -> Optional.of(planned), 4).toList())
        .isEqualTo(expected);
    assertThat(fake.inFlight()).isZero();
  }

  @Test void hugePlannedTotalCostsNothingUntilPagesAreFetched() {
    // A vendor claiming two billion one-item pages: the plan is lazy, read one token per fetch.
    fake.page(null, "2", "a").page("2", "3", "b").page("3", "4", "c").page("4", "5")
        .page("5", "6", "e").page("6", "7", "f");
    PagePlanner<String> planner = first -> Optional.of(PageStreams.tokenRange(2, 1, 1_999_999_999L));

    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> consume(concurrent(null, fake, planner, 2), seen))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("empty page claims more");

    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(fake.calls()).hasSizeLessThanOrEqualTo(6); // Page 4 and at most 2 fetched ahead.
    assertThat(fake.inFlight()).isZero();
  }

  @Test void hugePlannedTotalEndsCleanlyWhenThePagesRunOut() {
    fake.page(null, "2", "a").page("2", "3", "b").page("3", null, "c")
        .page("4", "5", "never delivered").page("5", "6", "never delivered");
    PagePlanner<String> planner = first -> Optional.of(PageStreams.tokenRange(2, 1, 2_000_000_000L));

    assertThat(concurrent(null, fake, planner, 3).toList()).containsExactly("a", "b", "c");
    assertThat(fake.calls()).hasSizeLessThanOrEqualTo(5);
    assertThat(fake.inFlight()).isZero();
  }

  @Test void tokenRangeIsLazyAndExact() {
    List<String> offsets = PageStreams.tokenRange(100, 100, 3_000_000_000L);
    assertThat(offsets.size()).isEqualTo(Integer.MAX_VALUE);
    assertThat(offsets.get(0)).isEqualTo("100");
    assertThat(offsets.get(2)).isEqualTo("300");
    Iterator<String> iterator = PageStreams.tokenRange(7, 1, 2).iterator();
    assertThat(iterator.next()).isEqualTo("7");
    assertThat(iterator.next()).isEqualTo("8");
    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(() -> PageStreams.tokenRange(Long.MAX_VALUE - 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    assertThatThrownBy(() -> PageStreams.tokenRange(1, 0, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("step < 1: 0");
  }

  @Test void stackOverflowInAFetchReachesTheConsumerAfterTheEarlierPages() {
    StackOverflowError error = new StackOverflowError("deep");
    fake.page(null, "2", "a").answer("2", () -> {
      throw error;
    });
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(cursor(null, fake), seen)).isSameAs(error);
    assertThat(seen).containsExactly("a");
    assertThat(fake.inFlight()).isZero();
  }

  @Test void outOfMemoryInAConcurrentFetchReachesTheConsumerAndCancelsTheRest() throws Exception {
    OutOfMemoryError error = new OutOfMemoryError("plan");
    CountDownLatch started = new CountDownLatch(1);
    fake.page(null, "2", "a").answer("2", () -> {
      throw error;
    }).blockForever("3", started);
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(concurrent(null, fake, plan("2", "3"), 2), seen)).isSameAs(error);
    assertThat(seen).containsExactly("a");
    assertThat(fake.inFlight()).isZero();
  }

  @Test void executorRefusingAFetchFailsThatPage() {
    fake.answer(null, () -> {
      executor.refuse();
      return pageOf("2", "a");
    });
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> consume(concurrent(null, fake, plan("2"), 1), seen))
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessageStartingWith(id + ": page fetch refused by the executor: refusing as told");
    assertThat(seen).containsExactly("a");
  }

  @Test void sharedPoolIsBoundedWithDaemonThreadsThatExpire() throws Exception {
    java.util.concurrent.ThreadPoolExecutor pool = PagerThreads.newPool();
    try {
      assertThat(pool.getMaximumPoolSize()).isEqualTo(PagerThreads.MAX_THREADS);
      assertThat(pool.allowsCoreThreadTimeOut()).isTrue();
      assertThat(pool.getKeepAliveTime(SECONDS)).isEqualTo(PagerThreads.KEEP_ALIVE_SECONDS);
      AtomicReference<Thread> ran = new AtomicReference<>();
      pool.submit(() -> ran.set(Thread.currentThread())).get(10, SECONDS);
      assertThat(ran.get().isDaemon()).isTrue();
      assertThat(ran.get().getName()).matches("invoicekit-pager-\\d+");
      // Not in the group of the caller that first needed a thread: no caller owns the pool.
      assertThat(ran.get().getThreadGroup().getName()).isEqualTo("invoicekit-pager");
      assertThat(ran.get().getThreadGroup().getParent().getParent()).isNull();
    } finally {
      pool.shutdownNow();
    }
    assertThat(PagerThreads.shared()).isSameAs(PagerThreads.shared());
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
    assertThatThrownBy(() -> PageStreams.cursor(id, null, fake, null))
        .isInstanceOf(NullPointerException.class).hasMessage("executor == null");
    assertThatThrownBy(() -> PageStreams.concurrent(id, null, fake, planner, 2, null))
        .isInstanceOf(NullPointerException.class).hasMessage("executor == null");
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

  private Stream<String> cursor(String firstToken, PageStreams.PageFetcher<String> fetcher) {
    return PageStreams.cursor(id, firstToken, fetcher, executor);
  }

  private Stream<String> concurrent(String firstToken, PageStreams.PageFetcher<String> fetcher,
      PagePlanner<String> planner, int maxConcurrency) {
    return PageStreams.concurrent(id, firstToken, fetcher, planner, maxConcurrency, executor);
  }

  /** A cursor stream whose pager tells {@code awaiting} each token the consumer blocks on. */
  private Stream<String> cursorTellingAwaits(PageStreams.PageFetcher<String> fetcher,
      java.util.function.Consumer<String> awaiting) {
    return PageStreams.stream(new Pager<>(id, null, fetcher, null, 1, executor, awaiting));
  }
}
