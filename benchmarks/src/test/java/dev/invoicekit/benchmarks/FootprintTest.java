package dev.invoicekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FootprintTest {
  @TempDir Path dir;

  @Test void sumsTheJarsOfDirectoriesAndFilesLargestFirst() throws IOException {
    Path dependencies = Files.createDirectory(dir.resolve("dependencies"));
    write(dependencies.resolve("okhttp-jvm-5.5.1.jar"), 3 * 1024 * 1024);
    write(dependencies.resolve("okio-jvm-3.18.1.jar"), 512 * 1024);
    write(dependencies.resolve("notes.txt"), 10);
    Path provider = write(dir.resolve("invoicekit-provider-v3.jar"), 100 * 1024);

    Map<String, List<Path>> parsed = Footprint.parse("fastly=" + dependencies + "," + provider);
    Footprint.Result result = Footprint.measure("fastly", parsed.get("fastly"));

    assertThat(result.jars()).extracting(Footprint.Jar::name).containsExactly(
        "okhttp-jvm-5.5.1.jar", "okio-jvm-3.18.1.jar", "invoicekit-provider-v3.jar");
    assertThat(result.bytes()).isEqualTo(3 * 1024 * 1024 + 612 * 1024);
    assertThat(result.met()).isTrue();
    assertThat(Footprint.report(List.of(result)))
        .contains("| api + http + fastly | 3 ", "| 3.60 ", "| yes")
        .contains("| okhttp-jvm-5.5.1.jar       | 3,072 | 83%");
  }

  @Test void overFourMebibytesMissesTheTarget() throws IOException {
    write(dir.resolve("guava.jar"), 4 * 1024 * 1024 + 1);
    assertThat(Footprint.measure("x", List.of(dir)).met()).isFalse();
  }

  @Test void missingPathsAndEmptyDirectoriesFail() {
    assertThatThrownBy(() -> Footprint.measure("x", List.of(dir.resolve("absent"))))
        .hasMessageContaining("no such file");
    assertThatThrownBy(() -> Footprint.measure("x", List.of(dir))).hasMessageContaining("no jar in");
    assertThatThrownBy(() -> Footprint.parse("no-equals")).hasMessageContaining("name=path");
  }

  private static Path write(Path file, int bytes) throws IOException {
    return Files.write(file, new byte[bytes]);
  }
}
