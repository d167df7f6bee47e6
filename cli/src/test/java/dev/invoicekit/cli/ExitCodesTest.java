package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.ProviderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** One mapping from failure to exit code, and the tool answering with it. */
final class ExitCodesTest {
  private final ExitCodes codes = new ExitCodes();

  @Test void vendorErrorsAreOneEvenA400() {
    assertThat(codes.getExitCode(new ProviderException("p", "HTTP 503", 503, null, null, true, null)))
        .isEqualTo(1);
    assertThat(codes.getExitCode(new InvalidRequestException("p", "bad", 400, "x", null))).isEqualTo(1);
    assertThat(codes.getExitCode(new NotFoundException("p", "gone", null, null))).isEqualTo(1);
  }

  @Test void runtimeFailuresAreOne() {
    assertThat(codes.getExitCode(new UncheckedIOException(new IOException("disk full")))).isEqualTo(1);
    assertThat(codes.getExitCode(new IllegalStateException("bug"))).isEqualTo(1);
  }

  @Test void usageAndConfigurationErrorsAreTwo() {
    @Command(name = "x") final class Empty {}
    assertThat(codes.getExitCode(new ParameterException(new CommandLine(new Empty()), "bad option")))
        .isEqualTo(2);
    ConfigurationException missing = new ConfigurationException("invoicekit.p.api-key", "not set");
    assertThat(codes.getExitCode(missing)).isEqualTo(2);
    assertThat(codes.getExitCode(new MissingCredentialException(missing, "p", true))).isEqualTo(2);
    assertThat(codes.getExitCode(new IllegalArgumentException("no provider 'nope'"))).isEqualTo(2);
  }

  @Test void unknownInvoiceIsThree() {
    assertThat(codes.getExitCode(new NoSuchInvoiceException("p", "in_1"))).isEqualTo(3);
  }

  @Test void theToolAnswersWithTheMappedCodes() {
    assertThat(CliRun.run("--help").exitCode()).isZero();
    assertThat(CliRun.run("list", "--no-such-option").exitCode()).isEqualTo(2);
    String id = InvoiceProviders.available().iterator().next();
    assertThat(CliRun.run("list", "--provider", id).exitCode()).isEqualTo(2); // no credential
    assertThat(CliRun.run("get", "no-such-invoice", "--sandbox", "--provider", id).exitCode())
        .isEqualTo(3);
    // An authentication failure from the vendor is the vendor's answer: 1 (see InvoiceKitCliTest).
    assertThat(codes.getExitCode(new AuthenticationException("p", "HTTP 401", 401, null, null)))
        .isEqualTo(1);
  }

  @Test void helpListsEveryExitCode() {
    assertThat(CliRun.run("--help").out()).contains("Exit codes:")
        .containsPattern("0\\s+success").containsPattern("1\\s+vendor or runtime error")
        .containsPattern("2\\s+usage or configuration error")
        .containsPattern("3\\s+get of an invoice id the vendor does not know");
  }
}
