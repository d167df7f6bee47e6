package dev.invoicekit.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the threads of InvoiceKit's own thread groups (the transports' shared {@code invoicekit-http}
 * threads): only those groups are looked at, never every thread of the JVM.
 */
final class Threads {
  /** The group of the threads every transport of the JVM shares. */
  static final String HTTP = "invoicekit-http";

  /**
   * The class of the transports' threads. OkHttp's and Okio's own JVM-wide threads (TaskRunner,
   * Watchdog) may be born in the same group, started by one of ours, but no transport owns them
   * and each ends 60 s after its last task; OkHttp renames both kinds while they work, so the
   * class tells them apart, not the name.
   */
  private static final String TRANSPORT_THREAD = "dev.invoicekit.http.SharedResources$TransportThread";

  private Threads() {}

  /**
   * Returns the threads of the root group's child group {@code name} still alive after waiting up
   * to {@code timeout} for them to end (by joining them, never by sleeping).
   */
  static List<Thread> stillAliveAfter(String name, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    List<Thread> left = new ArrayList<>();
    for (Thread thread : transportThreads(name)) {
      long remaining = deadline - System.nanoTime();
      if (remaining > 0) TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
      if (thread.isAlive()) left.add(thread);
    }
    return left;
  }

  /** The transport threads alive now in the root group's child group {@code name}. */
  static List<Thread> transportThreads(String name) {
    List<Thread> threads = new ArrayList<>();
    for (Thread thread : inGroup(name)) {
      if (thread.getClass().getName().equals(TRANSPORT_THREAD)) threads.add(thread);
    }
    return threads;
  }

  private static List<Thread> inGroup(String name) {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) root = root.getParent();
    ThreadGroup[] groups = new ThreadGroup[root.activeGroupCount() + 16];
    int count = root.enumerate(groups, false);
    List<Thread> threads = new ArrayList<>();
    for (ThreadGroup group : Arrays.asList(groups).subList(0, count)) {
      if (!group.getName().equals(name)) continue;
      Thread[] members = new Thread[group.activeCount() + 16];
      threads.addAll(Arrays.asList(members).subList(0, group.enumerate(members, false)));
    }
    return threads;
  }
}
