package dev.invoicekit.http;

import static dev.invoicekit.http.Harness.config;
import static dev.invoicekit.http.Harness.json;
import static dev.invoicekit.http.Harness.status;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.ProviderException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
final class ErrorMappingTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  private final Harness harness = new Harness(server);
  /** What the decoder was given: status, content type, body. */
  private final List<List<Object>> decoded = new CopyOnWriteArrayList<>();
  private HttpTransport transport;
  private TestApi api;

  /** Reads {"title"} / {"msg"} JSON and the title of an HTML page. */
  private VendorError decode(int status, String contentType, String body) {
    decoded.add(java.util.Arrays.asList(status, contentType, body));
    Map<String, Object> json = Wire.jsonObject(body);
    if (json != null) {
      Object message = json.containsKey("title") ? json.get("title") : json.get("msg");
      Object code = json.get("code");
      return new VendorError(message != null ? message.toString() : null, code != null ? code.toString() : null);
    }
    int start = body.indexOf("<title>");
    int end = body.indexOf("</title>");
    return start >= 0 && end > start ? new VendorError(body.substring(start + 7, end), null) : null;
  }

  @BeforeEach void open() {
    transport = harness.builder(config()).errorDecoder(this::decode).build();
    api = transport.create(TestApi.class);
  }

  @AfterEach void close() {
    transport.close();
  }

  @Test void unauthorizedThrowsAuthenticationWithDecodedMessageAndRequestId() {
    server.enqueue(new MockResponse.Builder()
        .code(401)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "5f2c")
        .body("{\"msg\":\"Provided credentials are missing or invalid\",\"code\":\"unauthorized\"}")
        .build());

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.detail()).isEqualTo("Provided credentials are missing or invalid");
          assertThat(e.vendorCode()).isEqualTo("unauthorized");
          assertThat(e.requestId()).isEqualTo("5f2c");
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.retryable()).isFalse();
          assertThat(e.provider()).isEqualTo("acme");
          assertThat(e).hasMessage("acme: Provided credentials are missing or invalid"
              + " (HTTP 401, vendor code unauthorized, request id 5f2c)");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void forbiddenThrowsAuthentication() {
    server.enqueue(status(403));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(403);
          assertThat(e.detail()).isEqualTo("HTTP 403 Forbidden");
        });
  }

  @Test void firstConfiguredRequestIdHeaderWins() {
    transport.close();
    transport = harness.builder(config()).requestIdHeaders("Acme-Trace", "X-Request-Id").build();
    api = transport.create(TestApi.class);
    server.enqueue(new MockResponse.Builder().code(404)
        .addHeader("X-Request-Id", "generic-1").addHeader("Acme-Trace", "8a1b2c-SJC").build());
    server.enqueue(new MockResponse.Builder().code(404).addHeader("X-Request-Id", "generic-2").build());

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).isEqualTo("8a1b2c-SJC"));
    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).isEqualTo("generic-2"));
  }

  @Test void defaultRequestIdHeadersAreVendorNeutral() {
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Request-Id", "req-7").build());
    // A vendor's own header is read only when its provider declares it.
    server.enqueue(new MockResponse.Builder().code(404).addHeader("Acme-Trace", "8a1b2c-SJC").build());

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).isEqualTo("req-7"));
    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).isNull());
  }

  @Test void notFoundThrowsOnExecute() {
    server.enqueue(json(404, "{\"title\":\"requested id:in_9 doesn't exist\",\"status\":404}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_9")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.detail()).isEqualTo("requested id:in_9 doesn't exist");
          assertThat(e.requestId()).isEqualTo("req-404");
        });
  }

  @Test void notFoundIsEmptyOnExecuteOptional() {
    server.enqueue(json(404, "{\"title\":\"requested id:in_9 doesn't exist\"}"));

    assertThat(transport.executeOptional(api.item("in_9"), TestApi.Item::id)).isEmpty();
  }

  @Test void executeOptionalMapsAFoundBody() {
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    assertThat(transport.executeOptional(api.item("in_1"), TestApi.Item::id)).contains("in_1");
  }

  @Test void executeOptionalStillThrowsOtherErrors() {
    server.enqueue(status(401));

    assertThatThrownBy(() -> transport.executeOptional(api.item("in_1"), TestApi.Item::id))
        .isInstanceOf(AuthenticationException.class);
  }

  @ParameterizedTest @ValueSource(ints = {400, 405, 409, 422})
  void otherClientErrorsThrowInvalidRequest(int code) {
    server.enqueue(json(code, "{\"title\":\"bad cursor\",\"code\":\"invalid_cursor\"}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(code);
          assertThat(e.detail()).isEqualTo("bad cursor");
          assertThat(e.vendorCode()).isEqualTo("invalid_cursor");
        });
  }

  @Test void htmlErrorPageReachesTheDecoderAsText() {
    String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway: origin down</title></head>"
        + "<body><h1>Bad gateway</h1></body></html>";
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(500)
          .addHeader("Content-Type", "text/html; charset=utf-8").body(page).build());
    }

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e).isExactlyInstanceOf(ProviderException.class);
          assertThat(e.detail()).isEqualTo("502 Bad Gateway: origin down");
          assertThat(e.httpStatus()).isEqualTo(500);
          assertThat(e.retryable()).isTrue();
        });
    assertThat(decoded).containsExactly(List.of(500, "text/html; charset=utf-8", page));
  }

  @Test void plainTextErrorWithoutVendorMessageUsesTheStatusLine() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(503)
          .addHeader("Content-Type", "text/plain").body("upstream connect error").build());
    }

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.detail()).isEqualTo("HTTP 503 Service Unavailable");
          assertThat(e).hasMessage("acme: HTTP 503 Service Unavailable (HTTP 503)");
        });
    assertThat(decoded).singleElement().isEqualTo(List.of(503, "text/plain", "upstream connect error"));
  }

  @Test void requestTimeoutStatusIsRetryable() {
    for (int i = 0; i < 4; i++) server.enqueue(status(408));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test void decoderFailureFallsBackToTheStatusLine() {
    transport.close();
    transport = harness.builder(config()).errorDecoder((status, type, body) -> {
      throw new IllegalStateException("decoder bug");
    }).build();
    api = transport.create(TestApi.class);
    server.enqueue(json(400, "{}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.detail()).isEqualTo("HTTP 400 Bad Request"));
  }

  @Test void errorBodyIsCutTo64KiB() {
    server.enqueue(new MockResponse.Builder().code(400).body("e".repeat(100_000)).build());

    assertThatThrownBy(() -> transport.execute(api.item("in_1"))).isInstanceOf(InvalidRequestException.class);
    assertThat(decoded).singleElement().satisfies(call -> assertThat((String) call.get(2)).hasSize(64 * 1024));
  }

  @Test void unexpectedRedirectStatusIsNotRetryable() {
    server.enqueue(status(304));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.detail()).isEqualTo("unexpected HTTP 304");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\":\"in_1\",\"amount\":12.",            // truncated
      "<html><body>Maintenance</body></html>",      // HTML with a 200
      "",                                           // empty
      "[{\"id\":\"in_1\"}]",                        // wrong shape
      "{\"id\":\"in_1\",\"amount\":\"twelve\"}",    // not a decimal
      "{\"id\":\"in_1\",\"amount\":{}}"             // not a decimal either
  })
  void unreadableSuccessBodyIsMalformed(String body) {
    server.enqueue(json(200, body));
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_1")))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.requestId()).isEqualTo("req-200");
          assertThat(e.retryable()).isFalse();
          assertThat(e.detail()).startsWith("cannot read GET /v1/items/in_1: ");
          assertThat(e.getCause()).isNotNull();
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test void mapperNullPointerBecomesMalformed() {
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_1"), item -> item.amount().scale()))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.detail()).startsWith("cannot read GET /v1/items/in_1: ");
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.requestId()).isEqualTo("req-200");
          assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
        });
  }

  @Test void mapperArithmeticFailureBecomesMalformed() {
    server.enqueue(json(200, "{\"id\":\"in_1\",\"amount\":1.5}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_1"), item -> item.amount().intValueExact()))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.detail()).isEqualTo("cannot read GET /v1/items/in_1: Rounding necessary"));
  }

  @Test void malformedFromMapperGetsTheAnswersStatusAndRequestId() {
    server.enqueue(json(200, "{\"amount\":1}"));

    assertThatThrownBy(() -> transport.execute(api.item("in_1"), item -> Wire.required("acme", item.id(), "id")))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e).hasMessage("acme: missing required field 'id' (HTTP 200, request id req-200)");
          assertThat(e.detail()).isEqualTo("missing required field 'id'");
          assertThat(e.getStackTrace()[0].getClassName()).isEqualTo(Wire.class.getName());
        });
  }

  @Test void otherInvoiceExceptionFromMapperPassesThrough() {
    server.enqueue(json(200, "{\"amount\":1}"));
    InvalidRequestException refused = new InvalidRequestException("acme", "not for you", 400, null, null);

    assertThatThrownBy(() -> transport.execute(api.item("in_1"), item -> {
      throw refused;
    })).isSameAs(refused);
  }

  @Test void decimalsAreExact() {
    server.enqueue(json(200, "[{\"id\":\"a\",\"amount\":12345678901234567.89},"
        + "{\"id\":\"b\",\"amount\":\"0.1234567890123456789012345\"},"
        + "{\"id\":\"c\",\"amount\":1e-7},{\"id\":\"d\",\"amount\":null}]"));

    List<TestApi.Item> items = transport.execute(api.items());

    assertThat(items.get(0).amount()).isEqualTo(new BigDecimal("12345678901234567.89"));
    assertThat(items.get(0).amount().toPlainString()).isEqualTo("12345678901234567.89");
    assertThat(items.get(1).amount()).isEqualTo(new BigDecimal("0.1234567890123456789012345"));
    assertThat(items.get(1).amount().scale()).isEqualTo(25);
    assertThat(items.get(2).amount()).isEqualTo(new BigDecimal("1e-7"));
    assertThat(items.get(3).amount()).isNull();
  }

  @Test void requestBodyDecimalsAreWrittenAsPlainUnquotedNumbers() throws Exception {
    server.enqueue(json(200, "{\"id\":\"q\"}"));

    transport.execute(api.search(new TestApi.Item("q", new BigDecimal("12345678901234567.89"))));
    server.enqueue(json(200, "{\"id\":\"q\"}"));
    transport.execute(api.search(new TestApi.Item("q", new BigDecimal("1E+3"))));

    assertThat(server.takeRequest(1, SECONDS).getBody().utf8())
        .isEqualTo("{\"id\":\"q\",\"amount\":12345678901234567.89}");
    RecordedRequest second = server.takeRequest(1, SECONDS);
    assertThat(second.getBody().utf8()).isEqualTo("{\"id\":\"q\",\"amount\":1000}");
    assertThat(second.getHeaders().get("Content-Type")).startsWith("application/json");
  }

  @Test void moshiIgnoresUnknownFields() {
    server.enqueue(json(200, "{\"id\":\"in_1\",\"new_field\":{\"nested\":[1,2]},\"amount\":3}"));

    assertThat(transport.execute(api.item("in_1"))).isEqualTo(new TestApi.Item("in_1", new BigDecimal("3")));
  }

  @Test void emptySuccessAnswersNull() {
    server.enqueue(new MockResponse.Builder().code(204).build());

    assertThat(transport.execute(api.item("in_1"))).isNull();
  }

  @Test void requestsCarryTheUserAgent() throws Exception {
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    transport.execute(api.item("in_1"));

    RecordedRequest request = server.takeRequest(1, SECONDS);
    assertThat(request.getHeaders().get("User-Agent")).matches("invoicekit/\\d+\\.\\d+\\.\\d+.*");
    assertThat(request.getTarget()).isEqualTo("/v1/items/in_1");
  }

  @Test void badRequestArgumentIsIllegalArgument() {
    assertThatThrownBy(() -> transport.execute(api.item(null)))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(InvoiceException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
