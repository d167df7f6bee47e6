package dev.invoicekit.spi;

import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Page;
import dev.invoicekit.ProviderException;
import dev.invoicekit.spi.PageStreams.PageFetcher;
import dev.invoicekit.spi.PageStreams.PagePlanner;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The spliterator behind {@link PageStreams}: a queue of page fetches, each run on the pager's
 * {@link Executor}, consumed strictly in order.
 *
 * <p>The consumer's thread alone calls {@link #tryAdvance} and so owns the paging state (the
 * current page, the plan, the tokens seen). The plan is read lazily, one token per fetch started:
 * a vendor total of two billion pages costs nothing until those pages are fetched. The queue of
 * fetches and the count of running workers are shared with {@link #close}, which any thread may
 * call, and are guarded by {@code this}. Fetches are
 * started by the consumer's thread when a page is handed over, so the queue never holds more than
 * {@code maxConcurrency} fetches. One exception saves two thread hand-offs per page with cursor
 * paging: when the consumer is already blocked on a page (so that page is handed over the moment
 * it arrives), the worker that fetched it queues the next page itself, exactly as the hand-over
 * would, and fetches it on the same thread.
 */
final class Pager<T> extends Spliterators.AbstractSpliterator<T> {
  private static final long JOIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String providerId;
  private final String firstToken;
  private final PageFetcher<T> fetcher;
  private final PagePlanner<T> planner; // Null for cursor paging.
  private final int maxConcurrency;
  private final Executor executor;
  private final Consumer<String> awaiting; // Tests: told the token of each page the consumer awaits.

  // Owned by the consuming thread; read by a worker only while the consumer waits for its page.
  private final Set<String> handedOverTokens = new HashSet<>();
  private Iterator<T> current = Collections.emptyIterator();
  private Iterator<String> plan = Collections.emptyIterator();
  private boolean started;
  private boolean planAsked;

  // Guarded by this.
  private final ArrayDeque<Fetch<T>> fetches = new ArrayDeque<>();
  private int runningWorkers;
  private Fetch<T> awaited; // The fetch the consumer is blocked on, if any.
  private boolean closed;

  Pager(String providerId, String firstToken, PageFetcher<T> fetcher, PagePlanner<T> planner,
      int maxConcurrency, Executor executor) {
    this(providerId, firstToken, fetcher, planner, maxConcurrency, executor, token -> { });
  }

  Pager(String providerId, String firstToken, PageFetcher<T> fetcher, PagePlanner<T> planner,
      int maxConcurrency, Executor executor, Consumer<String> awaiting) {
    super(Long.MAX_VALUE, ORDERED | NONNULL);
    this.providerId = providerId;
    this.firstToken = firstToken;
    this.fetcher = fetcher;
    this.planner = planner;
    this.maxConcurrency = maxConcurrency;
    this.executor = executor;
    this.awaiting = awaiting;
  }

  @Override public boolean tryAdvance(Consumer<? super T> action) {
    Objects.requireNonNull(action, "action == null");
    while (!current.hasNext()) {
      if (!nextPage()) return false;
    }
    action.accept(current.next());
    return true;
  }

  /** Makes the next page current; returns false at the end of the data or once closed. */
  private boolean nextPage() {
    if (!started) {
      started = true;
      start(firstToken);
    }
    Fetch<T> head;
    synchronized (this) {
      head = closed ? null : fetches.peekFirst();
    }
    if (head == null) {
      close(); // The end of the data: let the last worker threads finish.
      return false;
    }
    Page<T> page = await(head);
    synchronized (this) {
      awaited = null;
      if (closed || page == null) return false; // Closed by another thread while we waited.
      fetches.removeFirst();
    }
    try {
      handOver(head.token, page);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    return true;
  }

  /** Returns the page of {@code fetch}, or null if the stream was closed meanwhile. */
  private Page<T> await(Fetch<T> fetch) {
    synchronized (this) {
      awaited = fetch;
    }
    awaiting.accept(fetch.token);
    try {
      return fetch.task.get();
    } catch (CancellationException e) {
      return null;
    } catch (InterruptedException e) {
      synchronized (this) {
        awaited = null;
      }
      close();
      Thread.currentThread().interrupt();
      throw new ProviderException(providerId, "interrupted while waiting for a page", 0, null,
          null, false, e);
    } catch (ExecutionException e) {
      synchronized (this) {
        awaited = null;
      }
      close();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) throw (RuntimeException) cause;
      if (cause instanceof Error) throw (Error) cause;
      throw new ProviderException(providerId, "page fetch failed", 0, null, null, false, cause);
    }
  }

  /** Validates {@code page}, makes it current and starts the fetches that follow it. */
  private void handOver(String token, Page<T> page) {
    if (token != null && !handedOverTokens.add(token)) throw repeatedToken(token);
    ProviderChecks.requireProgress(providerId, "page token " + quote(token), page);
    Optional<String> next = page.nextPageToken();
    if (next.isPresent() && handedOverTokens.contains(next.get())) {
      // The page points back to one already delivered: it is a repeat (a vendor stuck on a cursor
      // answers the same page again), so none of its items is delivered a second time.
      throw repeatedToken(next.get());
    }
    if (planner != null && !planAsked) { // This is the first page.
      planAsked = true;
      if (next.isPresent()) planFrom(page);
    }
    current = page.items().iterator();

    boolean morePlanned = plan.hasNext() || queued() > 0;
    if (!morePlanned) {
      next.ifPresent(this::start); // Cursor style: one page of lookahead.
    } else if (next.isEmpty()) {
      // A planned page that is not the last one ends the listing: the data shrank.
      plan = Collections.emptyIterator();
      cancelQueued();
    }
    while (plan.hasNext() && queued() < maxConcurrency) {
      start(Objects.requireNonNull(plan.next(), "planner planned a null page token"));
    }
  }

  /** Takes the plan's iterator, never a copy: a plan may be two billion tokens long. */
  private void planFrom(Page<T> firstPage) {
    Optional<? extends Iterable<String>> tokens = planner.remaining(firstPage);
    Objects.requireNonNull(tokens, "planner returned null");
    plan = tokens.isPresent() ? tokens.get().iterator() : Collections.emptyIterator();
  }

  /**
   * Starts fetching the page of {@code token} on the executor, unless closed. An executor that
   * refuses the fetch fails that page: the consumer gets a {@link ProviderException} when it
   * reaches it, after the pages before it.
   */
  private void start(String token) {
    Fetch<T> fetch = new Fetch<>(token);
    fetch.task = task(fetch);
    synchronized (this) {
      if (closed) return;
      fetches.addLast(fetch);
      runningWorkers++;
    }
    try {
      executor.execute(new Worker<>(this, fetch));
    } catch (RejectedExecutionException e) {
      workerDone();
      FutureTask<Page<T>> refused = new FutureTask<>(() -> {
        throw new ProviderException(providerId, "page fetch refused by the executor: " + e.getMessage(),
            0, null, null, false, e);
      });
      refused.run();
      fetch.task = refused;
    }
  }

  private synchronized void workerDone() {
    runningWorkers--;
    if (runningWorkers == 0) notifyAll();
  }

  private FutureTask<Page<T>> task(Fetch<T> fetch) {
    return new FutureTask<>(() -> {
      Page<T> page = Objects.requireNonNull(fetcher.fetch(fetch.token),
          "fetcher returned null for page token " + quote(fetch.token));
      if (planner == null) chainNext(fetch, page);
      return page;
    });
  }

  /**
   * Cursor paging, on the worker that fetched {@code page}: if the consumer is blocked waiting for
   * it, queues the fetch of the next page, which this worker runs next. The checks are those of
   * {@link #handOver}, which then finds the fetch queued and starts none; while the consumer is
   * blocked it does not touch {@code handedOverTokens}, and the lock orders its earlier writes.
   */
  private void chainNext(Fetch<T> fetch, Page<T> page) {
    Optional<String> next = page.nextPageToken();
    if (next.isEmpty() || page.items().isEmpty() || next.get().equals(fetch.token)) return;
    synchronized (this) {
      if (closed || awaited != fetch || !fetches.isEmpty() && fetches.peekLast() != fetch
          || handedOverTokens.contains(next.get())) {
        return;
      }
      Fetch<T> following = new Fetch<>(next.get());
      following.task = task(following);
      fetches.addLast(following);
      fetch.chained = following;
    }
  }

  private synchronized int queued() {
    return fetches.size();
  }

  private synchronized void cancelQueued() {
    for (Fetch<T> fetch : fetches) {
      fetch.task.cancel(true);
    }
    fetches.clear();
  }

  /**
   * Cancels every pending fetch, interrupting its thread, and waits up to 10 seconds for every
   * fetch of this stream still running to end. Idempotent; any thread may call it.
   */
  void close() {
    boolean interrupted = false;
    synchronized (this) {
      closed = true;
      cancelQueued();
      long deadline = System.nanoTime() + JOIN_TIMEOUT_NANOS;
      while (runningWorkers > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) break; // Give up silently: the fetches were interrupted.
        try {
          TimeUnit.NANOSECONDS.timedWait(this, remaining);
        } catch (InterruptedException e) {
          interrupted = true;
          break;
        }
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /** Tests: the fetches of this stream queued or running, and the workers running. */
  synchronized String state() {
    return "fetches=" + fetches.size() + ", running=" + runningWorkers;
  }

  private MalformedResponseException repeatedToken(String token) {
    return new MalformedResponseException(providerId,
        "repeated page token " + quote(token) + ": paging would loop");
  }

  private static String quote(String token) {
    return token == null ? "(first page)" : Quoting.quote(token);
  }

  /**
   * Runs a fetch, then each fetch chained after it, then tells the pager it is done. It holds
   * only the fetch at hand: a chain that runs through a whole listing must not keep the pages
   * already handed over reachable. On a thread of the {@linkplain PagerThreads shared pool} it
   * names the thread after the provider while it runs.
   */
  private static final class Worker<T> implements Runnable {
    private final Pager<T> pager;
    private Fetch<T> next;

    Worker(Pager<T> pager, Fetch<T> first) {
      this.pager = pager;
      this.next = first;
    }

    @Override public void run() {
      Thread thread = Thread.currentThread();
      String name = thread.getName();
      boolean rename = PagerThreads.isPagerThread(thread);
      if (rename) thread.setName(PagerThreads.name(pager.providerId, name));
      try {
        while (next != null) {
          Fetch<T> current = next;
          next = null;
          current.task.run();
          if (current.task.isCancelled()) Thread.interrupted(); // The cancel's interrupt ends here.
          next = current.chained;
          current.chained = null;
        }
      } finally {
        if (rename) thread.setName(name);
        pager.workerDone();
      }
    }
  }

  /** The fetch of the page of {@code token}, and the one its worker runs after it, if any. */
  private static final class Fetch<T> {
    final String token;
    FutureTask<Page<T>> task; // Set once, before the fetch is shared.
    Fetch<T> chained; // Written under the pager's lock before the task completes.

    Fetch(String token) {
      this.token = token;
    }
  }
}
