package dev.invoicekit.http;

import static dev.invoicekit.http.Harness.API_KEY;
import static dev.invoicekit.http.Harness.TOKEN;
import static dev.invoicekit.http.Harness.config;
import static dev.invoicekit.http.Harness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ProviderException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** The transport's log lines, as a host sees them through java.util.logging (the JDK default). */
@Timeout(30)
final class WireLogTest {
  private static final String BODY_SECRET = "body_SECRET_5e1c";
  private static final String QUERY_SECRET = "query_SECRET_9b2d";

  /** A vendor that takes a key in the query: it must never reach a log line. */
  interface QueryKeyApi {
    @GET("items") Call<List<TestApi.Item>> items(@Query("api_key") String key, @Query("customer") String customer);
  }

  @StartStop public final MockWebServer server = new MockWebServer();
  private final Harness harness = new Harness(server);
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger(WireLog.NAME);
  private final Handler handler = new Handler() {
    @Override public void publish(LogRecord record) {
      records.add(record);
    }

    @Override public void flush() {
    }

    @Override public void close() {
    }
  };
  private Level level;
  private HttpTransport transport;

  @BeforeEach void capture() {
    level = logger.getLevel();
    logger.addHandler(handler);
    transport = harness.builder(config("api-key", API_KEY)).build();
  }

  @AfterEach void release() {
    transport.close();
    logger.removeHandler(handler);
    logger.setLevel(level);
  }

  @Test void debugHasOneLinePerAttemptAndInfoOneLinePerRetry() {
    logger.setLevel(Level.ALL);
    server.enqueue(json(503, "{\"message\":\"" + BODY_SECRET + "\"}"));
    server.enqueue(json(200, "{\"id\":\"in_1\",\"note\":\"" + BODY_SECRET + "\"}"));

    transport.execute(transport.create(TestApi.class).item("in 1"));

    assertThat(records).extracting(LogRecord::getLevel)
        .containsExactly(Level.FINE, Level.INFO, Level.FINE);
    assertThat(records.get(0).getMessage()).matches(
        "acme GET /v1/items/in%201 -> 503 in \\d+ ms \\(attempt 1 of 4, request id req-503\\)");
    // Harness: no jitter, so the first wait is the whole 250 ms ceiling.
    assertThat(records.get(1).getMessage())
        .isEqualTo("acme GET /v1/items/in%201 -> 503, retrying in 250 ms (attempt 2 of 4)");
    assertThat(records.get(2).getMessage()).matches(
        "acme GET /v1/items/in%201 -> 200 in \\d+ ms \\(attempt 2 of 4, request id req-200\\)");
    assertNoSecret();
  }

  @Test void theQueryIsNeverLogged() {
    logger.setLevel(Level.ALL);
    server.enqueue(json(429, "{}"));
    server.enqueue(json(200, "[]"));

    transport.execute(transport.create(QueryKeyApi.class).items(QUERY_SECRET, "ada@example.com"));

    assertThat(records).hasSize(3);
    assertThat(records.get(0).getMessage()).startsWith("acme GET /v1/items -> 429 in ");
    assertThat(records).allSatisfy(record -> assertThat(record.getMessage())
        .doesNotContain("?").doesNotContain(QUERY_SECRET).doesNotContain("ada@example.com"));
    assertNoSecret();
  }

  @Test void anIoErrorIsLoggedByItsTypeWithoutItsMessage() {
    logger.setLevel(Level.ALL);
    transport.close();
    transport = harness.builder(config("api-key", API_KEY, "max-retries", "1")).build();
    MockResponse drop = new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket()).build();
    server.enqueue(drop);
    server.enqueue(drop);

    assertThatThrownBy(() -> transport.execute(transport.create(TestApi.class).item("in_1")))
        .isInstanceOf(ProviderException.class);

    assertThat(records).extracting(LogRecord::getLevel).containsExactly(Level.FINE, Level.INFO, Level.FINE);
    assertThat(records.get(0).getMessage())
        .matches("acme GET /v1/items/in_1 -> \\w+(Exception|Error) in \\d+ ms \\(attempt 1 of 2\\)");
    assertThat(records.get(1).getMessage())
        .matches("acme GET /v1/items/in_1 -> \\w+(Exception|Error), retrying in 250 ms \\(attempt 2 of 2\\)");
    assertNoSecret();
  }

  @Test void atTheDefaultLevelOnlyRetriesShow() {
    logger.setLevel(Level.INFO);
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    transport.execute(transport.create(TestApi.class).item("in_1"));

    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.INFO);
      assertThat(record.getMessage()).contains("retrying in 250 ms");
    });
  }

  @Test void aWarningLevelShowsNothing() {
    logger.setLevel(Level.WARNING);
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    transport.execute(transport.create(TestApi.class).item("in_1"));

    assertThat(records).isEmpty();
  }

  private void assertNoSecret() {
    assertThat(records).isNotEmpty().allSatisfy(record -> assertThat(record.getMessage())
        .doesNotContain(TOKEN).doesNotContain(API_KEY).doesNotContain(BODY_SECRET)
        .doesNotContain("Bearer").doesNotContain("{"));
  }
}
