package dev.invoicekit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.focus.FocusRow;
import dev.invoicekit.sandbox.Sandboxes;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC §9 and §10 through the command line: several instances as one listing, and FOCUS. */
@Timeout(120)
final class InstancesCliTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> json(String text) {
    try {
      return (List<Map<String, Object>>) JSON.fromJson(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static List<String> everyProvider() {
    List<String> ids = new ArrayList<>(InvoiceProviders.available());
    ids.retainAll(Sandboxes.available());
    return ids;
  }

  @Test void listAllAsFocusReconcilesEveryInvoiceOfEveryProvider() {
    CliRun focus = CliRun.run("list", "--provider", "all", "--sandbox", "--format", "focus");
    CliRun listed = CliRun.run("list", "--provider", "all", "--sandbox", "--format", "json");
    assertThat(focus.exitCode()).as(focus.toString()).isZero();
    assertThat(listed.exitCode()).as(listed.toString()).isZero();

    List<List<String>> rows = CsvOutputTest.parse(focus.out());
    List<String> header = rows.get(0);
    assertThat(header).isEqualTo(FocusRow.COLUMNS);
    Map<String, BigDecimal> sums = new TreeMap<>();
    Set<String> providers = new TreeSet<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).hasSize(header.size());
      String invoice = row.get(header.indexOf("x_Instance")) + "/" + row.get(header.indexOf("InvoiceId"));
      sums.merge(invoice, new BigDecimal(row.get(header.indexOf("BilledCost"))), BigDecimal::add);
      providers.add(row.get(header.indexOf("x_Provider")));
    }
    assertThat(providers).containsExactlyInAnyOrderElementsOf(everyProvider());
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (Map<String, Object> invoice : json(listed.out())) {
      totals.put(invoice.get("instance") + "/" + invoice.get("id"), new BigDecimal((String) invoice.get("total")));
    }
    assertThat(sums.keySet()).isEqualTo(totals.keySet());
    sums.forEach((invoice, sum) -> assertThat(sum).as(invoice).isEqualByComparingTo(totals.get(invoice)));
    assertThat(rows.size() - 1).isGreaterThan(totals.size()); // itemised, not one row per invoice
  }

  @Test void severalProvidersAreOneJsonStreamInTheOrderGivenWithTheirInstance() {
    List<String> ids = everyProvider();
    List<String> reversed = new ArrayList<>(ids);
    java.util.Collections.reverse(reversed);
    CliRun run = CliRun.run("list", "--provider", String.join(",", reversed), "--sandbox", "--format", "json");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<Map<String, Object>> invoices = json(run.out());
    List<String> order = new ArrayList<>(new LinkedHashSet<>(
        invoices.stream().map(invoice -> (String) invoice.get("instance")).toList()));
    assertThat(order).isEqualTo(reversed);
    assertThat(invoices).allSatisfy(invoice -> {
      assertThat(invoice.keySet().iterator().next()).isEqualTo("instance");
      assertThat(invoice.get("provider")).isEqualTo(invoice.get("instance"));
    });
    CliRun single = CliRun.run("list", "--provider", ids.get(0), "--sandbox", "--format", "json", "--limit", "1");
    assertThat(json(single.out()).get(0)).doesNotContainKey("instance");
  }

  @Test void twoInstancesOfOneProviderKeepTheProviderIdAndTheirOwnNames() {
    String id = everyProvider().get(0);
    CliRun run = CliRun.run("list", "--sandbox", "--format", "csv", "--provider", "eu,us",
        "--set", "invoicekit.eu.provider=" + id, "--set", "invoicekit.us.provider=" + id);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<List<String>> rows = CsvOutputTest.parse(run.out());
    assertThat(rows.get(0)).isEqualTo(CsvOutput.INSTANCE_HEADER);
    Map<String, Integer> perInstance = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      perInstance.merge(row.get(0), 1, Integer::sum);
      assertThat(row.get(1)).isEqualTo(id); // the provider column stays the provider id
    }
    assertThat(perInstance.keySet()).containsExactly("eu", "us");
    assertThat(perInstance.get("eu")).isEqualTo(perInstance.get("us"));
  }

  @Test void theTableShowsTheInstanceAndTotalsPerCurrencyAcrossAll() {
    List<String> ids = everyProvider();
    CliRun run = CliRun.run("list", "--provider", "all", "--sandbox");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("INSTANCE").contains("PROVIDER", "TOTAL", "CURRENCY");

    CliRun listed = CliRun.run("list", "--provider", "all", "--sandbox", "--format", "json");
    Map<String, BigDecimal> expected = new TreeMap<>();
    long count = 0;
    for (Map<String, Object> invoice : json(listed.out())) {
      expected.merge((String) invoice.get("currency"), new BigDecimal((String) invoice.get("total")), BigDecimal::add);
      count++;
    }
    Map<String, BigDecimal> shown = new TreeMap<>();
    long shownCount = 0;
    for (String line : lines) {
      if (!line.startsWith("total ")) continue;
      String[] cells = line.trim().split("\\s+");
      shown.put(cells[cells.length - 1], new BigDecimal(cells[cells.length - 2]));
      shownCount += Long.parseLong(cells[1]);
    }
    assertThat(shownCount).isEqualTo(count);
    assertThat(shown.keySet()).isEqualTo(expected.keySet());
    expected.forEach((currency, sum) -> assertThat(shown.get(currency)).as(currency).isEqualByComparingTo(sum));
    assertThat(lines.stream().filter(line -> !line.startsWith("INSTANCE") && !line.startsWith("total"))
        .map(line -> line.split("\\s+")[0]).distinct().toList()).containsExactlyElementsOf(ids);
  }

  @Test void limitCountsAcrossInstances() {
    CliRun run = CliRun.run("list", "--provider", "all", "--sandbox", "--format", "json", "--limit", "3");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(json(run.out())).hasSize(3);
  }

  @Test void aProviderListedTwiceIsAUsageError() {
    String id = everyProvider().get(0);
    CliRun run = CliRun.run("list", "--provider", id + "," + id, "--sandbox");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--provider lists '" + id + "' twice");
    assertThat(run.out()).isEmpty();
  }

  @Test void getTakesOneProvider() {
    CliRun run = CliRun.run("get", "x", "--provider", "all", "--sandbox");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("several providers are read together by list only");
  }

  @Test void allWithoutSandboxOrCredentialsNamesTheMissingSetting() {
    CliRun run = CliRun.run("list", "--provider", "all", "--format", "focus");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is not set").contains("--sandbox");
    assertThat(run.out()).isEmpty();
  }

  @Test void configuredProvidersAreTheDefaultSet() {
    List<String> ids = everyProvider();
    CliRun run = CliRun.run("list", "--sandbox", "--format", "json",
        "--set", "invoicekit.providers=" + ids.get(1) + "," + ids.get(0));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(json(run.out()).stream().map(invoice -> invoice.get("instance")).distinct().toList())
        .containsExactly(ids.get(1), ids.get(0));
  }
}
