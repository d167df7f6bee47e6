package dev.invoicekit.http;

import static dev.invoicekit.http.Harness.API_KEY;
import static dev.invoicekit.http.Harness.TOKEN;
import static dev.invoicekit.http.Harness.config;
import static dev.invoicekit.http.Harness.json;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.MalformedResponseException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class CredentialsTest {
  @StartStop public final MockWebServer server = new MockWebServer();
  @StartStop public final MockWebServer otherHost = new MockWebServer();
  private final Harness harness = new Harness(server);
  private HttpTransport transport;
  private TestApi api;

  @BeforeEach void open() {
    transport = harness.builder(config("api-key", API_KEY)).build();
    api = transport.create(TestApi.class);
  }

  @AfterEach void close() {
    transport.close();
  }

  @Test void credentialsGoToTheBaseUrlHost() throws Exception {
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    transport.execute(api.item("in_1"));

    RecordedRequest request = server.takeRequest(1, SECONDS);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo(API_KEY);
  }

  @Test void redirectToAnotherHostCarriesNoCredentials() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", otherHost.url("/landing/in_1")).build());
    otherHost.enqueue(json(200, "{\"id\":\"moved\"}"));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("moved");

    RecordedRequest first = server.takeRequest(1, SECONDS);
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(first.getHeaders().get("x-api-key")).isEqualTo(API_KEY);
    RecordedRequest redirected = otherHost.takeRequest(1, SECONDS);
    assertThat(redirected.getTarget()).isEqualTo("/landing/in_1");
    assertThat(redirected.getHeaders().get("Authorization")).isNull();
    assertThat(redirected.getHeaders().get("x-api-key")).isNull();
    assertThat(redirected.getHeaders().toString()).doesNotContain(TOKEN).doesNotContain(API_KEY);
  }

  @Test void plainHttpTransportDoesNotFollowARedirectToHttps() throws Exception {
    // A loopback http transport is cleartext only (no TLS set-up at start): an https redirect
    // comes back as the 3xx it is, after one request, and is never followed.
    server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", "https://127.0.0.1:" + otherHost.getPort() + "/landing/in_1").build());

    Throwable thrown = catchThrowable(() -> transport.execute(api.item("in_1")));

    assertThat(thrown).isInstanceOfSatisfying(InvoiceException.class, e ->
        assertThat(e.httpStatus()).isEqualTo(302));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(otherHost.getRequestCount()).isZero();
  }

  @Test void redirectOnTheSameHostKeepsCredentials() throws Exception {
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/v1/items/in_2").build());
    server.enqueue(json(200, "{\"id\":\"in_2\"}"));

    assertThat(transport.execute(api.item("in_1")).id()).isEqualTo("in_2");

    server.takeRequest(1, SECONDS);
    RecordedRequest redirected = server.takeRequest(1, SECONDS);
    assertThat(redirected.getTarget()).isEqualTo("/v1/items/in_2");
    assertThat(redirected.getHeaders().get("x-api-key")).isEqualTo(API_KEY);
  }

  @Test void secretsAppearInNoMessageAndNoToString() {
    List<String> texts = new ArrayList<>();
    texts.add(transport.toString());
    transport.close();
    // A vendor that echoes the credentials back, in its message and its code.
    transport = harness.builder(config("api-key", API_KEY))
        .errorDecoder((status, type, body) -> new VendorError(body, "bad key " + API_KEY))
        .build();
    api = transport.create(TestApi.class);
    server.enqueue(json(401, "invalid api key " + API_KEY + " for token Bearer " + TOKEN));
    server.enqueue(json(400, "token " + TOKEN + " rejected"));
    server.enqueue(json(200, "{\"id\":\"" + API_KEY + "\",\"amount\":\"" + TOKEN + "\"}"));
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));
    server.enqueue(RetryTest.dropMidBody());

    for (Runnable call : List.<Runnable>of(
        () -> transport.execute(api.item("a")),
        () -> transport.execute(api.item("b")),
        () -> transport.execute(api.item("c")),
        () -> transport.execute(api.item("d"), item -> {
          throw new IllegalArgumentException("saw " + API_KEY);
        }),
        () -> transport.execute(api.create(new TestApi.Item("x", BigDecimal.ONE))))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(InvoiceException.class, e -> {
        texts.add(e.getMessage());
        texts.add(String.valueOf(e.vendorCode()));
        texts.add(e.toString());
      });
    }
    texts.add(transport.toString());
    texts.add(config("api-key", API_KEY).toString());

    assertThat(texts).hasSize(18).allSatisfy(text -> assertThat(text)
        .doesNotContain(TOKEN)
        .doesNotContain(API_KEY));
    assertThat(texts.get(1)).isEqualTo("acme: invalid api key **** for token **** (HTTP 401,"
        + " vendor code bad key ****, request id req-401)");
  }

  @Test void secretsAppearInNoCauseOfAFailure() {
    // A vendor that echoes the token into a number field: the parser quotes it in its message.
    server.enqueue(json(200, "{\"id\":\"in_1\",\"amount\":\"Bearer " + TOKEN + "\"}"));
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));
    List<Throwable> failures = new ArrayList<>();

    failures.add(catchThrowable(() -> transport.execute(api.item("a"))));
    failures.add(catchThrowable(() -> transport.execute(api.item("b"), item -> {
      throw new IllegalStateException("mapper saw " + API_KEY, new RuntimeException("deeper " + TOKEN));
    })));
    failures.add(catchThrowable(() -> transport.execute(api.item("c"), item -> {
      throw new MalformedResponseException("acme", "not a date: '" + TOKEN + "'");
    })));

    assertThat(failures).allSatisfy(failure -> {
      assertThat(failure).isInstanceOf(MalformedResponseException.class);
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(TOKEN).doesNotContain(API_KEY).contains("****");
    });
    assertThat(failures.get(0).getCause().toString())
        .startsWith("com.squareup.moshi.JsonDataException: Expected a decimal but was '****'");
    assertThat(failures.get(2)).hasMessage("acme: not a date: '****' (HTTP 200, request id req-200)");
  }

  @Test void requestIdEchoingACredentialIsRedacted() {
    server.enqueue(new MockResponse.Builder(json(401, "")).setHeader("X-Request-Id", "req-" + TOKEN).build());

    assertThatThrownBy(() -> transport.execute(api.item("a")))
        .isInstanceOfSatisfying(InvoiceException.class, e -> {
          assertThat(e.requestId()).isEqualTo("req-****");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  @Test void toStringShowsProviderAndBaseUrlOnly() {
    assertThat(transport.toString())
        .isEqualTo("HttpTransport{provider=acme, baseUrl=" + server.url("/v1/") + "}");
  }

  @Test void headerValueWithControlCharacterIsRejectedWithoutShowingIt() {
    assertThatThrownBy(() -> HttpTransport.builder(config()).header("x-api-key", API_KEY + "\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of header x-api-key has an illegal character at index " + API_KEY.length()
            + " (value not shown)");
  }

  @Test void credentialHeaderThatCannotBeSentFailsNamingTheKeyNotTheValue() {
    for (String bad : List.of(API_KEY + "\n", API_KEY + "\r\nX-Injected: 1", "k\u00e9y_SECRET")) {
      assertThatThrownBy(() -> HttpTransport.builder(config()).credentialHeader("x-api-key", bad, "api-key"))
          .isInstanceOfSatisfying(ConfigurationException.class, e -> {
            assertThat(e.key()).isEqualTo("invoicekit.acme.api-key");
            assertThat(e).hasMessage("invoicekit.acme.api-key cannot be sent in an HTTP header");
            assertThat(e.getCause()).isNull();
          });
    }
  }

  @Test void credentialHeaderIsSentLikeAnyCredential() throws Exception {
    transport.close();
    transport = HttpTransport.builder(config())
        .baseUrl(server.url("/v1/").uri())
        .credentialHeader("Authorization", "Bearer " + TOKEN, "api-token")
        .build();
    api = transport.create(TestApi.class);
    server.enqueue(json(200, "{\"id\":\"in_1\"}"));

    transport.execute(api.item("in_1"));

    assertThat(server.takeRequest(1, SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(transport.toString()).doesNotContain(TOKEN);
  }

  @Test void credentialHeaderWithABadNameIsAProgrammingError() {
    assertThatThrownBy(() -> HttpTransport.builder(config()).credentialHeader("x api key", API_KEY, "api-key"))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining(API_KEY);
  }
}
