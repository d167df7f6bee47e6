package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.InvoiceProviders;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the tool answers before it talks to any provider: help, version, usage errors. */
final class CliUsageTest {
  @Test void helpListsTheCommandsAndExitCodes() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("providers", "list", "get", "preview", "demo", "--provider",
        "--config", "--set", "--format", "--quiet", "--verbose", "Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @Test void subcommandHelpShowsInheritedGlobalOptions() {
    CliRun run = CliRun.run("list", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--from=DATE", "--limit=N", "--param=KEY=VALUE", "--provider=ID");
    assertThat(CliRun.run("list", "--version").out()).startsWith("invoicekit ");
  }

  @Test void mainGivesPicocliOnlyTheSubcommandsTheArgumentsName() {
    assertThat(InvoiceKitCli.named(new String[] {"list", "--provider", "fastly", "--limit", "1"}))
        .containsExactly("list");
    assertThat(InvoiceKitCli.named(new String[] {"--config", "demo", "list"})).containsExactly("demo", "list");
    Set<String> all = Set.of("providers", "list", "get", "preview", "demo", "sandbox", "completion");
    assertThat(InvoiceKitCli.named(new String[] {"--help"})).containsExactlyInAnyOrderElementsOf(all);
    assertThat(InvoiceKitCli.named(new String[] {"lst"})).containsExactlyInAnyOrderElementsOf(all);
    assertThat(InvoiceKitCli.named(new String[] {"completion", "bash"})).containsExactlyInAnyOrderElementsOf(all);
    assertThat(InvoiceKitCli.commandLine(Map.of(), false, System::nanoTime, "get", "x").getSubcommands())
        .containsOnlyKeys("get");

    CliRun misspelt = CliRun.run("lst");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("Did you mean: invoicekit list?");
    assertThat(CliRun.run("--help").out()).contains("providers", "preview", "sandbox", "completion");
    assertThat(CliRun.run("get", "--version").out()).contains("providers: ");
  }

  @Test void versionComesFromTheFilteredResource() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("invoicekit " + VersionProvider.version())
        .contains("providers: " + String.join(", ", InvoiceProviders.available()));
    assertThat(VersionProvider.version()).isNotEqualTo("unknown").doesNotContain("${");
  }

  @Test void noSubcommandIsAUsageError() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Missing required subcommand")
        .contains("Try 'invoicekit --help' for more information.");
  }

  @Test void unknownOptionIsAUsageErrorWithSuggestions() {
    CliRun run = CliRun.run("list", "--limt", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown options: '--limt'").contains("--limit")
        .contains("Try 'invoicekit list --help'");
    assertThat(run.out()).isEmpty();
  }

  @Test void badDateIsAUsageError() {
    CliRun run = CliRun.run("list", "--provider", "fastly", "--from", "2026-02-30");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'2026-02-30' is not a date (2026-07-01) or an ISO instant");
    assertThat(run.out()).isEmpty();
  }

  @Test void periodEndingBeforeItStartsIsAUsageError() {
    CliRun run = CliRun.run("list", "--provider", "fastly", "--from", "2026-07-01", "--to", "2026-06-01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not after periodFrom").contains("Try 'invoicekit list --help'");
  }

  @Test void limitBelowOneIsAUsageError() {
    CliRun run = CliRun.run("list", "--provider", "fastly", "--limit", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--limit must be at least 1: 0");
  }

  @Test void badFormatIsAUsageError() {
    CliRun run = CliRun.run("list", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--format").contains("xml");
  }

  @Test void missingIdOfGetIsAUsageError() {
    CliRun run = CliRun.run("get", "--provider", "fastly");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'ID'");
  }

  @Test void noProviderChosenIsAUsageErrorListingTheAvailableIds() {
    CliRun run = CliRun.run("list");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no provider chosen")
        .contains("available: " + InvoiceProviders.available())
        .contains("Try 'invoicekit list --help'");
  }

  @Test void unknownProviderIsAUsageErrorListingTheAvailableIds() {
    CliRun run = CliRun.run("list", "--provider", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no InvoiceKit provider 'nope'")
        .contains("available: " + InvoiceProviders.available());
  }

  @Test void missingConfigFileIsAUsageError() {
    CliRun run = CliRun.run("list", "--provider", "fastly", "--config", "/nonexistent/x.properties");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--config /nonexistent/x.properties: no such file");
  }

  @Test void providerMayComeFromTheEnvironment() {
    CliRun run = CliRun.run(java.util.Map.of("INVOICEKIT_PROVIDER", "nope"), "list");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no InvoiceKit provider 'nope'");
  }

  @Test void errorsAreOneLineWithoutStackTraceUnlessVerbose() {
    CliRun quiet = CliRun.run("list", "--provider", "nope");
    CliRun verbose = CliRun.run("list", "--provider", "nope", "--verbose");

    assertThat(quiet.err().lines().filter(line -> line.startsWith("\tat "))).isEmpty();
    assertThat(quiet.err().lines()).hasSize(2); // the error and the usage hint
    assertThat(verbose.err()).contains("\tat ").contains("IllegalArgumentException");
  }
}
