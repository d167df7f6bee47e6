package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.spi.ProviderConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sandbox data only when asked for with {@code --sandbox}; {@code demo} always uses the sandboxes. */
@Timeout(60)
final class NoSilentSandboxTest {
  static Stream<Arguments> commandsOfEveryProvider() {
    return InvoiceProviders.available().stream().flatMap(id -> Stream.of(
        Arguments.of(id, List.of("list", "--format", "csv")),
        Arguments.of(id, List.of("get", "some-invoice")),
        Arguments.of(id, List.of("preview", "--format", "json"))));
  }

  static Stream<String> providerIds() {
    return InvoiceProviders.available().stream();
  }

  @ParameterizedTest @MethodSource("commandsOfEveryProvider")
  void missingCredentialWithoutSandboxExitsTwoWithOneLineAndNoData(String id, List<String> command) {
    String variable = missingCredential(id, Map.of()).orElseThrow();

    CliRun run = CliRun.run(args(command, "--provider", id));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).singleElement().asString()
        .contains("invoicekit." + id + ".") // the setting
        .contains(variable)                 // its environment variable
        .contains("--sandbox");
  }

  @ParameterizedTest @MethodSource("providerIds")
  void eachMissingCredentialInTurnIsNamed(String id) {
    Map<String, String> environment = new HashMap<>();
    for (Optional<String> missing = missingCredential(id, environment); missing.isPresent();
        missing = missingCredential(id, environment)) {
      CliRun run = CliRun.run(environment, "list", "--provider", id);

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines()).singleElement().asString().contains(missing.get());
      environment.put(missing.get(), "set-by-the-test");
    }
  }

  @ParameterizedTest @MethodSource("providerIds")
  void sandboxOptionReadsTheSandboxEvenWithCredentials(String id) {
    // Credentials of a real account in the environment; --sandbox still reads the sandbox.
    Map<String, String> environment = allCredentials(id);

    CliRun list = CliRun.run(environment, "list", "--sandbox", "--provider", id, "--limit", "1",
        "--format", "csv");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    List<List<String>> rows = CsvOutputTest.parse(list.out());
    assertThat(rows).hasSize(2);
    String invoiceId = rows.get(1).get(CsvOutput.HEADER.indexOf("id"));

    CliRun get = CliRun.run(environment, "get", invoiceId, "--sandbox", "--provider", id,
        "--format", "json");
    assertThat(get.exitCode()).as(get.toString()).isZero();
    assertThat(get.out()).contains(invoiceId);
    assertThat(list.out() + list.err() + get.out() + get.err()).doesNotContain("set-by-the-test");
  }

  @Test void demoAlwaysUsesTheSandboxes() {
    Map<String, String> environment = new HashMap<>();
    InvoiceProviders.available().forEach(id -> environment.putAll(allCredentials(id)));

    CliRun run = CliRun.run(environment, "demo", "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    for (String id : InvoiceProviders.available()) {
      assertThat(run.out().lines()).anySatisfy(line -> assertThat(line).startsWith(id + " "));
    }
  }

  /** An environment holding every credential provider {@code id} asks for. */
  static Map<String, String> allCredentials(String id) {
    Map<String, String> environment = new HashMap<>();
    for (Optional<String> missing = missingCredential(id, environment); missing.isPresent();
        missing = missingCredential(id, environment)) {
      environment.put(missing.get(), "set-by-the-test");
    }
    return environment;
  }

  static Optional<String> missingCredential(String id, Map<String, String> environment) {
    return InvoiceProviders.factory(id)
        .missingCredential(ProviderConfig.builder(id).environment(environment::get).build());
  }

  private static String[] args(List<String> command, String... more) {
    return Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new);
  }
}
