package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CompletionCommandTest {
  @Test void bashPrintsACompletionScriptForEverySubcommandAndOption() {
    CliRun run = CliRun.run("completion", "bash");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_invoicekit")   // registers the function for the command
        .contains("_picocli_invoicekit_list()", "_picocli_invoicekit_get()",
            "_picocli_invoicekit_preview()", "_picocli_invoicekit_demo()",
            "_picocli_invoicekit_providers()", "_picocli_invoicekit_completion()")
        .contains("--sandbox", "--provider", "--format", "--limit");
  }

  @Test void zshLoadsBashcompinitThenRunsTheBashScript() {
    String bash = CliRun.run("completion", "bash").out();
    CliRun run = CliRun.run("completion", "zsh");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().limit(3))
        .anySatisfy(line -> assertThat(line).isEqualTo("autoload -U +X bashcompinit && bashcompinit"));
    assertThat(run.out()).endsWith(bash);
  }

  @Test void formatValuesAreCompleted() {
    assertThat(CliRun.run("completion", "bash").out())
        .contains("FORMAT_option_args=(\"table\" \"json\" \"csv\" \"focus\")");
  }

  @Test void unknownShellIsAUsageError() {
    CliRun run = CliRun.run("completion", "fish");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("fish").contains("BASH").contains("ZSH");
  }
}
