package dev.invoicekit.spi;

import dev.invoicekit.Page;
import dev.invoicekit.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake vendor for {@link PageStreams}: answers page tokens as told and records every fetch. */
final class FakeFetcher implements PageStreams.PageFetcher<String> {
  private static final String FIRST = "<first page>";

  private final Map<String, Callable<Page<String>>> answers = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<String> threadNames = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Released once for every fetch that saw an interrupt. */
  final Semaphore interruptions = new Semaphore(0);

  /** Returns a page of {@code items} continued by {@code next}, or the last page if it is null. */
  static Page<String> pageOf(String next, String... items) {
    return Page.of(List.of(items), next);
  }

  /** Answers {@code token} (null for the first page) with {@code items}, continued by {@code next}. */
  FakeFetcher page(String token, String next, String... items) {
    Page<String> page = pageOf(next, items);
    return answer(token, () -> page);
  }

  /** Answers {@code token} by calling {@code answer}, which may block interruptibly or throw. */
  FakeFetcher answer(String token, Callable<Page<String>> answer) {
    answers.put(token == null ? FIRST : token, answer);
    return this;
  }

  /** Answers {@code token} by counting down {@code started}, then blocking until interrupted. */
  FakeFetcher blockForever(String token, CountDownLatch started) {
    return answer(token, () -> {
      started.countDown();
      new CountDownLatch(1).await();
      throw new AssertionError("never released");
    });
  }

  @Override public Page<String> fetch(String pageToken) {
    inFlight.incrementAndGet();
    try {
      return answer(pageToken);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Page<String> answer(String pageToken) {
    calls.add(pageToken);
    threads.add(Thread.currentThread());
    threadNames.add(Thread.currentThread().getName());
    Callable<Page<String>> answer = answers.get(pageToken == null ? FIRST : pageToken);
    if (answer == null) throw new AssertionError("unexpected page token " + pageToken);
    try {
      return answer.call();
    } catch (InterruptedException e) {
      // Like a real transport: give up, after a little cleanup, and report the interrupt.
      interruptions.release();
      cleanUp();
      Thread.currentThread().interrupt();
      throw new ProviderException("fake", "interrupted", 0, null, null, false, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits for another thread to run, so that an interrupted fetch outlives the interrupt by a
   * few context switches: a close() that does not wait for its worker threads gets caught.
   */
  private static void cleanUp() {
    CountDownLatch done = new CountDownLatch(1);
    new Thread(done::countDown, "fake-cleanup").start();
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** The tokens fetched so far, in the order the fetches began; null for the first page. */
  List<String> calls() {
    return calls;
  }

  /** The fetches running now: none once a stream's {@code close()} has returned. */
  int inFlight() {
    return inFlight.get();
  }

  /** The names of the threads the fetches ran on, as they were during the fetch. */
  List<String> threadNames() {
    return threadNames;
  }

  /** The threads the fetches ran on. */
  List<Thread> threads() {
    return threads;
  }
}
