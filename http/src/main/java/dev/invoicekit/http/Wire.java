package dev.invoicekit.http;

import com.squareup.moshi.JsonReader;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.spi.ItemFailures;
import dev.invoicekit.spi.Quoting;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import okio.Buffer;

/**
 * Exact conversions from vendor wire values to the model, shared by every mapper.
 *
 * <p>Each method is pure and static. A value that cannot be read fails with a
 * {@link MalformedResponseException} for {@code providerId} that names the value, never with a
 * {@code NullPointerException} or a parse exception of the JDK. Values are quoted through
 * {@link Quoting}: cut to a readable length, control characters escaped.
 */
public final class Wire {
  /** RFC 3339 / ISO-8601 date-time with {@code Z} or an offset, or a bare date. */
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .appendLiteral('T')
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .appendOffset("+HH:MM:ss", "Z")
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(IsoChronology.INSTANCE);

  private Wire() {
  }

  /**
   * Returns {@code value}, which the vendor must have sent.
   *
   * @throws MalformedResponseException {@code "missing required field '<field>'"} if it is null
   */
  public static <T> T required(String providerId, T value, String field) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(field, "field == null");
    if (value == null) {
      throw new MalformedResponseException(providerId, "missing required field '" + field + "'");
    }
    return value;
  }

  /**
   * Returns the currency with ISO 4217 code {@code code}, in either case ({@code "usd"} or
   * {@code "USD"}).
   *
   * @throws MalformedResponseException naming the code if it is null, blank or unknown
   */
  public static Currency currency(String providerId, String code) {
    Objects.requireNonNull(providerId, "providerId == null");
    if (code == null) throw new MalformedResponseException(providerId, "missing currency code");
    String upper = code.trim().toUpperCase(Locale.ROOT);
    if (upper.length() == 3) {
      try {
        return Currency.getInstance(upper);
      } catch (IllegalArgumentException ignored) {
        // Reported below.
      }
    }
    throw new MalformedResponseException(providerId, "unknown currency code " + Quoting.quote(code));
  }

  /**
   * Returns {@link #currency(String, String)} of {@code code}, the vendor's field {@code field};
   * a failure names the field: {@code "<field>: unknown currency code 'xyz'"}.
   */
  public static Currency currency(String providerId, String code, String field) {
    Objects.requireNonNull(field, "field == null");
    required(providerId, code, field);
    try {
      return currency(providerId, code);
    } catch (MalformedResponseException e) {
      throw new MalformedResponseException(providerId, field + ": " + e.detail());
    }
  }

  /**
   * Returns {@code value}, the vendor's field {@code field}, as a {@code long}.
   *
   * @return null if {@code value} is null
   * @throws MalformedResponseException {@code "<field>: 2.5 is not a whole number"}, or
   *     {@code "... is out of range"} if it does not fit in a {@code long}
   */
  public static Long wholeNumber(String providerId, BigDecimal value, String field) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(field, "field == null");
    if (value == null) return null;
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw new MalformedResponseException(providerId, field + ": " + number(value) + " is not a whole number");
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      throw new MalformedResponseException(providerId, field + ": " + number(value) + " is out of range");
    }
  }

  /**
   * Returns the decimal number written in {@code text}, the vendor's field {@code field}, exactly.
   *
   * @return null if {@code text} is null or blank
   * @throws MalformedResponseException {@code "<field>: not a decimal number: '<text>'"}, also for
   *     a number with more than 100 digits before or after the point
   */
  public static BigDecimal decimal(String providerId, String text, String field) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(field, "field == null");
    if (text == null || text.isBlank()) return null;
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new MalformedResponseException(providerId, field + ": not a decimal number: " + Quoting.quote(text));
    }
    if (!BigDecimalAdapter.fits(value)) {
      throw new MalformedResponseException(providerId, field + ": more than "
          + BigDecimalAdapter.MAX_DIGITS + " digits before or after the point: " + Quoting.quote(text));
    }
    return value;
  }

  /** Like {@link #wholeNumber}, for a value that must fit in an {@code int}. */
  public static Integer wholeInt(String providerId, BigDecimal value, String field) {
    Long result = wholeNumber(providerId, value, field);
    if (result == null) return null;
    if (result < Integer.MIN_VALUE || result > Integer.MAX_VALUE) {
      throw new MalformedResponseException(providerId, field + ": " + number(value) + " is out of range");
    }
    return result.intValue();
  }

  /**
   * Returns what {@code read} reads from the vendor's field {@code field}; a
   * {@link MalformedResponseException} it throws is thrown again with the field in front:
   * {@code "created: not a whole number of epoch seconds: 2.5"}.
   */
  public static <T> T field(String providerId, String field, Supplier<T> read) {
    Objects.requireNonNull(providerId, "providerId == null");
    Objects.requireNonNull(field, "field == null");
    try {
      return read.get();
    } catch (MalformedResponseException e) {
      if (e.detail().startsWith(field)) throw e;
      throw new MalformedResponseException(providerId, field + ": " + e.detail(), e.httpStatus(),
          e.vendorCode(), e.requestId(), e.getCause() != null ? e.getCause() : e);
    }
  }

  /**
   * Maps every item of the vendor's list {@code name} with {@code mapper}, each read as
   * {@code name[i]} ({@link #field}, {@link #required}): an item that cannot be read is recorded
   * in {@code failures}, named after its position, and the others are still mapped.
   *
   * @param <W> the wire type of an item
   * @param <T> the mapped type
   * @param providerId the provider id the failures name
   * @param items the list's items, as read
   * @param name the list's field, like {@code "data"} or {@code "result.invoices"}
   * @param failures where the items that cannot be read go
   * @param mapper maps one present item
   * @return the items that could be read, in order
   */
  public static <W, T> List<T> items(String providerId, List<W> items, String name, ItemFailures failures,
      Function<? super W, ? extends T> mapper) {
    List<T> mapped = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      W item = items.get(i);
      String field = name + "[" + i + "]";
      try {
        mapped.add(field(providerId, field, () -> mapper.apply(required(providerId, item, field))));
      } catch (MalformedResponseException e) {
        failures.add(e);
      }
    }
    return mapped;
  }

  /** The attribute that marks an invoice whose id InvoiceKit derived: its value is {@code "true"}. */
  public static final String DERIVED_ID = "invoicekit.derived_id";

  /**
   * Returns a stable id for an item the vendor sent without one: {@code "derived-"} and 24 hex
   * digits of the SHA-256 of {@code fields} (the item's own values, in a fixed order, or its wire
   * record, whose {@code toString} lists every component). The same
   * item gets the same id on every listing, so {@code get} finds it again; two items alike in
   * every field get the same id, as nothing tells them apart.
   */
  public static String derivedId(Object... fields) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    for (Object field : fields) {
      String text = field == null ? "\u0000null" : field instanceof BigDecimal
          ? ((BigDecimal) field).stripTrailingZeros().toPlainString()
          : field.toString();
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1f);
    }
    byte[] hash = digest.digest();
    StringBuilder id = new StringBuilder("derived-");
    for (int i = 0; i < 12; i++) id.append(String.format("%02x", hash[i] & 0xff));
    return id.toString();
  }

  /** {@code value} as a message shows it: its exact text, cut to a readable length. */
  private static String number(BigDecimal value) {
    boolean plain = value.scale() <= 40 && (long) value.precision() - value.scale() <= 40;
    return Quoting.excerpt(plain ? value.toPlainString() : value.toString());
  }

  /**
   * Returns the instant written in {@code text}: an RFC 3339 / ISO-8601 date-time with {@code Z}
   * or an offset and optional fraction ({@code 2026-08-01T06:12:09.482913Z},
   * {@code 2026-08-01T08:00:00+02:00}), or a bare date ({@code 2026-07-01}), read as 00:00 UTC.
   *
   * @return null if {@code text} is null
   * @throws MalformedResponseException naming the text if it is anything else
   */
  public static Instant instant(String providerId, String text) {
    Objects.requireNonNull(providerId, "providerId == null");
    if (text == null) return null;
    try {
      Instant fast = utcInstant(text);
      if (fast != null) return fast;
      TemporalAccessor parsed = TIME.parseBest(text.trim(), OffsetDateTime::from, LocalDate::from);
      return parsed instanceof OffsetDateTime
          ? ((OffsetDateTime) parsed).toInstant()
          : ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      throw new MalformedResponseException(providerId, "not a date or time: " + Quoting.quote(text), 0,
          null, null, e);
    }
  }

  /**
   * Returns {@link #instant(String, String)} of {@code text}, the vendor's field {@code field}; a
   * failure names the field: {@code "billing_end_date: not a date or time: 'x'"}.
   */
  public static Instant instant(String providerId, String text, String field) {
    return field(providerId, field, () -> instant(providerId, text));
  }

  /**
   * Reads the shapes vendors send almost always, {@code 2026-07-01} and
   * {@code 2026-08-01T06:12:09[.482913]Z}, without a {@link DateTimeFormatter}, which costs
   * microseconds per value and an invoice page holds hundreds. Returns null for any other shape
   * (left to {@link #TIME}).
   *
   * @throws DateTimeException if a field is out of range, as {@link #TIME} would
   */
  private static Instant utcInstant(String text) {
    int length = text.length();
    if (length != 10 && (length < 20 || length > 30)) return null;
    if (text.charAt(4) != '-' || text.charAt(7) != '-') return null;
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    if ((year | month | day) < 0) return null;
    LocalDate date = LocalDate.of(year, month, day);
    if (length == 10) return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21; // between '.' and 'Z'
      if (text.charAt(19) != '.' || fraction < 1) return null;
      nanos = digits(text, 20, fraction);
      for (int i = fraction; i < 9 && nanos >= 0; i++) nanos *= 10;
    }
    if ((hour | minute | second | nanos) < 0) return null;
    LocalTime time = LocalTime.of(hour, minute, second, nanos);
    return LocalDateTime.of(date, time).toInstant(ZoneOffset.UTC);
  }

  /** Returns the number written by {@code count} ASCII digits at {@code start}, or -1. */
  private static int digits(String text, int start, int count) {
    int result = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') return -1;
      result = result * 10 + (c - '0');
    }
    return result;
  }

  /**
   * Returns the instant {@code seconds} after 1970-01-01T00:00:00Z.
   *
   * @return null if {@code seconds} is null
   * @throws MalformedResponseException naming the value if it is not a whole number or out of the
   *     range of {@link Instant}
   */
  public static Instant epochSeconds(String providerId, BigDecimal seconds) {
    Objects.requireNonNull(providerId, "providerId == null");
    if (seconds == null) return null;
    try {
      return Instant.ofEpochSecond(seconds.longValueExact());
    } catch (ArithmeticException | DateTimeException e) {
      String problem = seconds.signum() != 0 && seconds.stripTrailingZeros().scale() > 0
          ? "not a whole number of epoch seconds: " : "epoch seconds out of range: ";
      throw new MalformedResponseException(providerId, problem + number(seconds), 0, null,
          null, e);
    }
  }

  /**
   * Reads {@code text} as a JSON object, for {@link ErrorDecoder}s: numbers become
   * {@link BigDecimal}, objects {@code Map<String, Object>}, arrays {@code List<Object>}.
   *
   * @return the object, or null if {@code text} is null, not JSON, or JSON but not an object
   */
  public static Map<String, Object> jsonObject(String text) {
    if (text == null || text.isBlank()) return null;
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) return null;
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) readValue(reader);
      return reader.peek() == JsonReader.Token.END_DOCUMENT ? result : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          object.put(name, readValue(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(object);
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) array.add(readValue(reader));
        reader.endArray();
        return Collections.unmodifiableList(array);
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        return reader.nextString();
    }
  }
}
