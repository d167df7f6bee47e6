package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonTest {
  @Test void writesTreesInOrderWithNulls() {
    Map<String, Object> tree = Json.object(
        "id", "in_1", "count", 3L, "small", 7, "ok", true, "none", null,
        "list", Arrays.asList("a", null, 2L), "nested", Json.object("k", "v"));
    assertThat(Json.write(tree)).isEqualTo(
        "{\"id\":\"in_1\",\"count\":3,\"small\":7,\"ok\":true,\"none\":null,"
            + "\"list\":[\"a\",null,2],\"nested\":{\"k\":\"v\"}}");
  }

  @Test void writesBigDecimalsAsPlainNumbers() {
    assertThat(Json.write(List.of(
        new BigDecimal("1E+3"),
        new BigDecimal("0.000000125"),
        new BigDecimal("1.25E-7"),
        new BigDecimal("12345678901234567.89"),
        new BigDecimal("129.50"),
        new BigInteger("123456789012345678901234567890"))))
        .isEqualTo("[1000,0.000000125,0.000000125,12345678901234567.89,129.50,"
            + "123456789012345678901234567890]");
  }

  @Test void stripZerosKeepsWholeNumbersWhole() {
    assertThat(Json.stripZeros(new BigDecimal("1000")).toPlainString()).isEqualTo("1000");
    assertThat(Json.stripZeros(new BigDecimal("390000.00")).scale()).isZero();
    assertThat(Json.stripZeros(new BigDecimal("0.50")).toPlainString()).isEqualTo("0.5");
    assertThat(Json.stripZeros(new BigDecimal("0.00")).toPlainString()).isEqualTo("0");
    assertThat(Json.stripZeros(new BigDecimal("0.000000125")).toPlainString()).isEqualTo("0.000000125");
  }

  @Test void escapesStrings() {
    assertThat(Json.write("quote \" slash \\ newline \n é"))
        .isEqualTo("\"quote \\\" slash \\\\ newline \\n é\"");
  }

  @Test void refusesTypesOutsideTheTree() {
    assertThatThrownBy(() -> Json.write(Json.object("when", java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
    assertThatThrownBy(() -> Json.write(Map.of(1, "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a String");
    assertThatThrownBy(() -> Json.object("odd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void readsNumbersAsExactDecimals() {
    Object tree = Json.read("{\"amount\":12345678901234567.89,\"tiny\":0.000125,\"big\":1e400,"
        + "\"n\":3,\"s\":\"129.5\",\"t\":true,\"z\":null,\"a\":[1,\"x\"]}");
    assertThat(tree).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) tree;
    assertThat(map.get("amount")).isEqualTo(new BigDecimal("12345678901234567.89"));
    assertThat(map.get("tiny")).isEqualTo(new BigDecimal("0.000125"));
    assertThat(map.get("big")).isEqualTo(new BigDecimal("1e400"));
    assertThat(map.get("n")).isEqualTo(new BigDecimal("3"));
    assertThat(map.get("s")).isEqualTo("129.5");
    assertThat(map.get("t")).isEqualTo(true);
    assertThat(map.containsKey("z")).isTrue();
    assertThat(map.get("z")).isNull();
    assertThat(map.get("a")).isEqualTo(List.of(new BigDecimal("1"), "x"));
    assertThat(List.<Object>copyOf(map.keySet())).containsExactly("amount", "tiny", "big", "n", "s", "t", "z", "a");
  }

  @Test void readingWhatWasWrittenGivesTheSameTree() {
    Map<String, Object> tree = Json.object("amount", new BigDecimal("0.10"), "items",
        List.of(Json.object("q", new BigDecimal("146017.0369"))));
    assertThat(Json.read(Json.write(tree))).isEqualTo(tree);
  }

  @Test void malformedJsonIsABadRequest() {
    for (String json : List.of("", "{", "{\"a\":}", "[1,2", "{\"a\":1} trailing", "nul")) {
      assertThatThrownBy(() -> Json.read(json))
          .as(json)
          .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("malformed JSON");
    }
  }
}
