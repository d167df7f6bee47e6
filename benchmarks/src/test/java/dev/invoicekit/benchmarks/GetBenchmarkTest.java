package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.Invoice;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
final class GetBenchmarkTest {
  static List<String> providersWithGet() {
    return GetRunner.providersWithGet();
  }

  @Test void everyEmulatorWithAGetEndpointIsMeasured() {
    assertThat(GetRunner.providersWithGet()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("providersWithGet")
  void invoiceKitAndTheBaselineReadTheSame200LineInvoice(String provider) {
    GetBenchmark benchmark = new GetBenchmark();
    benchmark.provider = provider;
    benchmark.setUp();
    try {
      Invoice invoice = benchmark.invoiceKit();
      Object tree = benchmark.baseline();

      // The data set's 200 lines, plus what a vendor bills as lines of their own (credits, tax).
      assertThat(invoice.lines()).hasSizeGreaterThanOrEqualTo(GetBenchmark.LINES);
      assertThat(values(tree)).as("the baseline read the same invoice").contains(invoice.id());
      assertThat(listSizes(tree)).as("the baseline read every line").contains(invoice.lines().size());
    } finally {
      benchmark.tearDown();
    }
  }

  /** Every scalar of a JSON tree. */
  private static List<Object> values(Object tree) {
    List<Object> result = new ArrayList<>();
    if (tree instanceof Map) {
      ((Map<?, ?>) tree).values().forEach(value -> result.addAll(values(value)));
    } else if (tree instanceof List) {
      ((List<?>) tree).forEach(value -> result.addAll(values(value)));
    } else {
      result.add(tree);
    }
    return result;
  }

  /** The size of every array of a JSON tree. */
  private static List<Integer> listSizes(Object tree) {
    List<Integer> result = new ArrayList<>();
    if (tree instanceof Map) {
      ((Map<?, ?>) tree).values().forEach(value -> result.addAll(listSizes(value)));
    } else if (tree instanceof List) {
      result.add(((List<?>) tree).size());
      ((List<?>) tree).forEach(value -> result.addAll(listSizes(value)));
    }
    return result;
  }

  @Test void jmhGeneratedTheBenchmarkList() throws IOException {
    try (InputStream list = GetBenchmark.class.getResourceAsStream("/META-INF/BenchmarkList")) {
      assertThat(list).as("the JMH annotation processor ran").isNotNull();
      assertThat(new String(list.readAllBytes(), StandardCharsets.UTF_8))
          .contains(GetBenchmark.class.getName(), "invoiceKit", "baseline");
    }
  }
}
