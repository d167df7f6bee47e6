package dev.invoicekit.tck.acme;

import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.spi.InvoiceProviderFactory;
import dev.invoicekit.spi.ProviderConfig;
import java.util.EnumSet;
import java.util.Set;

/** The correct Acme provider ({@link #ID}), or one with {@link Flaw}s for the kit's self-test. */
public final class AcmeProviderFactory implements InvoiceProviderFactory {
  static final String ID = "acme";

  private final Set<Flaw> flaws;

  /** The correct provider; for {@link java.util.ServiceLoader}. */
  public AcmeProviderFactory() {
    this(EnumSet.noneOf(Flaw.class));
  }

  public AcmeProviderFactory(Set<Flaw> flaws) {
    this.flaws = flaws.isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(flaws);
  }

  @Override public String id() {
    return ID;
  }

  @Override public InvoiceProvider create(ProviderConfig config) {
    if (flaws.contains(Flaw.VALIDATES_SETTINGS_LATE)) {
      return new LateProvider(() -> new AcmeProvider(config, flaws));
    }
    return new AcmeProvider(config, flaws);
  }
}
