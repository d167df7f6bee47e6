package dev.invoicekit.focus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a FOCUS 1.2 Cost and Usage CSV against the rules of {@code reference/focus-1.2.md} that
 * concern the columns the export writes, as the official validator cannot run here. Each
 * violation is a line naming the rule, the row (1 = the first after the header) and the column.
 * Written from the reference, independently of the exporter: it shares none of its code.
 */
final class FocusChecker {
  static final List<String> MANDATORY = List.of(
      "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
      "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd",
      "ChargePeriodStart", "ContractedCost", "EffectiveCost", "InvoiceIssuerName", "ListCost",
      "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory",
      "ServiceName");
  /** Every FOCUS 1.2 column id (57), to tell FOCUS columns from custom ones. */
  static final Set<String> FOCUS = Set.of(
      "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingAccountType",
      "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart", "CapacityReservationId",
      "CapacityReservationStatus", "ChargeCategory", "ChargeClass", "ChargeDescription",
      "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
      "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountQuantity",
      "CommitmentDiscountStatus", "CommitmentDiscountType", "CommitmentDiscountUnit",
      "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "ContractedUnitPrice", "EffectiveCost",
      "InvoiceId", "InvoiceIssuerName", "ListCost", "ListUnitPrice", "PricingCategory",
      "PricingCurrency", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost",
      "PricingCurrencyListUnitPrice", "PricingQuantity", "PricingUnit", "ProviderName",
      "PublisherName", "RegionId", "RegionName", "ResourceId", "ResourceName", "ResourceType",
      "ServiceCategory", "ServiceName", "ServiceSubcategory", "SkuId", "SkuMeter", "SkuPriceDetails",
      "SkuPriceId", "SubAccountId", "SubAccountName", "SubAccountType", "Tags");
  /** Columns that must not be null on any row (the 16 Mandatory ones, and the Recommended we write). */
  static final List<String> NOT_NULL = List.of(
      "BilledCost", "BillingAccountId", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
      "ChargeCategory", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost", "EffectiveCost",
      "InvoiceIssuerName", "ListCost", "ProviderName", "PublisherName", "ServiceCategory",
      "ServiceName", "ChargeFrequency", "ServiceSubcategory", "InvoiceId");
  static final List<String> DECIMALS = List.of(
      "BilledCost", "ContractedCost", "EffectiveCost", "ListCost", "PricingQuantity",
      "ConsumedQuantity", "ListUnitPrice", "ContractedUnitPrice");
  static final List<String> DATES = List.of(
      "BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd");
  static final Set<String> CHARGE_CATEGORIES = Set.of("Usage", "Purchase", "Tax", "Credit", "Adjustment");
  static final Set<String> CHARGE_FREQUENCIES = Set.of("One-Time", "Recurring", "Usage-Based");
  static final Map<String, List<String>> SUBCATEGORIES = subcategories();
  /** NumericFormat: integer, decimal or E notation; a sign only when negative, also in the exponent. */
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
  /** DateTimeFormat: YYYY-MM-DDTHH:mm:ssZ. */
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final Set<String> PLACEHOLDERS = Set.of("null", "NULL", "N/A", "n/a", "-", "None");

  private FocusChecker() {}

  /** Checks {@code csv}; {@code totals} (nullable) maps "instance/InvoiceId" to the invoice total. */
  static List<String> check(String csv, Map<String, BigDecimal> totals) {
    List<String> problems = new ArrayList<>();
    List<List<String>> records;
    try {
      records = CsvReader.parse(csv);
    } catch (IllegalArgumentException e) {
      return List.of("RFC 4180: " + e.getMessage());
    }
    if (records.isEmpty()) return List.of("ColumnHandling: no header row");
    List<String> header = records.get(0);
    checkHeader(header, problems);
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    Map<String, String> categoryOfService = new HashMap<>();
    Map<String, String> currencyOfInvoice = new HashMap<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r);
      if (record.size() != header.size()) {
        problems.add("RFC 4180: row " + r + " has " + record.size() + " fields, the header " + header.size());
        continue;
      }
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), record.get(c).isEmpty() ? null : record.get(c));
      }
      checkRow(r, row, problems);
      String service = row.get("ServiceName");
      String category = row.get("ServiceCategory");
      if (service != null && category != null) {
        String previous = categoryOfService.putIfAbsent(service, category);
        if (previous != null && !previous.equals(category)) {
          problems.add("ServiceCategory: row " + r + ": ServiceName '" + service + "' has categories "
              + previous + " and " + category + " (one per ServiceName)");
        }
      }
      String invoice = row.get("x_Instance") + "/" + row.get("InvoiceId");
      String currency = currencyOfInvoice.putIfAbsent(invoice, String.valueOf(row.get("BillingCurrency")));
      if (currency != null && !currency.equals(row.get("BillingCurrency"))) {
        problems.add("BillingCurrency: row " + r + ": invoice " + invoice + " in " + currency + " and "
            + row.get("BillingCurrency"));
      }
      if (isNumber(row.get("BilledCost"))) {
        sums.merge(invoice, new BigDecimal(row.get("BilledCost")), BigDecimal::add);
      }
    }
    if (totals != null) {
      for (Map.Entry<String, BigDecimal> total : totals.entrySet()) {
        BigDecimal sum = sums.get(total.getKey());
        if (sum == null) {
          problems.add("Reconciliation: invoice " + total.getKey() + " has no row");
        } else if (sum.compareTo(total.getValue()) != 0) {
          problems.add("Reconciliation: invoice " + total.getKey() + ": BilledCost sums to "
              + sum.toPlainString() + ", its total is " + total.getValue().toPlainString());
        }
      }
      for (String invoice : sums.keySet()) {
        if (!totals.containsKey(invoice)) problems.add("Reconciliation: rows of unknown invoice " + invoice);
      }
    }
    return problems;
  }

  private static void checkHeader(List<String> header, List<String> problems) {
    for (String column : MANDATORY) {
      if (!header.contains(column)) problems.add("ColumnHandling: Mandatory column " + column + " is missing");
    }
    Set<String> seen = new HashSet<>();
    boolean customSeen = false;
    for (String column : header) {
      if (!seen.add(column)) problems.add("ColumnHandling: column " + column + " appears twice");
      boolean focus = FOCUS.contains(column);
      if (!focus && !column.startsWith("x_")) {
        problems.add("ColumnHandling: custom column " + column + " does not start with x_");
      }
      if (!focus && !column.matches("x_[A-Za-z0-9]+")) {
        problems.add("ColumnHandling: custom column " + column + " is not x_ and alphanumeric");
      }
      if (focus && customSeen) problems.add("ColumnHandling: FOCUS column " + column + " after a custom column");
      if (!focus) customSeen = true;
    }
  }

  private static void checkRow(int r, Map<String, String> row, List<String> problems) {
    String at = ": row " + r + ": ";
    for (Map.Entry<String, String> cell : row.entrySet()) {
      String value = cell.getValue();
      if (value == null) continue;
      if (value.isBlank()) problems.add("NullHandling" + at + cell.getKey() + " is blank, not null");
      if (PLACEHOLDERS.contains(value.trim())) {
        problems.add("NullHandling" + at + cell.getKey() + " holds the placeholder '" + value + "'");
      }
    }
    for (String column : NOT_NULL) {
      if (row.containsKey(column) && row.get(column) == null) problems.add(column + at + "null");
    }
    for (String column : DECIMALS) {
      String value = row.get(column);
      if (value != null && !isNumber(value)) {
        problems.add("NumericFormat" + at + column + " '" + value + "'");
      }
    }
    for (String column : DATES) {
      String value = row.get(column);
      if (value != null && !isDateTime(value)) problems.add("DateTimeFormat" + at + column + " '" + value + "'");
    }
    String currency = row.get("BillingCurrency");
    if (currency != null && !isCurrency(currency)) problems.add("CurrencyFormat" + at + "BillingCurrency '" + currency + "'");

    String category = row.get("ChargeCategory");
    if (category != null && !CHARGE_CATEGORIES.contains(category)) {
      problems.add("ChargeCategory" + at + "'" + category + "' is not an allowed value");
    }
    String chargeClass = row.get("ChargeClass");
    if (chargeClass != null && !chargeClass.equals("Correction")) {
      problems.add("ChargeClass" + at + "'" + chargeClass + "' is neither null nor Correction");
    }
    String frequency = row.get("ChargeFrequency");
    if (frequency != null && !CHARGE_FREQUENCIES.contains(frequency)) {
      problems.add("ChargeFrequency" + at + "'" + frequency + "' is not an allowed value");
    }
    String serviceCategory = row.get("ServiceCategory");
    if (serviceCategory != null && !SUBCATEGORIES.containsKey(serviceCategory)) {
      problems.add("ServiceCategory" + at + "'" + serviceCategory + "' is not an allowed value");
    }
    String subcategory = row.get("ServiceSubcategory");
    if (subcategory != null && serviceCategory != null && SUBCATEGORIES.containsKey(serviceCategory)
        && !SUBCATEGORIES.get(serviceCategory).contains(subcategory)) {
      problems.add("ServiceSubcategory" + at + "'" + subcategory + "' is not under " + serviceCategory);
    }

    // Paired nulls.
    if ((row.get("PricingQuantity") == null) != (row.get("PricingUnit") == null)) {
      problems.add("PricingUnit" + at + "null iff PricingQuantity is null");
    }
    boolean correction = "Correction".equals(chargeClass);
    if ("Tax".equals(category)) {
      for (String column : List.of("PricingQuantity", "PricingUnit", "ListUnitPrice",
          "ContractedUnitPrice", "SkuId", "SkuPriceId", "PricingCategory", "ConsumedQuantity")) {
        if (row.get(column) != null) problems.add("Tax" + at + column + " must be null on a Tax row");
      }
    }
    if (("Usage".equals(category) || "Purchase".equals(category)) && !correction) {
      for (String column : List.of("PricingQuantity", "PricingUnit")) {
        if (row.get(column) == null) problems.add(category + at + column + " must not be null");
      }
    }
    if (!"Usage".equals(category) && row.get("ConsumedQuantity") != null) {
      problems.add("ConsumedQuantity" + at + "must be null unless ChargeCategory is Usage");
    }
    if ("Purchase".equals(category)) {
      if (isNumber(row.get("EffectiveCost")) && new BigDecimal(row.get("EffectiveCost")).signum() != 0) {
        problems.add("EffectiveCost" + at + "must be 0 on a Purchase row");
      }
      if ("Usage-Based".equals(frequency)) problems.add("ChargeFrequency" + at + "Usage-Based on a Purchase");
    }
    if ("Credit".equals(category) && row.get("ListUnitPrice") == null) {
      for (String column : List.of("ListCost", "ContractedCost", "EffectiveCost")) {
        if (isNumber(row.get(column)) && isNumber(row.get("BilledCost"))
            && new BigDecimal(row.get(column)).compareTo(new BigDecimal(row.get("BilledCost"))) != 0) {
          problems.add("Credit" + at + column + " must equal BilledCost");
        }
      }
    }
    checkProduct(at, row, "ListUnitPrice", "ListCost", problems);
    checkProduct(at, row, "ContractedUnitPrice", "ContractedCost", problems);
    // A charge paid to a third party has BilledCost 0: keep ProviderName = InvoiceIssuerName otherwise.
    if (isNumber(row.get("BilledCost")) && new BigDecimal(row.get("BilledCost")).signum() != 0
        && row.get("ProviderName") != null && !row.get("ProviderName").equals(row.get("InvoiceIssuerName"))) {
      problems.add("BilledCost" + at + "ProviderName differs from InvoiceIssuerName on a row that costs money");
    }
    checkPeriod(at, row, "BillingPeriodStart", "BillingPeriodEnd", problems);
    checkPeriod(at, row, "ChargePeriodStart", "ChargePeriodEnd", problems);
  }

  private static void checkProduct(String at, Map<String, String> row, String price, String cost,
      List<String> problems) {
    if (!isNumber(row.get(price)) || !isNumber(row.get("PricingQuantity")) || !isNumber(row.get(cost))) return;
    BigDecimal product = new BigDecimal(row.get(price)).multiply(new BigDecimal(row.get("PricingQuantity")));
    if (product.compareTo(new BigDecimal(row.get(cost))) != 0) {
      problems.add(cost + at + price + " × PricingQuantity is " + product.toPlainString());
    }
  }

  private static void checkPeriod(String at, Map<String, String> row, String startColumn,
      String endColumn, List<String> problems) {
    String start = row.get(startColumn);
    String end = row.get(endColumn);
    if (!isDateTime(start) || !isDateTime(end)) return;
    if (!Instant.parse(start).isBefore(Instant.parse(end))) {
      problems.add(startColumn + at + start + " is not before " + endColumn + " " + end);
    }
  }

  static boolean isNumber(String value) {
    return value != null && NUMBER.matcher(value).matches();
  }

  static boolean isDateTime(String value) {
    if (value == null || !DATE_TIME.matcher(value).matches()) return false;
    try {
      Instant.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean isCurrency(String code) {
    if (!code.matches("[A-Z]{3}")) return false;
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Map<String, List<String>> subcategories() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    result.put("AI and Machine Learning", List.of("AI Platforms", "Bots", "Generative AI",
        "Machine Learning", "Natural Language Processing", "Other (AI and Machine Learning)"));
    result.put("Analytics", List.of("Analytics Platforms", "Business Intelligence", "Data Processing",
        "Search", "Streaming Analytics", "Other (Analytics)"));
    result.put("Business Applications", List.of("Productivity and Collaboration",
        "Other (Business Applications)"));
    result.put("Compute", List.of("Containers", "End User Computing", "Quantum Compute",
        "Serverless Compute", "Virtual Machines", "Other (Compute)"));
    result.put("Databases", List.of("Caching", "Data Warehouses", "Ledger Databases", "NoSQL Databases",
        "Relational Databases", "Time Series Databases", "Other (Databases)"));
    result.put("Developer Tools", List.of("Developer Platforms", "Continuous Integration and Deployment",
        "Development Environments", "Source Code Management", "Quality Assurance",
        "Other (Developer Tools)"));
    result.put("Identity", List.of("Identity and Access Management", "Other (Identity)"));
    result.put("Integration", List.of("API Management", "Messaging", "Workflow Orchestration",
        "Other (Integration)"));
    result.put("Internet of Things", List.of("IoT Analytics", "IoT Platforms", "Other (Internet of Things)"));
    result.put("Management and Governance", List.of("Architecture", "Compliance", "Cost Management",
        "Data Governance", "Disaster Recovery", "Endpoint Management", "Observability", "Support",
        "Other (Management and Governance)"));
    result.put("Media", List.of("Content Creation", "Gaming", "Media Streaming", "Mixed Reality",
        "Other (Media)"));
    result.put("Migration", List.of("Data Migration", "Resource Migration", "Other (Migration)"));
    result.put("Mobile", List.of("Other (Mobile)"));
    result.put("Multicloud", List.of("Multicloud Integration", "Other (Multicloud)"));
    result.put("Networking", List.of("Application Networking", "Content Delivery", "Network Connectivity",
        "Network Infrastructure", "Network Routing", "Network Security", "Other (Networking)"));
    result.put("Security", List.of("Secret Management", "Security Posture Management",
        "Threat Detection and Response", "Other (Security)"));
    result.put("Storage", List.of("Backup Storage", "Block Storage", "File Storage", "Object Storage",
        "Storage Platforms", "Other (Storage)"));
    result.put("Web", List.of("Application Platforms", "Other (Web)"));
    result.put("Other", List.of("Other (Other)"));
    return Map.copyOf(result);
  }
}
