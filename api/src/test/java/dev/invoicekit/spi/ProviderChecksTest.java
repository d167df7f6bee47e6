package dev.invoicekit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderChecksTest {
  private static final Instant JULY = Instant.parse("2026-07-01T00:00:00Z");
  private static final Instant AUGUST = Instant.parse("2026-08-01T00:00:00Z");
  private static final Instant SEPTEMBER = Instant.parse("2026-09-01T00:00:00Z");

  @Test void requireOpenPassesAnOpenProviderAndNamesAClosedOne() {
    assertThatCode(() -> ProviderChecks.requireOpen("acme", false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> ProviderChecks.requireOpen("acme", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("acme provider is closed");
    assertThat(ProviderChecks.closed("acme")).hasMessage("acme provider is closed");
  }

  @Test void requireInvoiceIdRejectsNullAndBlankNamingTheProvider() {
    assertThat(ProviderChecks.requireInvoiceId("acme", " in_1 ")).isEqualTo(" in_1 ");
    assertThatThrownBy(() -> ProviderChecks.requireInvoiceId("acme", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("invoiceId == null");
    for (String blank : List.of("", " ", "\t\n")) {
      assertThatThrownBy(() -> ProviderChecks.requireInvoiceId("acme", blank))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("acme: invoiceId is blank");
    }
  }

  @Test void requireAbsentNamesTheParameterTheProviderAndWhy() {
    assertThatCode(() -> ProviderChecks.requireAbsent("acme", "periodStart", Optional.empty(), "why"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ProviderChecks.requireAbsent("acme", "periodStart", Optional.of(JULY),
        "it previews the current month only"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("periodStart is not supported by acme: it previews the current month only");
  }

  @Test void requireParameterReturnsItTrimmedAndRejectsMissingOrBlank() {
    assertThat(ProviderChecks.requireParameter("acme", "subscriptionId", Optional.of(" sub_1 "), "why"))
        .isEqualTo("sub_1");
    for (Optional<String> missing : List.of(Optional.<String>empty(), Optional.of("  "))) {
      assertThatThrownBy(() -> ProviderChecks.requireParameter("acme", "subscriptionId", missing,
          "it previews one subscription"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("subscriptionId is required by acme: it previews one subscription");
    }
  }

  @Test void allowVendorParametersPassesSupportedOnesAndNamesEveryOtherSorted() {
    InvoiceQuery supported = InvoiceQuery.builder().vendorParameter("type", "manual").build();
    assertThatCode(() -> ProviderChecks.allowVendorParameters("acme", supported, Set.of("type", "status")))
        .doesNotThrowAnyException();
    assertThatCode(() -> ProviderChecks.allowVendorParameters("acme", InvoiceQuery.all(), Set.of()))
        .doesNotThrowAnyException();

    InvoiceQuery one = InvoiceQuery.builder().vendorParameter("type", "manual").vendorParameter("sort", "asc")
        .build();
    assertThatThrownBy(() -> ProviderChecks.allowVendorParameters("acme", one, Set.of("type", "status")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acme does not support the vendor parameter 'sort'; supported: 'status', 'type'");

    InvoiceQuery two = InvoiceQuery.builder().vendorParameter("zone", "eu").vendorParameter("sort", "asc")
        .build();
    assertThatThrownBy(() -> ProviderChecks.allowVendorParameters("acme", two, Set.of("type")))
        .hasMessage("acme does not support the vendor parameters 'sort', 'zone'; supported: 'type'");
    assertThatThrownBy(() -> ProviderChecks.allowVendorParameters("acme", two, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acme takes no vendor parameter; got 'sort', 'zone'");
  }

  @Test void filterClientSideKeepsMatchesAndDropsTheTotalOnlyWhenTheQueryFilters() {
    Page<Invoice> page = new Page<>(List.of(invoice("a", "c1", JULY), invoice("b", "c2", AUGUST),
        invoice("c", "c1", SEPTEMBER)), Optional.of("2"), OptionalLong.of(30));

    Page<Invoice> all = ProviderChecks.filterClientSide(page, InvoiceQuery.all());
    assertThat(all).isEqualTo(page);

    Page<Invoice> customer = ProviderChecks.filterClientSide(page,
        InvoiceQuery.builder().customerId("c1").build());
    assertThat(customer.items()).extracting(Invoice::id).containsExactly("a", "c");
    assertThat(customer.nextPageToken()).contains("2");
    assertThat(customer.totalCount()).isEmpty();

    // Half-open: the invoice starting at periodTo is out.
    Page<Invoice> period = ProviderChecks.filterClientSide(page,
        InvoiceQuery.builder().periodFrom(AUGUST).periodTo(SEPTEMBER).build());
    assertThat(period.items()).extracting(Invoice::id).containsExactly("b");
    assertThat(period.nextPageToken()).contains("2");
    assertThat(period.totalCount()).isEmpty();
  }

  @Test void filterKeepingTotalKeepsTheVendorsTotal() {
    Page<Invoice> page = new Page<>(List.of(invoice("a", "c1", AUGUST), invoice("b", "c1", SEPTEMBER)),
        Optional.empty(), OptionalLong.of(2));

    Page<Invoice> august = ProviderChecks.filterKeepingTotal(page,
        InvoiceQuery.builder().customerId("c1").periodFrom(AUGUST).periodTo(SEPTEMBER).build());

    assertThat(august.items()).extracting(Invoice::id).containsExactly("a");
    assertThat(august.nextPageToken()).isEmpty();
    assertThat(august.totalCount()).hasValue(2);
  }

  @Test void requireProgressRejectsAnEmptyPageThatClaimsMore() {
    Page<Invoice> last = new Page<>(List.of(), Optional.empty(), OptionalLong.of(0));
    Page<Invoice> full = Page.of(List.of(invoice("a", "c1", JULY)), "2");
    assertThat(ProviderChecks.requireProgress("acme", "page 1", last)).isSameAs(last);
    assertThat(ProviderChecks.requireProgress("acme", "page 1", full)).isSameAs(full);

    assertThatThrownBy(() -> ProviderChecks.requireProgress("acme", "page 3 of the history",
        Page.of(List.of(), "4")))
        .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
          assertThat(e.provider()).isEqualTo("acme");
          assertThat(e.retryable()).isFalse();
          assertThat(e.detail()).isEqualTo(
              "empty page claims more: page 3 of the history has no items but next page token '4'");
        });
  }

  private static Invoice invoice(String id, String customerId, Instant periodStart) {
    return Invoice.builder("acme", id)
        .customerId(customerId)
        .currency(Currency.getInstance("USD"))
        .status(InvoiceStatus.OPEN)
        .periodStart(periodStart)
        .total(Money.of("10", "USD"))
        .amountDue(Money.of("10", "USD"))
        .build();
  }
}
