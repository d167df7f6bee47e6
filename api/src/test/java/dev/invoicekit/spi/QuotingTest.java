package dev.invoicekit.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class QuotingTest {
  @Test void shortPlainValueIsQuotedAsIs() {
    assertThat(Quoting.quote("usd")).isEqualTo("'usd'");
    assertThat(Quoting.quote(null)).isEqualTo("null");
    assertThat(Quoting.quote(2.5)).isEqualTo("'2.5'");
  }

  @Test void hugeValueIsCutToEightyCharactersWithItsLength() {
    String huge = "x".repeat(100_000);

    assertThat(Quoting.quote(huge)).isEqualTo("'" + "x".repeat(80) + "…(100000 chars)'");
  }

  @Test void terminalEscapesAndControlCharactersAreEscaped() {
    assertThat(Quoting.excerpt("\u001b[31mred\u001b[0m\r\n\t")).isEqualTo("\\u001b[31mred\\u001b[0m\\u000d\\u000a\\u0009");
    assertThat(Quoting.excerpt("a\\u001b")).isEqualTo("a\\\\u001b");
    assertThat(Quoting.excerpt("evil\u202egnp.exe")).isEqualTo("evil\\u202egnp.exe");
    assertThat(Quoting.excerpt("\u0085\u009b")).isEqualTo("\\u0085\\u009b");
  }

  @Test void surrogatePairsSurviveButLoneSurrogatesAreEscaped() {
    assertThat(Quoting.excerpt("€ 😀")).isEqualTo("€ 😀");
    assertThat(Quoting.excerpt("a\ud800b")).isEqualTo("a\\ud800b");
    String cutInsidePair = "y".repeat(79) + "😀" + "z";
    assertThat(Quoting.excerpt(cutInsidePair)).isEqualTo("y".repeat(79) + "…(82 chars)");
  }
}
