package dev.invoicekit.http;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.internal.concurrent.TaskRunner;
import okhttp3.internal.connection.ConnectionListener;

/**
 * OkHttp's background task threads (connection-pool cleanup, racing connects, HTTP/2 readers),
 * owned by one transport so that {@link HttpTransport#close()} ends them.
 *
 * <p>By default OkHttp runs these tasks on one process-wide runner whose idle threads ("OkHttp
 * TaskRunner") linger for 60 seconds after the last task, and OkHttp 5 has no public API to give
 * a client runner of its own. This class therefore uses OkHttp's internal
 * {@code okhttp3.internal.concurrent} API, which any OkHttp release may change: it is the only
 * place that does, and {@code LifecycleTest} and the reliability suite fail if it stops working.
 * Threads are daemons named {@code invoicekit-<provider>-okhttp-<n>} (OkHttp renames them to the
 * task's name while a task runs).
 */
final class TaskThreads {
  private static final int MAX_IDLE_CONNECTIONS = 5;
  private static final long KEEP_ALIVE_MINUTES = 5;

  private final TaskRunner.RealBackend backend;
  private final TaskRunner runner;

  TaskThreads(String providerId) {
    AtomicInteger count = new AtomicInteger();
    this.backend = new TaskRunner.RealBackend(runnable -> {
      Thread thread = new Thread(runnable, "invoicekit-" + providerId + "-okhttp-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    // A connection released by a call cancelled at close() may schedule a cleanup after shutdown.
    backend.getExecutor().setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    this.runner = new TaskRunner(backend, TaskRunner.Companion.getLogger());
  }

  /** Returns a connection pool with OkHttp's default limits whose cleanup runs on these threads. */
  ConnectionPool connectionPool() {
    return new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE_MINUTES, TimeUnit.MINUTES, runner,
        ConnectionListener.Companion.getNONE());
  }

  /** Makes the clients built by {@code builder} run their tasks on these threads. */
  OkHttpClient.Builder apply(OkHttpClient.Builder builder) {
    return builder.taskRunner$okhttp(runner);
  }

  /** Interrupts the running tasks and ends every thread; later tasks are dropped. */
  void shutdown() {
    backend.getExecutor().shutdownNow();
  }
}
