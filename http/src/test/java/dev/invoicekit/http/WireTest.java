package dev.invoicekit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.spi.ItemFailures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class WireTest {
  @Test void requiredReturnsThePresentValue() {
    assertThat(Wire.required("acme", "in_1", "id")).isEqualTo("in_1");
  }

  @Test void requiredNamesTheMissingField() {
    assertThatThrownBy(() -> Wire.required("acme", null, "amount_due"))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.provider()).isEqualTo("acme");
          assertThat(e.detail()).isEqualTo("missing required field 'amount_due'");
          assertThat(e.retryable()).isFalse();
        });
  }

  @Test void currencyAcceptsEitherCase() {
    assertThat(Wire.currency("acme", "usd")).isEqualTo(Currency.getInstance("USD"));
    assertThat(Wire.currency("acme", "JPY")).isEqualTo(Currency.getInstance("JPY"));
    assertThat(Wire.currency("acme", " eur ")).isEqualTo(Currency.getInstance("EUR"));
  }

  @ParameterizedTest @ValueSource(strings = {"xyz", "", "  ", "dollars", "us"})
  void unknownCurrencyIsMalformedNamingTheValue(String code) {
    assertThatThrownBy(() -> Wire.currency("acme", code))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.detail()).isEqualTo("unknown currency code '" + code + "'"));
  }

  @Test void nullCurrencyIsMalformed() {
    assertThatThrownBy(() -> Wire.currency("acme", null))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("acme: missing currency code");
  }

  @ParameterizedTest
  @CsvSource({
      "2026-07-01T00:00:00Z,                 2026-07-01T00:00:00Z",
      "2026-08-01T06:12:09.482913Z,          2026-08-01T06:12:09.482913Z",
      "2026-08-01T00:00:02.31Z,              2026-08-01T00:00:02.310Z",
      "2026-08-01T08:00:00+02:00,            2026-08-01T06:00:00Z",
      "2026-07-31T19:00:00.5-05:00,          2026-08-01T00:00:00.5Z",
      "2026-08-01t06:12:09z,                 2026-08-01T06:12:09Z",
      "2026-08-01T06:12Z,                    2026-08-01T06:12:00Z",
      "2026-07-01,                           2026-07-01T00:00:00Z",
      "2026-08-01T06:12:09.123456789Z,       2026-08-01T06:12:09.123456789Z",
      "2024-02-29T23:59:59.1Z,               2024-02-29T23:59:59.100Z",
      " 2026-07-01T00:00:00Z ,               2026-07-01T00:00:00Z",
  })
  void instantReadsRfc3339AndBareDates(String text, String expected) {
    assertThat(Wire.instant("acme", text)).isEqualTo(Instant.parse(expected));
  }

  @Test void nullInstantIsNull() {
    assertThat(Wire.instant("acme", null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-07-01T00:00:00", "yesterday", "", "2026-02-30", "2026-07-01 00:00:00Z",
      "1785715200", "2026-07-01T25:00:00Z", "2025-02-29T00:00:00Z", "2026-07-01T00:60:00Z",
      "2026-07-01T00:00:00.1234567890Z", "2026-13-01", "2026-07-01T00:00:0aZ"})
  void badInstantIsMalformedNamingTheText(String text) {
    assertThatThrownBy(() -> Wire.instant("acme", text))
        .isInstanceOfSatisfying(MalformedResponseException.class,
            e -> assertThat(e.detail()).isEqualTo("not a date or time: '" + text + "'"));
  }

  @Test void epochSecondsAreExact() {
    assertThat(Wire.epochSeconds("acme", new BigDecimal("1785715200"))).isEqualTo(Instant.parse("2026-08-03T00:00:00Z"));
    assertThat(Wire.epochSeconds("acme", new BigDecimal("1785715200.000"))).isEqualTo(Instant.ofEpochSecond(1785715200L));
    assertThat(Wire.epochSeconds("acme", BigDecimal.ZERO)).isEqualTo(Instant.EPOCH);
    assertThat(Wire.epochSeconds("acme", null)).isNull();
  }

  @Test void fractionalEpochSecondsAreMalformed() {
    assertThatThrownBy(() -> Wire.epochSeconds("acme", new BigDecimal("1785715200.5")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("acme: not a whole number of epoch seconds: 1785715200.5");
  }

  @Test void outOfRangeEpochSecondsAreMalformed() {
    assertThatThrownBy(() -> Wire.epochSeconds("acme", new BigDecimal("1e30")))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("acme: epoch seconds out of range: 1000000000000000000000000000000");
    assertThatThrownBy(() -> Wire.epochSeconds("acme", BigDecimal.valueOf(Long.MAX_VALUE)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("out of range");
  }

  @Test void jsonObjectReadsNumbersExactly() {
    Map<String, Object> json = Wire.jsonObject(
        "{\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"success\":false,"
            + "\"result\":null,\"amount\":0.1000000000000000055511151231257827}");

    assertThat(json).containsEntry("success", false).containsEntry("result", null);
    assertThat(json.get("amount")).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    @SuppressWarnings("unchecked")
    Map<String, Object> first = ((List<Map<String, Object>>) json.get("errors")).get(0);
    assertThat(first).containsEntry("code", new BigDecimal("10000")).containsEntry("message", "Authentication error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>Bad Gateway</html>", "[1,2]", "\"text\"", "{\"a\":", "{\"a\":1} trailing", "42"})
  void jsonObjectIsNullForAnythingButAnObject(String text) {
    assertThat(Wire.jsonObject(text)).isNull();
  }

  @Test void jsonObjectOfNullIsNull() {
    assertThat(Wire.jsonObject(null)).isNull();
  }

  @Test void itemsMapsEveryReadableItemAndRecordsTheOthersByPosition() {
    ItemFailures failures = new ItemFailures("acme");
    List<String> items = java.util.Arrays.asList("1", null, "x", "4");

    List<BigDecimal> mapped = Wire.items("acme", items, "data", failures, item -> Wire.decimal("acme", item, "amount"));

    assertThat(mapped).containsExactly(new BigDecimal("1"), new BigDecimal("4"));
    assertThat(failures.count()).isEqualTo(2);
    assertThatThrownBy(() -> failures.throwIfAny("page 1"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("acme: page 1: items could not be read (2 failures): data[1]: missing required field 'data[1]'; "
            + "data[2]: amount: not a decimal number: 'x'");
  }
}
