package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class DatasetTest {
  private final Dataset dataset = Dataset.of(42, 120);

  @Test void sameSeedAndSizeGiveEqualInvoices() {
    Dataset again = Dataset.of(42, 120);
    for (int i = 0; i < dataset.size(); i++) {
      assertThat(again.invoice(i)).isEqualTo(dataset.invoice(i));
    }
    assertThat(again.list()).isEqualTo(dataset.list());
  }

  @Test void invoiceIsAPureFunctionOfIndexNotOfReadingOrder() {
    DatasetInvoice read119First = Dataset.of(42, 120).invoice(119);
    assertThat(dataset.stream().skip(119).findFirst()).contains(read119First);
    assertThat(dataset.list().get(119)).isEqualTo(read119First);
  }

  @Test void anotherSeedGivesOtherInvoices() {
    Dataset other = Dataset.of(43, 120);
    long differing = dataset.stream().filter(i -> !i.equals(other.invoice(i.index()))).count();
    assertThat(differing).isGreaterThan(100);
  }

  @Test void aMillionInvoicesAreComputedOnDemand() {
    Dataset huge = Dataset.of(42, 1_000_000);
    assertThat(huge.customerCount()).isEqualTo(8334);
    DatasetInvoice last = huge.invoice(999_999);
    assertThat(last).isEqualTo(Dataset.of(42, 1_000_000).invoice(999_999));
    assertThat(last.customerId()).isEqualTo(huge.customerId(999_999 % 8334));
    assertThat(huge.list()).hasSize(1_000_000);
    assertThat(huge.list().get(999_999)).isEqualTo(last);
    assertThat(huge.stream().skip(999_990).count()).isEqualTo(10);
  }

  @Test void amountsAddUp() {
    dataset.stream().forEach(invoice -> {
      BigDecimal lineAmounts = invoice.lines().stream()
          .map(DatasetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal lineDiscounts = invoice.lines().stream()
          .map(DatasetLine::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(invoice.subtotal()).isEqualByComparingTo(lineAmounts);
      assertThat(invoice.discount()).isEqualByComparingTo(lineDiscounts);
      assertThat(invoice.total())
          .isEqualTo(invoice.subtotal().subtract(invoice.discount()).add(invoice.tax()));
      assertThat(invoice.total().signum()).isNotNegative();
      for (DatasetLine line : invoice.lines()) {
        assertThat(line.discount()).isLessThanOrEqualTo(line.amount());
        assertThat(line.amount()).isEqualByComparingTo(
            line.quantity().multiply(line.unitPrice()).setScale(invoice.fractionDigits(),
                java.math.RoundingMode.HALF_EVEN));
      }
    });
  }

  @Test void everyOtherVoidInvoiceBilledNothing() {
    Dataset large = Dataset.of(42, 5000);
    List<DatasetInvoice> voids = large.stream().filter(i -> i.status().equals("void")).toList();
    assertThat(voids).filteredOn(i -> i.index() % 2 != 0).isNotEmpty().allSatisfy(invoice -> {
      assertThat(invoice.total().signum()).isZero();
      assertThat(invoice.total().scale()).isEqualTo(invoice.fractionDigits());
      assertThat(invoice.lines()).isNotEmpty().allSatisfy(line -> {
        assertThat(line.quantity().signum()).isZero();
        assertThat(line.amount().signum()).isZero();
        assertThat(line.discount().signum()).isZero();
      });
    });
    assertThat(voids).filteredOn(i -> i.index() % 2 == 0).isNotEmpty() // their usage kept
        .allSatisfy(invoice -> assertThat(invoice.lines()).allSatisfy(line ->
            assertThat(line.quantity().signum()).isPositive()))
        .anySatisfy(invoice -> assertThat(invoice.total().signum()).isPositive());
    assertThat(large.stream().filter(i -> !i.status().equals("void")))
        .allSatisfy(invoice -> assertThat(invoice.lines()).anySatisfy(line ->
            assertThat(line.quantity().signum()).isPositive()));
  }

  @Test void amountsAreAtTheCurrencyScale() {
    dataset.stream().forEach(invoice -> {
      int digits = invoice.currency().equals("JPY") ? 0 : 2;
      assertThat(invoice.fractionDigits()).isEqualTo(digits);
      for (BigDecimal amount : List.of(invoice.subtotal(), invoice.discount(), invoice.tax(),
          invoice.total(), invoice.amountPaid(), invoice.amountRemaining())) {
        assertThat(amount.scale()).as("%s of invoice %s", amount, invoice.index()).isEqualTo(digits);
      }
      for (DatasetLine line : invoice.lines()) {
        assertThat(line.amount().scale()).isEqualTo(digits);
        assertThat(line.discount().scale()).isEqualTo(digits);
      }
    });
  }

  @Test void jpyInvoicesHaveNoFractionDigits() {
    List<DatasetInvoice> yen = dataset.stream().filter(i -> i.currency().equals("JPY")).toList();
    assertThat(yen).isNotEmpty();
    assertThat(yen).allSatisfy(invoice -> assertThat(invoice.total().scale()).isZero());
  }

  @Test void unitPricesAndQuantitiesKeepTheirDecimals() {
    List<DatasetLine> lines = dataset.stream().flatMap(i -> i.lines().stream()).toList();
    assertThat(lines).anySatisfy(line -> assertThat(line.unitPrice().scale()).isGreaterThan(4));
    assertThat(lines).anySatisfy(line -> assertThat(line.quantity().scale()).isEqualTo(4));
    assertThat(lines).allSatisfy(line -> { // never a negative scale: toPlainString() has no trailing zeros to add
      assertThat(line.unitPrice().scale()).isNotNegative();
      assertThat(line.quantity().scale()).isNotNegative();
    });
  }

  @Test void mixOfCurrenciesMostlyUsd() {
    Dataset large = Dataset.of(42, 10_000);
    Set<String> currencies = dataset.stream().map(DatasetInvoice::currency).collect(Collectors.toSet());
    assertThat(currencies).containsExactlyInAnyOrder("USD", "EUR", "GBP", "JPY");
    long usd = large.stream().filter(i -> i.currency().equals("USD")).count();
    assertThat(usd).isGreaterThan(large.size() / 2);
  }

  @Test void everyStatusIsPresent() {
    Set<String> statuses = dataset.stream().map(DatasetInvoice::status).collect(Collectors.toSet());
    assertThat(statuses).containsExactlyInAnyOrder("draft", "open", "paid", "void", "uncollectible");
  }

  @Test void draftsOnlyInTheNewestMonth() {
    assertThat(dataset.stream().filter(i -> i.status().equals("draft")))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.periodEnd()).isEqualTo(Dataset.ANCHOR));
  }

  @Test void linesAreOneToSixWithSomeZeroAmounts() {
    assertThat(dataset.stream()).allSatisfy(i -> assertThat(i.lines()).hasSizeBetween(1, 6));
    assertThat(dataset.stream().map(i -> i.lines().size()).collect(Collectors.toSet()))
        .contains(1, 6);
    assertThat(dataset.stream().flatMap(i -> i.lines().stream()))
        .anySatisfy(line -> assertThat(line.amount().signum()).isZero());
    assertThat(dataset.stream().flatMap(i -> i.lines().stream()).map(DatasetLine::description))
        .contains("Bandwidth North America", "Requests Europe", "AI Gateway credits",
            "openai/gpt-5 tokens", "Workers AI", "Enterprise Support");
  }

  @Test void customersAndMonthsFollowTheIndex() {
    assertThat(dataset.customerCount()).isEqualTo(5);
    assertThat(Dataset.of(42, 121).customerCount()).isEqualTo(5);
    assertThat(Dataset.of(42, 601).customerCount()).isEqualTo(6);
    assertThat(dataset.customerId(0)).isEqualTo("cust_0001");
    assertThat(dataset.customerIndex("cust_0005")).isEqualTo(4);
    assertThat(dataset.customerIndex("cust_0006")).isEqualTo(-1);
    assertThat(dataset.customerIndex("cust_1")).isEqualTo(-1);

    DatasetInvoice newest = dataset.invoice(0);
    assertThat(newest.customerId()).isEqualTo("cust_0001");
    assertThat(newest.periodStart()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(newest.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 1));
    DatasetInvoice seventh = dataset.invoice(7); // customer 7 % 5 = 2, 7 / 5 = 1 month back
    assertThat(seventh.customerId()).isEqualTo("cust_0003");
    assertThat(seventh.periodStart()).isEqualTo(LocalDate.of(2026, 8, 1));
    assertThat(dataset.invoice(119).periodStart()).isEqualTo(LocalDate.of(2024, 10, 1));
    assertThat(dataset.invoice(119).description()).isEqualTo("Usage for October 2024");
  }

  @Test void timestampsFollowThePeriod() {
    dataset.stream().forEach(invoice -> {
      assertThat(invoice.periodEnd()).isEqualTo(invoice.periodStart().plusMonths(1));
      assertThat(invoice.periodStart().getDayOfMonth()).isEqualTo(1);
      Duration afterPeriod = Duration.between(Dates.startOfDay(invoice.periodEnd()), invoice.issuedAt());
      assertThat(afterPeriod).isBetween(Duration.ofHours(1), Duration.ofHours(7));
      assertThat(invoice.dueAt()).isEqualTo(invoice.issuedAt().plus(Duration.ofDays(30)));
      if (invoice.status().equals("paid")) {
        assertThat(invoice.paidAt()).isAfter(invoice.issuedAt());
        assertThat(invoice.amountPaid()).isEqualTo(invoice.total());
        assertThat(invoice.amountRemaining().signum()).isZero();
      } else {
        assertThat(invoice.paidAt()).isNull();
        assertThat(invoice.amountPaid().signum()).isZero();
      }
    });
  }

  @Test void upcomingIsADraftForTheMonthAfterTheAnchor() {
    DatasetInvoice upcoming = dataset.upcoming(2);
    assertThat(upcoming).isEqualTo(Dataset.of(42, 120).upcoming(2));
    assertThat(upcoming.index()).isEqualTo(-3);
    assertThat(upcoming.customerId()).isEqualTo("cust_0003");
    assertThat(upcoming.status()).isEqualTo("draft");
    assertThat(upcoming.periodStart()).isEqualTo(Dataset.ANCHOR);
    assertThat(upcoming.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(upcoming.lines()).isNotEmpty();
    assertThat(upcoming.amountRemaining()).isEqualTo(upcoming.total());
  }

  @Test void outOfRangeIndexesFail() {
    assertThatThrownBy(() -> dataset.invoice(120)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dataset.invoice(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> dataset.upcoming(5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Dataset.of(42, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void emptyDatasetHasCustomersButNoInvoices() {
    Dataset empty = Dataset.of(42, 0);
    assertThat(empty.stream()).isEmpty();
    assertThat(empty.list()).isEmpty();
    assertThat(empty.customerCount()).isEqualTo(5);
  }

  @Test void fixedLinesPerInvoiceGivesEveryInvoiceThatManyLinesThatStillAddUp() {
    Dataset large = Dataset.of(42, 50, 200);
    assertThat(large.linesPerInvoice()).hasValue(200);
    assertThat(dataset.linesPerInvoice()).isEmpty();
    for (int i = 0; i < large.size(); i++) {
      DatasetInvoice invoice = large.invoice(i);
      assertThat(invoice.lines()).hasSize(200);
      assertThat(invoice).isEqualTo(Dataset.of(42, 50, 200).invoice(i));
      BigDecimal lineAmounts = invoice.lines().stream()
          .map(DatasetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(invoice.subtotal()).isEqualByComparingTo(lineAmounts);
    }
    assertThat(large.invoice(0).lines().stream().map(DatasetLine::description).distinct().count())
        .as("products repeat past the catalog").isLessThan(200);
    assertThat(Dataset.of(42, 50, 1).invoice(3).lines()).hasSize(1);
    assertThat(large.toString()).contains("linesPerInvoice=200");
  }

  @Test void fixingTheLineCountLeavesVaryingDataSetsAlone() {
    assertThat(Dataset.of(42, 120).invoice(7)).isEqualTo(dataset.invoice(7));
    assertThat(dataset.stream().mapToInt(invoice -> invoice.lines().size()).max()).hasValue(6);
    assertThatThrownBy(() -> Dataset.of(42, 10, 0)).hasMessageContaining("linesPerInvoice");
    assertThatThrownBy(() -> Dataset.of(42, 10, Dataset.MAX_LINES_PER_INVOICE + 1))
        .hasMessageContaining("linesPerInvoice");
  }

  @Test void listIsUnmodifiable() {
    assertThatThrownBy(() -> dataset.list().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> dataset.invoice(0).lines().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
