package dev.invoicekit.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Random;
import java.util.RandomAccess;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic set of vendor-neutral invoices, computed on demand from a seed.
 *
 * <p>{@link #invoice(int) invoice(i)} is a pure function of the seed, the size and {@code i}: the
 * same arguments give an equal invoice in every run, on every machine, and nothing is held in
 * memory, so a data set of a million invoices costs nothing until it is read.
 *
 * <p>Invoice {@code 0} is the newest. The data set has {@link #customerCount()} customers
 * ({@code max(5, ceil(size / 120))}); invoice {@code i} belongs to customer
 * {@code i % customerCount()} and bills the calendar month that ends {@code i / customerCount()}
 * months before {@link #ANCHOR}. So the newest invoices bill September 2026. Drafts appear only in
 * that newest month; older invoices are mostly paid, some open, void or uncollectible. Each
 * customer has one currency (mostly USD, some EUR, GBP and JPY). Every other void invoice (those
 * of odd index) billed a month without usage: its lines have quantity zero and its total is zero,
 * so a vendor that skips zero-total invoices rather than voiding them can show it as skipped
 * while every vendor's totals stay equal. Each invoice has one to six
 * lines, or exactly {@link #linesPerInvoice()} where the data set fixes the count (for payload
 * benchmarks: products then repeat once the catalog is used up).
 *
 * <p>Immutable and thread-safe.
 */
public final class Dataset {
  /** The exclusive end of the newest billed month; periods are calendar months ending here or before. */
  public static final LocalDate ANCHOR = LocalDate.of(2026, 10, 1);

  /** Customer currencies, repeating: the first five customers see all four. */
  private static final String[] CURRENCIES = {
      "USD", "EUR", "USD", "GBP", "JPY", "USD", "USD", "EUR", "USD", "USD"};
  private static final Product[] CATALOG = Product.catalog();
  private static final String[] MONTHS = Stream.of(Month.values())
      .map(month -> month.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
      .toArray(String[]::new);
  private static final BigDecimal US_SALES_TAX = new BigDecimal("0.08875");
  private static final BigDecimal EU_VAT = new BigDecimal("0.19");
  private static final BigDecimal UK_VAT = new BigDecimal("0.20");
  private static final BigDecimal JP_CONSUMPTION_TAX = new BigDecimal("0.10");

  /** The most lines {@link #of(long, int, int)} allows per invoice. */
  public static final int MAX_LINES_PER_INVOICE = 10_000;

  private final long seed;
  private final int size;
  private final int customerCount;
  private final int linesPerInvoice; // 0: one to six, drawn per invoice

  private Dataset(long seed, int size, int linesPerInvoice) {
    this.seed = seed;
    this.size = size;
    this.customerCount = Math.max(5, (size + 119) / 120);
    this.linesPerInvoice = linesPerInvoice;
  }

  /**
   * Returns the data set of {@code size} invoices generated from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static Dataset of(long seed, int size) {
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
    return new Dataset(seed, size, 0);
  }

  /**
   * Returns the data set of {@code size} invoices generated from {@code seed}, each with exactly
   * {@code linesPerInvoice} lines: large invoices for payload benchmarks.
   *
   * @throws IllegalArgumentException if {@code size} is negative or {@code linesPerInvoice} is
   *     not in {@code 1..}{@value #MAX_LINES_PER_INVOICE}
   */
  public static Dataset of(long seed, int size, int linesPerInvoice) {
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
    checkLinesPerInvoice(linesPerInvoice);
    return new Dataset(seed, size, linesPerInvoice);
  }

  static int checkLinesPerInvoice(int linesPerInvoice) {
    if (linesPerInvoice < 1 || linesPerInvoice > MAX_LINES_PER_INVOICE) {
      throw new IllegalArgumentException(
          "linesPerInvoice not in 1.." + MAX_LINES_PER_INVOICE + ": " + linesPerInvoice);
    }
    return linesPerInvoice;
  }

  public long seed() {
    return seed;
  }

  /** The number of invoices. */
  public int size() {
    return size;
  }

  /** The number of lines of every invoice, or empty if it varies from one to six. */
  public OptionalInt linesPerInvoice() {
    return linesPerInvoice == 0 ? OptionalInt.empty() : OptionalInt.of(linesPerInvoice);
  }

  /** The number of customers: {@code max(5, ceil(size / 120))}. */
  public int customerCount() {
    return customerCount;
  }

  /**
   * Returns the id of customer {@code customer}: {@code "cust_0001"} for customer 0.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= customer < customerCount()}
   */
  public String customerId(int customer) {
    Objects.checkIndex(customer, customerCount);
    String number = Integer.toString(customer + 1);
    return "cust_" + "0000".substring(Math.min(4, number.length())) + number;
  }

  /** Returns the index of the customer with id {@code customerId}, or -1 if there is none. */
  public int customerIndex(String customerId) {
    Objects.requireNonNull(customerId, "customerId == null");
    if (!customerId.matches("cust_\\d{4,9}")) return -1;
    int customer = Integer.parseInt(customerId.substring(5)) - 1;
    return customer >= 0 && customer < customerCount && customerId(customer).equals(customerId)
        ? customer
        : -1;
  }

  /**
   * Returns invoice {@code index}, computed now; 0 is the newest.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
   */
  public DatasetInvoice invoice(int index) {
    Objects.checkIndex(index, size);
    int customer = index % customerCount;
    int monthsBack = index / customerCount;
    LocalDate periodEnd = ANCHOR.minusMonths(monthsBack);
    return generate(index, customer, periodEnd, monthsBack);
  }

  /**
   * Returns the draft invoice customer {@code customer} would receive next, for the month starting
   * at {@link #ANCHOR}: what vendors call the preview, upcoming or month-to-date invoice. Its
   * {@link DatasetInvoice#index() index} is {@code -1 - customer}; it is not part of the data set.
   *
   * @throws IndexOutOfBoundsException unless {@code 0 <= customer < customerCount()}
   */
  public DatasetInvoice upcoming(int customer) {
    Objects.checkIndex(customer, customerCount);
    return generate(-1 - customer, customer, ANCHOR.plusMonths(1), -1);
  }

  /** Returns every invoice, newest first, each computed as the stream reaches it. */
  public Stream<DatasetInvoice> stream() {
    return IntStream.range(0, size).mapToObj(this::invoice);
  }

  /**
   * Returns every invoice, newest first, as an unmodifiable list view: each {@code get} computes
   * its invoice, so the list holds nothing. Copy it ({@code List.copyOf}) to keep invoices that are
   * read many times.
   */
  public List<DatasetInvoice> list() {
    return new InvoiceList();
  }

  @Override public String toString() {
    return "Dataset{seed=" + seed + ", size=" + size + ", customers=" + customerCount
        + (linesPerInvoice == 0 ? "" : ", linesPerInvoice=" + linesPerInvoice) + '}';
  }

  private DatasetInvoice generate(int index, int customer, LocalDate periodEnd, int monthsBack) {
    Random random = new Random(mix(seed, index));
    String currency = CURRENCIES[customer % CURRENCIES.length];
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    LocalDate periodStart = periodEnd.minusMonths(1);

    List<DatasetLine> lines = lines(random, currency, digits, linesPerInvoice);
    String status = status(random, customer, monthsBack);
    if (isZeroUsage(index, status)) lines = zeroUsage(lines);
    BigDecimal subtotal = BigDecimal.ZERO.setScale(digits);
    BigDecimal discount = BigDecimal.ZERO.setScale(digits);
    for (DatasetLine line : lines) {
      subtotal = subtotal.add(line.amount());
      discount = discount.add(line.discount());
    }
    BigDecimal tax = subtotal.subtract(discount)
        .multiply(taxRate(currency, customer))
        .setScale(digits, RoundingMode.HALF_EVEN);
    BigDecimal total = subtotal.subtract(discount).add(tax);

    Instant issuedAt = periodEnd.atStartOfDay(ZoneOffset.UTC).toInstant()
        .plus(Duration.ofHours(1 + random.nextInt(6)))
        .plusSeconds(random.nextInt(3600));
    Instant dueAt = issuedAt.plus(Duration.ofDays(30));
    Instant paidAt = status.equals("paid")
        ? issuedAt.plus(Duration.ofDays(1 + random.nextInt(20))).plusSeconds(random.nextInt(86_400))
        : null;
    String month = MONTHS[periodStart.getMonthValue() - 1] + " " + periodStart.getYear();
    String description = (monthsBack < 0 ? "Upcoming usage for " : "Usage for ") + month;

    return new DatasetInvoice(index, customerId(customer), currency, periodStart, periodEnd,
        issuedAt, dueAt, paidAt, status, subtotal, discount, tax, total, lines, description);
  }

  /** Every other void invoice (odd indices) billed a month without usage. */
  private static boolean isZeroUsage(int index, String status) {
    return status.equals("void") && index % 2 != 0;
  }

  /** The same lines with nothing used: quantity, amount and discount zero. */
  private static List<DatasetLine> zeroUsage(List<DatasetLine> lines) {
    List<DatasetLine> result = new ArrayList<>(lines.size());
    for (DatasetLine line : lines) {
      BigDecimal zero = BigDecimal.ZERO.setScale(line.amount().scale());
      result.add(new DatasetLine(line.description(), line.product(), line.productGroup(),
          line.productLine(), line.region(), line.unit(), BigDecimal.ZERO, line.unitPrice(),
          zero, zero));
    }
    return result;
  }

  /** Drafts only in the newest month (every other customer), and for upcoming invoices. */
  private static String status(Random random, int customer, int monthsBack) {
    int roll = random.nextInt(100);
    if (monthsBack < 0) return "draft";
    if (monthsBack == 0) return customer % 2 == 0 ? "draft" : roll < 70 ? "open" : "paid";
    if (monthsBack == 1) return roll < 35 ? "open" : "paid";
    if (roll < 88) return "paid";
    if (roll < 93) return "void";
    if (roll < 97) return "uncollectible";
    return "open";
  }

  private static BigDecimal taxRate(String currency, int customer) {
    switch (currency) {
      case "EUR": return EU_VAT;
      case "GBP": return UK_VAT;
      case "JPY": return JP_CONSUMPTION_TAX;
      default: return customer % 3 == 0 ? US_SALES_TAX : BigDecimal.ZERO;
    }
  }

  /** Draws {@code fixedCount} lines, or one to six if it is 0; products repeat only past the catalog. */
  private static List<DatasetLine> lines(Random random, String currency, int digits, int fixedCount) {
    int count = fixedCount != 0 ? fixedCount : 1 + random.nextInt(6);
    int[] order = IntStream.range(0, CATALOG.length).toArray();
    List<DatasetLine> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int chosen;
      if (i < order.length) {
        int pick = i + random.nextInt(order.length - i); // a partial Fisher-Yates shuffle: no repeats
        chosen = order[pick];
        order[pick] = order[i];
        order[i] = chosen;
      } else {
        chosen = random.nextInt(order.length);
      }
      lines.add(CATALOG[chosen].line(random, currency, digits));
    }
    return lines;
  }

  /**
   * Mixes {@code seed} and {@code index} into a seed for {@link Random} (SplitMix64's finalizer):
   * for one seed, distinct indices give distinct results. Emulators derive ids from it.
   */
  public static long mix(long seed, long index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private final class InvoiceList extends AbstractList<DatasetInvoice> implements RandomAccess {
    @Override public DatasetInvoice get(int index) {
      return invoice(index);
    }

    @Override public int size() {
      return size;
    }
  }

  /** A product a line can bill, priced in USD and converted to the invoice currency. */
  private static final class Product {
    private final String description;
    private final String product;
    private final String group;
    private final String productLine;
    private final String region;
    private final String unit;
    /** Unit prices by currency, computed once. */
    private final Map<String, BigDecimal> unitPrices = new HashMap<>();
    /** Quantities are {@code (minimum + random(spread)) / 10^quantityScale}. */
    private final int minimum;
    private final int spread;
    private final int quantityScale;

    private Product(String description, String product, String group, String productLine,
        String region, String unit, String usdUnitPrice, int minimum, int spread, int quantityScale) {
      this.description = description;
      this.product = product;
      this.group = group;
      this.productLine = productLine;
      this.region = region;
      this.unit = unit;
      for (String currency : CURRENCIES) {
        unitPrices.put(currency, Json.stripZeros(new BigDecimal(usdUnitPrice).multiply(rate(currency))));
      }
      this.minimum = minimum;
      this.spread = spread;
      this.quantityScale = quantityScale;
    }

    static Product[] catalog() {
      List<Product> catalog = new ArrayList<>();
      String[][] bandwidth = {
          {"North America", "0.08"}, {"Europe", "0.08"}, {"Asia", "0.12"},
          {"South America", "0.16"}, {"Oceania", "0.14"}};
      for (String[] region : bandwidth) {
        catalog.add(new Product("Bandwidth " + region[0], "Bandwidth " + region[0],
            "Full Site Delivery", "Network Services", region[0], "GB", region[1],
            100_000, 50_000_000, 3));
      }
      String[][] requests = {{"North America", "0.0075"}, {"Europe", "0.0075"}, {"Asia", "0.009"}};
      for (String[] region : requests) {
        catalog.add(new Product("Requests " + region[0], "Requests " + region[0],
            "Full Site Delivery", "Network Services", region[0], "10k requests", region[1],
            10_000, 2_000_000_000, 4));
      }
      catalog.add(new Product("AI Gateway credits", "AI Gateway credits", "AI Gateway", "AI",
          "Global", "credits", "1.00", 10, 500, 0));
      catalog.add(new Product("openai/gpt-5 tokens", "openai/gpt-5", "AI Gateway", "AI",
          "Global", "tokens", "0.00000125", 1_000_000, 300_000_000, 0));
      catalog.add(new Product("anthropic/claude-sonnet-4 tokens", "anthropic/claude-sonnet-4",
          "AI Gateway", "AI", "Global", "tokens", "0.000003", 500_000, 80_000_000, 0));
      catalog.add(new Product("Workers AI", "Workers AI", "Workers", "Compute", "Global",
          "neurons", "0.000011", 100_000, 5_000_000, 0));
      catalog.add(new Product("Image Optimization", "Image Optimization", "Images", "Compute",
          "Global", "images", "0.0005", 1_000, 200_000, 0));
      catalog.add(new Product("Enterprise Support", "Enterprise Support", "CS: CSE", "Services",
          "Global", "month", "2600.00", 1, 1, 0));
      catalog.add(new Product("TLS certificate", "TLS certificate", "TLS", "Security", "Global",
          "certificates", "0", 1, 50, 0));
      return catalog.toArray(new Product[0]);
    }

    DatasetLine line(Random random, String currency, int digits) {
      BigDecimal quantity = BigDecimal.valueOf(minimum + (long) random.nextInt(spread), quantityScale);
      BigDecimal unitPrice = unitPrices.get(currency);
      BigDecimal amount = quantity.multiply(unitPrice).setScale(digits, RoundingMode.HALF_EVEN);
      BigDecimal discount = BigDecimal.ZERO.setScale(digits);
      if (amount.signum() > 0 && random.nextInt(100) < 15) {
        BigDecimal share = BigDecimal.valueOf(5 + random.nextInt(26), 2); // a 5% to 30% credit
        discount = amount.multiply(share).setScale(digits, RoundingMode.HALF_EVEN);
      }
      return new DatasetLine(description, product, group, productLine, region, unit,
          quantity, unitPrice, amount, discount);
    }

    /** What one US dollar buys, fixed so prices stay deterministic. */
    private static BigDecimal rate(String currency) {
      switch (currency) {
        case "EUR": return new BigDecimal("0.92");
        case "GBP": return new BigDecimal("0.79");
        case "JPY": return new BigDecimal("150");
        default: return BigDecimal.ONE;
      }
    }
  }
}
