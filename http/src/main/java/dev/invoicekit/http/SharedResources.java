package dev.invoicekit.http;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The connection pool, dispatcher and threads that the transports of a JVM share, so that
 * neither threads nor connections grow with the number of provider instances: one lease per
 * open transport; the first lease starts a generation, the release of the last ends it (its
 * calls cancelled, its threads ended, its connections evicted) and the next lease starts a new
 * one.
 *
 * <p>The dispatcher runs at most {@value #MAX_REQUESTS} calls at once (per host too: instances
 * of one vendor all call one host); later calls wait in its queue. Threads are made as calls
 * need them and reused: daemons named {@code invoicekit-http-<n>}, in a thread group of their
 * own under the JVM's root group (not the group of whichever caller first needed one), each
 * ending after {@value #KEEP_ALIVE_SECONDS} seconds without work. There are at most
 * {@value #MAX_THREADS}: a thread that has just finished a call is still busy for an instant
 * while the dispatcher starts the next one on another; were even those busy, the thread that
 * starts a call runs it. OkHttp renames a thread while it runs a call. The pool keeps OkHttp's default of 5 idle connections for 5 minutes; its cleanup runs
 * on OkHttp's own task threads ({@code OkHttp TaskRunner}, daemons that end 60 seconds after
 * their last task), which OkHttp shares JVM-wide and offers no public API to replace; being
 * started by one of these threads, they may land in this thread group.
 *
 * <p>Two base clients share the pool and dispatcher, built on first use: one for https, and one
 * for plain http (loopback only, see {@link HttpTransport}), which never needs TLS and so never
 * loads the JDK's trust store. A transport derives its own client from one of them with
 * {@link OkHttpClient#newBuilder()}, which shares everything heavy.
 */
final class SharedResources {
  /** The most calls running at once in a generation, and the most threads. */
  static final int MAX_REQUESTS = 64;
  /** The most threads of a generation: the running calls' and the finishing ones'. */
  static final int MAX_THREADS = 2 * MAX_REQUESTS;
  static final long KEEP_ALIVE_SECONDS = 60;
  private static final int MAX_IDLE_CONNECTIONS = 5;
  private static final long CONNECTION_KEEP_ALIVE_MINUTES = 5;

  /** The resources every transport of the JVM shares, unless given a host's client. */
  static final SharedResources JVM = new SharedResources("invoicekit-http");

  private final String name;
  private final ThreadGroup group;
  private final AtomicInteger numbers = new AtomicInteger();
  private Generation current; // Guarded by this.

  /**
   * Creates resources whose threads are named {@code <name>-<n>}, in thread group {@code name}
   * (tests make their own).
   */
  SharedResources(String name) {
    this.name = name;
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) root = root.getParent();
    this.group = new ThreadGroup(root, name); // One for every generation: JDK 17 never drops a group.
  }

  /** Leases the current generation, starting one if none is running. */
  synchronized Lease acquire() {
    if (current == null) current = new Generation(name, group, numbers);
    current.leases++;
    return new Lease(this, current);
  }

  private synchronized void release(Generation generation) {
    if (--generation.leases > 0) return;
    if (current == generation) current = null;
    generation.shutdown();
  }

  /** The running generation, or null: tests and diagnostics. */
  synchronized Generation current() {
    return current;
  }

  /** One open transport's hold on a generation; {@link #release} it exactly once. */
  static final class Lease {
    private final SharedResources owner;
    private final Generation generation;
    private boolean released; // Guarded by owner.

    private Lease(SharedResources owner, Generation generation) {
      this.owner = owner;
      this.generation = generation;
    }

    /** The base client for https (true) or plain http (false). */
    OkHttpClient client(boolean https) {
      return generation.client(https);
    }

    /** Gives the lease back; the last one ends the generation. Idempotent. */
    void release() {
      synchronized (owner) {
        if (released) return;
        released = true;
        owner.release(generation);
      }
    }
  }

  /** A pool, a dispatcher and its threads, alive from the first lease to the last release. */
  static final class Generation {
    final Dispatcher dispatcher;
    final ConnectionPool pool;
    final ThreadPoolExecutor executor;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private int leases; // Guarded by the owning SharedResources.
    private OkHttpClient https; // Guarded by this.
    private OkHttpClient cleartext; // Guarded by this.

    private Generation(String name, ThreadGroup group, AtomicInteger numbers) {
      this.executor = new ThreadPoolExecutor(0, MAX_THREADS, KEEP_ALIVE_SECONDS,
          TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new TransportThread(group, () -> {
              try {
                task.run();
              } finally {
                threads.remove(Thread.currentThread());
              }
            }, name + "-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            // OkHttp reports an Error to the call's callback, which hands it to the caller, then
            // rethrows it: one line instead of a stack trace on stderr.
            thread.setUncaughtExceptionHandler((t, e) -> System.getLogger(WireLog.NAME).log(Level.WARNING,
                "thread " + t.getName() + " ended by " + e.getClass().getName()
                    + "; the call it ran failed with it"));
            threads.add(thread);
            return thread;
          }, new ThreadPoolExecutor.CallerRunsPolicy());
      this.dispatcher = new Dispatcher(executor);
      dispatcher.setMaxRequests(MAX_REQUESTS);
      dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
      this.pool = new ConnectionPool(MAX_IDLE_CONNECTIONS, CONNECTION_KEEP_ALIVE_MINUTES, TimeUnit.MINUTES);
    }

    synchronized OkHttpClient client(boolean tls) {
      if (tls) {
        if (https == null) https = base().build();
        return https;
      }
      if (cleartext == null) {
        cleartext = base().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false).build();
      }
      return cleartext;
    }

    private OkHttpClient.Builder base() {
      // OkHttp's own silent retries are off: every attempt is the transport's (CallRunner).
      return new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(pool)
          .retryOnConnectionFailure(false);
    }

    /** The threads of this generation running now: tests and diagnostics. */
    List<Thread> threads() {
      return List.copyOf(threads);
    }

    private void shutdown() {
      dispatcher.cancelAll();
      executor.shutdownNow();
      pool.evictAll();
    }
  }

  /**
   * A thread of the shared dispatcher. Its own class, so that a thread dump or a test tells it
   * from OkHttp's task threads born in the same group (OkHttp renames both while they work).
   */
  static final class TransportThread extends Thread {
    TransportThread(ThreadGroup group, Runnable task, String name) {
      super(group, task, name);
    }
  }
}
