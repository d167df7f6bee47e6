package dev.invoicekit.spi;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool that runs page fetches when a stream is given no executor of its own: one per JVM,
 * at most {@value #MAX_THREADS} daemon threads, each of which ends after {@value #KEEP_ALIVE_SECONDS}
 * seconds without work. Fetches beyond the bound wait in the pool's queue. So an abandoned stream
 * keeps no thread alive once its fetches are done, and an idle JVM holds none.
 *
 * <p>Its threads are named {@code invoicekit-pager-<n>}; while one runs a fetch for provider
 * {@code acme} it is named {@code invoicekit-acme-pager-<n>}, so a thread dump says whose fetch
 * it is. They belong to a thread group of their own under the JVM's root group, not to the group
 * of whichever caller first needed one: they serve every stream of the JVM, no caller owns them.
 */
final class PagerThreads {
  static final int MAX_THREADS = 64;
  static final long KEEP_ALIVE_SECONDS = 10;
  private static final String PREFIX = "invoicekit-pager-";

  private static final class Holder {
    static final ThreadPoolExecutor SHARED = newPool();
  }

  private PagerThreads() {}

  /** The shared pool, created on first use. */
  static ExecutorService shared() {
    return Holder.SHARED;
  }

  /** A pool configured like the shared one (tests inspect it). */
  static ThreadPoolExecutor newPool() {
    AtomicInteger numbers = new AtomicInteger();
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) root = root.getParent();
    ThreadGroup group = new ThreadGroup(root, "invoicekit-pager");
    ThreadFactory factory = task -> {
      Thread thread = new PagerThread(group, task, PREFIX + numbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS,
        KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  static boolean isPagerThread(Thread thread) {
    return thread instanceof PagerThread;
  }

  /** The name of pool thread {@code poolName} while it fetches for {@code providerId}. */
  static String name(String providerId, String poolName) {
    return "invoicekit-" + providerId + "-pager-" + poolName.substring(PREFIX.length());
  }

  private static final class PagerThread extends Thread {
    PagerThread(ThreadGroup group, Runnable task, String name) {
      super(group, task, name);
    }
  }
}
