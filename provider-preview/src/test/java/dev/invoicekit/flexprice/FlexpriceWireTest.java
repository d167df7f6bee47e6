package dev.invoicekit.flexprice;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.tck.WireCase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.invoicekit.tck.WireVerification;

/** The wire half of the conformance kit, with Flexprice's own bodies and error shapes. */
class FlexpriceWireTest extends WireVerification {
  @Override protected WireCase wireCase() {
    return new FlexpriceWireCase();
  }

  @Test void baseUrlFromTheEnvironmentIsCheckedToo() {
    ProviderConfig config = ProviderConfig.builder("flexprice")
        .environment(Map.of("FLEXPRICE_API_KEY", FlexpriceWireCase.API_KEY,
            "FLEXPRICE_BASE_URL", "http://flexprice.internal.example/v1")::get)
        .build();

    assertThatThrownBy(() -> InvoiceProviders.create("flexprice", config))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
  }
}
