package dev.invoicekit.tck;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.tck.acme.AcmeProviderFactory;
import dev.invoicekit.tck.acme.Flaw;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kit run against an Acme provider with the flaws {@link KitSelfTest} chose. Not run on its own
 * (its name is no test class name): the self-test launches it and reads what failed.
 */
public class FlawedAcmeVerification extends InvoiceProviderVerification {
  /** The flaws of the provider under test; set by {@link KitSelfTest}, which runs one at a time. */
  static volatile Set<Flaw> flaws = EnumSet.noneOf(Flaw.class);

  public FlawedAcmeVerification() {
    super("acme");
  }

  @Override protected InvoiceProvider createProvider(ProviderConfig config) {
    return new AcmeProviderFactory(flaws).create(config);
  }
}
