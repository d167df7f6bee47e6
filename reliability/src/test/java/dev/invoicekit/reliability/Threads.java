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
   * OkHttp's and Okio's own JVM-wide threads: born in the group of the thread that first needed
   * them (often one of ours), owned by no transport, each ending 60 s after its last task.
   */
  private static final java.util.Set<String> OKHTTP_SHARED = java.util.Set.of("OkHttp TaskRunner", "Okio Watchdog");

  private Threads() {}

  /**
   * Returns the threads of the root group's child group {@code name} still alive after waiting up
   * to {@code timeout} for them to end (by joining them, never by sleeping).
   */
  static List<Thread> stillAliveAfter(String name, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    List<Thread> left = new ArrayList<>();
    for (Thread thread : inGroup(name)) {
      if (OKHTTP_SHARED.contains(thread.getName())) continue;
      long remaining = deadline - System.nanoTime();
      if (remaining > 0) TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
      if (thread.isAlive()) left.add(thread);
    }
    return left;
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
