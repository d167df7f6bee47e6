package dev.invoicekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static final Currency USD = Currency.getInstance("USD");

  private static Invoice.Builder minimal() {
    return Invoice.builder("acme", "INV-1")
        .currency(USD)
        .status(InvoiceStatus.OPEN)
        .total(Money.of("10", "USD"))
        .amountDue(Money.of("10", "USD"));
  }

  @Test void invoiceBuilderFillsEveryComponent() {
    InvoiceLine line = InvoiceLine.builder("Bandwidth", Money.of("10", "USD"))
        .quantity(new BigDecimal("146017.0369")).unitPrice(new BigDecimal("0.002"))
        .attribute("product_line", "Network Services").attribute("ignored", null).build();
    Invoice invoice = minimal().number("42").customerId("c").vendorStatus("outstanding")
        .periodStart(Instant.parse("2026-07-01T00:00:00Z")).periodEnd(Instant.parse("2026-08-01T00:00:00Z"))
        .addLine(line).attribute("billing_reason", "MANUAL").build();

    assertThat(invoice.lines()).containsExactly(line);
    assertThat(invoice.attributes()).containsEntry("billing_reason", "MANUAL");
    assertThat(line.attributes()).containsOnlyKeys("product_line");
    assertThat(invoice.toBuilder().build()).isEqualTo(invoice);
  }

  @Test void invoiceCopiesItsCollections() {
    List<InvoiceLine> lines = new ArrayList<>();
    Invoice invoice = minimal().lines(lines).build();
    lines.add(InvoiceLine.builder("x", Money.of("1", "USD")).build());
    assertThat(invoice.lines()).isEmpty();
    assertThatThrownBy(() -> invoice.lines().add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test void invoiceRequiresItsMandatoryComponents() {
    assertThatThrownBy(() -> minimal().id(null).build()).hasMessage("id == null");
    assertThatThrownBy(() -> minimal().total(null).build()).hasMessage("total == null");
    assertThatThrownBy(() -> minimal().currency(null).build()).hasMessage("currency == null");
    assertThatThrownBy(() -> minimal().id("").build()).hasMessage("id is empty");
  }

  @Test void invoiceAmountsMustBeInTheInvoiceCurrency() {
    assertThatThrownBy(() -> minimal().tax(Money.of("1", "EUR")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tax is in EUR, the invoice in USD");
  }

  @Test void periodMustNotEndBeforeItStarts() {
    assertThatThrownBy(() -> minimal().periodStart(Instant.parse("2026-08-01T00:00:00Z"))
        .periodEnd(Instant.parse("2026-07-01T00:00:00Z")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test void lineDiscountMustBeInTheLineCurrency() {
    assertThatThrownBy(() -> InvoiceLine.builder("x", Money.of("1", "USD"))
        .discount(Money.of("1", "JPY")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InvoiceLine.builder(null, Money.of("1", "USD")).build())
        .hasMessage("description == null");
  }

  @Test void pageCopiesItsItems() {
    List<String> items = new ArrayList<>(List.of("a"));
    Page<String> page = Page.of(items, "next");
    items.add("b");
    assertThat(page.items()).containsExactly("a");
    assertThat(page.hasNext()).isTrue();
    assertThat(Page.of(List.of(), null).hasNext()).isFalse();
  }

  @Test void queryPeriodIsHalfOpen() {
    Instant from = Instant.parse("2026-07-01T00:00:00Z");
    Instant to = Instant.parse("2026-08-01T00:00:00Z");
    InvoiceQuery query = InvoiceQuery.builder().periodFrom(from).periodTo(to).build();
    assertThat(query.periodIncludes(from)).isTrue();
    assertThat(query.periodIncludes(to.minusNanos(1))).isTrue();
    assertThat(query.periodIncludes(to)).isFalse();
    assertThat(query.periodIncludes(from.minusSeconds(1))).isFalse();
    assertThat(query.periodIncludes(null)).isFalse();
    assertThat(InvoiceQuery.all().periodIncludes(null)).isTrue();
  }

  @Test void queryMatchesCustomerAndPeriodStartElseIssuedAt() {
    Instant july = Instant.parse("2026-07-01T00:00:00Z");
    Invoice.Builder invoice = Invoice.builder("acme", "INV-1").customerId("c1")
        .currency(Currency.getInstance("USD")).total(Money.of("1", "USD")).amountDue(Money.of("1", "USD"));
    InvoiceQuery query = InvoiceQuery.builder().customerId("c1")
        .periodFrom(july).periodTo(Instant.parse("2026-08-01T00:00:00Z")).build();
    assertThat(query.matches(invoice.periodStart(july).build())).isTrue();
    assertThat(query.matches(invoice.customerId("c2").build())).isFalse();
    assertThat(query.matches(invoice.customerId("c1").periodStart(july.minusSeconds(1))
        .issuedAt(july).build())).isFalse();
    assertThat(query.matches(invoice.periodStart(null).issuedAt(july).build())).isTrue();
    assertThat(query.matches(invoice.issuedAt(null).build())).isFalse();
    assertThat(InvoiceQuery.all().matches(invoice.customerId(null).build())).isTrue();
  }

  @Test void queryValidatesAndCopies() {
    Instant t = Instant.parse("2026-07-01T00:00:00Z");
    assertThatThrownBy(() -> InvoiceQuery.builder().periodFrom(t).periodTo(t).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InvoiceQuery.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pageSize < 1: 0");
    InvoiceQuery query = InvoiceQuery.builder().customerId("c").pageSize(10)
        .vendorParameter("type", "auto").build();
    InvoiceQuery next = query.withPageToken("2");
    assertThat(next.pageToken()).contains("2");
    assertThat(next.customerId()).contains("c");
    assertThat(next.vendorParameter("type")).contains("auto");
    assertThat(next.pageSize()).hasValue(10);
    assertThat(query.pageToken()).isEmpty();
    assertThat(next).isEqualTo(query.toBuilder().pageToken("2").build());
  }

  @Test void previewRequestValidatesItsPeriod() {
    Instant t = Instant.parse("2026-07-01T00:00:00Z");
    assertThatThrownBy(() -> PreviewRequest.builder().periodStart(t).periodEnd(t).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PreviewRequest.upcoming().subscriptionId()).isEmpty();
    assertThat(PreviewRequest.builder().subscriptionId("subs_1").build().subscriptionId()).contains("subs_1");
    PreviewRequest customer = PreviewRequest.builder().customerId("cus_1").build();
    assertThat(customer.customerId()).contains("cus_1");
    assertThat(PreviewRequest.upcoming().customerId()).isEmpty();
    assertThat(customer).isNotEqualTo(PreviewRequest.upcoming())
        .isEqualTo(PreviewRequest.builder().customerId("cus_1").build());
    assertThat(customer.toString()).contains("customerId=cus_1");
  }

  @Test void exceptionMessagesCarryStatusCodeAndRequestId() {
    InvoiceException e = new NotFoundException("globex", "invoice not found", "not_found", "req-1");
    assertThat(e).hasMessage("globex: invoice not found (HTTP 404, vendor code not_found, request id req-1)");
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.retryable()).isFalse();
    assertThat(e.detail()).isEqualTo("invoice not found");

    assertThat(new MalformedResponseException("acme", "repeated cursor"))
        .hasMessage("acme: repeated cursor")
        .isInstanceOf(ProviderException.class);
    RateLimitException limited = new RateLimitException("initech", "slow down", null, null,
        java.time.Duration.ofSeconds(5));
    assertThat(limited.retryable()).isTrue();
    assertThat(limited.retryAfter()).contains(java.time.Duration.ofSeconds(5));
    assertThat(limited).hasMessage("initech: slow down (HTTP 429)");
  }

  @Test void statusFromNameReadsEveryNameInAnyCaseAndNothingElse() {
    assertThat(InvoiceStatus.fromName("draft")).isEqualTo(InvoiceStatus.DRAFT);
    assertThat(InvoiceStatus.fromName(" Open ")).isEqualTo(InvoiceStatus.OPEN);
    assertThat(InvoiceStatus.fromName("PAID")).isEqualTo(InvoiceStatus.PAID);
    assertThat(InvoiceStatus.fromName("void")).isEqualTo(InvoiceStatus.VOID);
    assertThat(InvoiceStatus.fromName("uncollectible")).isEqualTo(InvoiceStatus.UNCOLLECTIBLE);
    assertThat(InvoiceStatus.fromName("disputed")).isEqualTo(InvoiceStatus.UNKNOWN);
    assertThat(InvoiceStatus.fromName("")).isEqualTo(InvoiceStatus.UNKNOWN);
    assertThat(InvoiceStatus.fromName(null)).isEqualTo(InvoiceStatus.UNKNOWN);
  }
}
