package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

final class SandboxRequestTest {
  private static SandboxRequest request(String method, String target, Headers headers, String body) {
    return new SandboxRequest(method, HttpUrl.get("http://127.0.0.1:1" + target), headers, body,
        "/acme/v1/");
  }

  private static SandboxRequest get(String target) {
    return request("GET", target, Headers.of(), "");
  }

  @Test void segmentsAreDecodedAndRelativeToTheBasePath() {
    SandboxRequest request = get("/acme/v1/invoices/INV%2F1%20a%2B");
    assertThat(request.underBase()).isTrue();
    assertThat(request.segments()).containsExactly("invoices", "INV/1 a+");
    assertThat(request.segment(1)).isEqualTo("INV/1 a+");
    assertThat(request.path()).isEqualTo("/acme/v1/invoices/INV%2F1%20a%2B");
  }

  @Test void trailingSlashAddsNoSegment() {
    assertThat(get("/acme/v1/invoices/").segments()).containsExactly("invoices");
    assertThat(get("/acme/v1/").segments()).isEmpty();
    assertThat(get("/acme/v1").segments()).isEmpty();
  }

  @Test void pathOutsideTheBaseIsNotUnderIt() {
    SandboxRequest request = get("/billing/v2/invoices");
    assertThat(request.underBase()).isFalse();
    assertThat(request.segments()).isEmpty();
  }

  @Test void matchesMethodAndSegmentsWithWildcards() {
    SandboxRequest request = get("/acme/v1/invoices/INV-1");
    assertThat(request.matches("GET", "invoices", "*")).isTrue();
    assertThat(request.matches("GET", "invoices", "INV-1")).isTrue();
    assertThat(request.matches("POST", "invoices", "*")).isFalse();
    assertThat(request.matches("GET", "invoices")).isFalse();
    assertThat(request.matches("GET", "invoices", "*", "*")).isFalse();
    assertThat(request.matches("GET", "*", "INV-2")).isFalse();
  }

  @Test void queryParametersAreDecodedAndMultiValued() {
    SandboxRequest request = get("/acme/v1/invoices?cursor=eyJ%2B%2F%3D&status=paid&status=open"
        + "&empty=&flag&name=a%20b");
    assertThat(request.query("cursor")).isEqualTo("eyJ+/=");
    assertThat(request.queryValues("status")).containsExactly("paid", "open");
    assertThat(request.query("status")).isEqualTo("paid");
    assertThat(request.query("empty")).isEmpty();
    assertThat(request.query("flag")).isEmpty();
    assertThat(request.query("name")).isEqualTo("a b");
    assertThat(request.query("absent")).isNull();
    assertThat(request.queryValues("absent")).isEmpty();
    assertThat(request.queryParameters()).containsExactly(
        Map.entry("cursor", List.of("eyJ+/=")),
        Map.entry("status", List.of("paid", "open")),
        Map.entry("empty", List.of("")),
        Map.entry("flag", List.of("")),
        Map.entry("name", List.of("a b")));
  }

  @Test void intQueryParsesOrFailsAsABadRequest() {
    SandboxRequest request = get("/acme/v1/invoices?limit=50&bad=ten&empty=");
    assertThat(request.intQuery("limit", 100)).isEqualTo(50);
    assertThat(request.intQuery("absent", 100)).isEqualTo(100);
    assertThat(request.intQuery("empty", 100)).isEqualTo(100);
    assertThatThrownBy(() -> request.intQuery("bad", 100))
        .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("'bad'");
  }

  @Test void headersAreCaseInsensitive() {
    SandboxRequest request = request("GET", "/acme/v1/invoices",
        Headers.of("acme-key", "tok", "Accept", "a", "ACCEPT", "b"), "");
    assertThat(request.header("Acme-Key")).isEqualTo("tok");
    assertThat(request.headers("accept")).containsExactly("a", "b");
    assertThat(request.header("absent")).isNull();
  }

  @Test void headerEqualsChecksTheWholeValue() {
    SandboxRequest request = request("GET", "/acme/v1/invoices", Headers.of("Acme-Key", "tok"), "");
    assertThat(request.headerEquals("acme-key", "tok")).isTrue();
    assertThat(request.headerEquals("Acme-Key", "to")).isFalse();
    assertThat(request.headerEquals("Acme-Key", "tok2")).isFalse();
    assertThat(request.headerEquals("X-Other", "tok")).isFalse();
  }

  @Test void bearerEqualsAcceptsAnySchemeCase() {
    assertThat(request("GET", "/", Headers.of("Authorization", "Bearer tok"), "").bearerEquals("tok"))
        .isTrue();
    assertThat(request("GET", "/", Headers.of("authorization", "bearer tok"), "").bearerEquals("tok"))
        .isTrue();
    assertThat(request("GET", "/", Headers.of("Authorization", "Basic tok"), "").bearerEquals("tok"))
        .isFalse();
    assertThat(request("GET", "/", Headers.of("Authorization", "Bearer"), "").bearerEquals("tok"))
        .isFalse();
    assertThat(request("GET", "/", Headers.of(), "").bearerEquals("tok")).isFalse();
  }

  @Test void jsonObjectReadsTheBodyExactly() {
    SandboxRequest request = request("POST", "/acme/v1/search", Headers.of(),
        "{\"limit\":50,\"amount_due_gt\":\"100.10\",\"ids\":[\"a\"]}");
    assertThat(request.jsonObject()).containsExactly(
        Map.entry("limit", new BigDecimal("50")),
        Map.entry("amount_due_gt", "100.10"),
        Map.entry("ids", List.of("a")));
    assertThat(request("POST", "/acme/v1/search", Headers.of(), "").jsonObject()).isEmpty();
    assertThatThrownBy(() -> request("POST", "/acme/v1/search", Headers.of(), "[1]").jsonObject())
        .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test void requireOnlyQueryRejectsTheFirstParameterNotImplementedNamingIt() {
    get("/acme/v1/invoices?limit=1&cursor=abc&limit=2").requireOnlyQuery(Set.of("limit", "cursor"));
    get("/acme/v1/invoices").requireOnlyQuery(Set.of());

    assertThatThrownBy(() -> get("/acme/v1/invoices?limit=1&sort=-date&x").requireOnlyQuery(Set.of("limit", "cursor")))
        .isInstanceOfSatisfying(SandboxException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.vendorCode()).isNull();
          assertThat(e.getMessage()).isEqualTo(
              "query parameter 'sort' is not implemented by this sandbox; it implements cursor, limit");
          assertThat(e.details()).containsExactly(Map.entry("field", "sort"));
        });
    assertThatThrownBy(() -> get("/acme/v1/invoices/1?expand=taxes").requireOnlyQuery(Set.of()))
        .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.getMessage())
            .isEqualTo("query parameter 'expand' is not implemented by this sandbox, which takes none here"));
    assertThatThrownBy(() -> get("/acme/v1/invoices?flag").requireOnlyQuery(Set.of("limit")))
        .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.getMessage()).contains("'flag'"));
  }

  @Test void jsonObjectWithImplementedFieldsRejectsAnyOtherNamingIt() {
    SandboxRequest request = request("POST", "/acme/v1/search", Headers.of(),
        "{\"limit\":50,\"sort\":[{\"field\":\"x\"}],\"offset\":0}");
    assertThat(request.jsonObject(Set.of("limit", "offset", "sort"))).containsOnlyKeys("limit", "sort", "offset");

    assertThatThrownBy(() -> request.jsonObject(Set.of("limit", "offset")))
        .isInstanceOfSatisfying(SandboxException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo(
              "body field 'sort' is not implemented by this sandbox; it implements limit, offset");
          assertThat(e.details()).containsExactly(Map.entry("field", "sort"));
        });
    assertThat(request("POST", "/acme/v1/search", Headers.of(), "").jsonObject(Set.of())).isEmpty();
    assertThatThrownBy(() -> request("POST", "/acme/v1/search", Headers.of(), "[1]").jsonObject(Set.of("limit")))
        .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test void toStringShowsNoHeaders() {
    SandboxRequest request = request("GET", "/acme/v1/invoices?limit=1",
        Headers.of("Acme-Key", "tok-secret"), "");
    assertThat(request.toString()).isEqualTo("GET /acme/v1/invoices");
  }
}
