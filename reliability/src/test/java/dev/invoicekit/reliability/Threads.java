package dev.invoicekit.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Finds the threads a piece of code started and left running. */
final class Threads {
  private Threads() {}

  /** Remembers the threads alive now. */
  static Snapshot snapshot() {
    Set<Thread> alive = Collections.newSetFromMap(new IdentityHashMap<>());
    alive.addAll(Thread.getAllStackTraces().keySet());
    return new Snapshot(alive);
  }

  static final class Snapshot {
    private final Set<Thread> before;

    private Snapshot(Set<Thread> before) {
      this.before = before;
    }

    /**
     * Returns the threads started since this snapshot whose name starts with one of
     * {@code prefixes} and that are still alive after waiting up to {@code timeout} for them to
     * end (by joining them, never by sleeping).
     */
    List<Thread> newThreadsStillAliveAfter(long timeout, TimeUnit unit, String... prefixes)
        throws InterruptedException {
      long deadline = System.nanoTime() + unit.toNanos(timeout);
      List<Thread> left = new ArrayList<>();
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (before.contains(thread) || !named(thread, prefixes) || sharedPager(thread)) continue;
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        if (thread.isAlive()) left.add(thread);
      }
      return left;
    }

    /**
     * A thread of the JVM-wide pool page fetches run on (PageStreams): no provider owns it, it
     * ends after 10 s without work; that the provider's own fetches ended is the pager's test.
     */
    private static boolean sharedPager(Thread thread) {
      ThreadGroup group = thread.getThreadGroup();
      return group != null && group.getName().equals("invoicekit-pager");
    }

    private static boolean named(Thread thread, String... prefixes) {
      for (String prefix : prefixes) {
        if (thread.getName().startsWith(prefix)) return true;
      }
      return false;
    }
  }
}
