package dev.invoicekit.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How much of the transport's log ({@code System.Logger} {@value #LOGGER}, java.util.logging by
 * default) the tool shows on stderr. Quiet by default: the JDK's console shows INFO, so every
 * retry would print a line between the tool's own messages; the tool lowers the logger to
 * WARNING. With {@code --verbose} the logger goes to FINE and a handler at FINE prints each
 * attempt and retry on the tool's stderr, one line each ({@code FINE fastly GET ... -> 200 in 3 ms
 * ...}), instead of the console's two-line format.
 *
 * <p>A host that configured java.util.logging itself ({@code -Djava.util.logging.config.file} or
 * {@code .config.class}) keeps its levels unless {@code --verbose} is given.
 *
 * <p>Start-up: this class, and through it java.util.logging, is loaded only by commands that open
 * a provider, right before its transport (which loads java.util.logging anyway through
 * {@code System.getLogger}); {@code --help}, {@code --version} and {@code providers} never touch it.
 */
final class TransportLog {
  /** The transport's logger, {@code WireLog.NAME} in the http module. */
  static final String LOGGER = "dev.invoicekit.http";

  /**
   * Held here because java.util.logging keeps loggers only weakly: a level set on a logger that
   * is then collected is lost, and the next {@code getLogger} would get a fresh one at INFO.
   */
  private static Logger logger;
  /** The handler installed for {@code --verbose}, removed by the next {@link #configure}. */
  private static Handler verboseHandler;

  private TransportLog() {}

  /**
   * Sets the transport's log level for this run: WARNING, or with {@code verbose} FINE printed on
   * {@code err}. Called once per run, before the first provider is created; a later call (a
   * second run in the same JVM, as in tests) replaces the earlier setting.
   */
  static synchronized void configure(boolean verbose, PrintWriter err) {
    Objects.requireNonNull(err, "err == null");
    if (!verbose && hostConfiguredLogging()) return;
    Logger transport = Logger.getLogger(LOGGER);
    if (verboseHandler != null) {
      transport.removeHandler(verboseHandler);
      verboseHandler = null;
    }
    if (verbose) {
      verboseHandler = new LineHandler(err);
      verboseHandler.setLevel(Level.FINE);
      transport.addHandler(verboseHandler);
      transport.setUseParentHandlers(false); // else the console prints INFO lines a second time
      transport.setLevel(Level.FINE);
    } else {
      transport.setUseParentHandlers(true);
      transport.setLevel(Level.WARNING);
    }
    logger = transport;
  }

  /** Tests: undoes {@link #configure}, leaving the logger as the JDK's defaults have it. */
  static synchronized void reset() {
    Logger transport = Logger.getLogger(LOGGER);
    if (verboseHandler != null) transport.removeHandler(verboseHandler);
    verboseHandler = null;
    transport.setUseParentHandlers(true);
    transport.setLevel(null);
    logger = null;
  }

  private static boolean hostConfiguredLogging() {
    return System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null;
  }

  /** One line per record on the tool's stderr: {@code INFO <message>}. */
  private static final class LineHandler extends Handler {
    private final PrintWriter err;

    LineHandler(PrintWriter err) {
      this.err = err;
    }

    @Override public synchronized void publish(LogRecord record) {
      if (!isLoggable(record)) return;
      String message = record.getMessage();
      Object[] parameters = record.getParameters();
      if (parameters != null && parameters.length > 0 && message != null) {
        message = new java.util.logging.SimpleFormatter().formatMessage(record);
      }
      err.println(record.getLevel().getName() + " " + message);
      err.flush();
    }

    @Override public synchronized void flush() {
      err.flush();
    }

    @Override public void close() {
      flush(); // the tool's stderr stays open
    }
  }
}
