package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class GetRunnerTest {
  @Test void ratioIsTheMedianOfThePairsRatios() {
    GetRunner.Result result = new GetRunner.Result("fastly", List.of(110.0, 300.0, 104.0),
        List.of(100.0, 100.0, 100.0));

    assertThat(result.ratios()).containsExactly(1.1, 3.0, 1.04);
    assertThat(result.ratio()).isEqualTo(1.1);
    assertThat(result.met()).isTrue();
    assertThat(GetRunner.report(List.of(result)))
        .contains("| fastly   | 110.0 (110, 300, 104)", "| 100.0 (100, 100, 100)",
            "| 1.10× 3.00× 1.04× ", "| 1.10×", "| ≤ 1.15× | yes |");
  }

  @Test void aRatioAboveTheTargetMissesIt() {
    assertThat(new GetRunner.Result("flexprice", List.of(120.0), List.of(100.0)).met()).isFalse();
  }

  @Test void scoresMustPairUp() {
    assertThatThrownBy(() -> new GetRunner.Result("fastly", List.of(1.0), List.of()))
        .hasMessageContaining("unpaired");
  }

  @Test void medianOfOddAndEvenCounts() {
    assertThat(GetRunner.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(GetRunner.median(List.of(3.0, 1.0, 2.0, 10.0))).isEqualTo(2.5);
  }
}
