package dev.invoicekit.tck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything written while it is open: every java.util.logging record at
 * {@link Level#ALL} (where {@link System.Logger} goes by default, OkHttp's loggers included) and
 * everything printed to {@code System.out} and {@code System.err}, which it swallows. Closing it
 * restores the logging configuration and the streams.
 */
final class Capture implements AutoCloseable {
  /** Loggers of the fake vendor (MockWebServer), not of the code under test. */
  private static final String VENDOR_SIDE = "mockwebserver3";

  private final Logger root = Logger.getLogger("");
  private final Level rootLevel = root.getLevel();
  private final Handler[] rootHandlers = root.getHandlers();
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

  private Capture() {
    for (Handler handler : rootHandlers) root.removeHandler(handler);
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) {
        records.add(record);
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    PrintStream sink = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(sink);
    System.setErr(sink);
  }

  static Capture start() {
    return new Capture();
  }

  /** The number of log records of the code under test captured so far. */
  int recordCount() {
    return texts().size() - 1;
  }

  /** Every captured log record of the code under test, formatted with its exception, then all printed text. */
  List<String> texts() {
    List<String> result = new ArrayList<>();
    SimpleFormatter formatter = new SimpleFormatter();
    synchronized (records) {
      for (LogRecord record : records) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (!logger.startsWith(VENDOR_SIDE)) result.add(logger + " " + formatter.format(record));
      }
    }
    result.add(printed.toString(StandardCharsets.UTF_8));
    return result;
  }

  @Override public void close() {
    System.setOut(out);
    System.setErr(err);
    for (Handler handler : root.getHandlers()) root.removeHandler(handler);
    for (Handler handler : rootHandlers) root.addHandler(handler);
    root.setLevel(rootLevel);
  }
}
