package dev.invoicekit.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import dev.invoicekit.spi.Quoting;
import java.io.IOException;
import java.math.BigDecimal;
import okio.BufferedSink;

/**
 * Reads and writes {@link BigDecimal} exactly: a JSON number or string is read as its literal
 * text, never through binary floating point, and written back as an unquoted plain number.
 *
 * <p>A number with more than {@value #MAX_DIGITS} digits before or after the point is rejected:
 * its plain text could be a gigabyte ({@code 1e-999999999}).
 *
 * <p>A {@link JsonAdapter} rather than {@code @FromJson} methods: Moshi calls those reflectively,
 * and an invoice page holds thousands of amounts.
 */
final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
  /** The most digits an amount may have before, and after, the decimal point. */
  static final int MAX_DIGITS = 100;

  @Override public BigDecimal fromJson(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NULL) return reader.nextNull();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a decimal but was " + token + " at path " + reader.getPath());
    }
    String text = reader.nextString();
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new JsonDataException("Expected a decimal but was " + Quoting.quote(text) + " at path "
          + reader.getPath(), e);
    }
    if (!fits(value)) {
      // 1e-999999999 is a valid number whose plain text is a gigabyte: no amount needs it.
      throw new JsonDataException("Expected a decimal of at most " + MAX_DIGITS
          + " digits before and after the point but was " + Quoting.quote(text) + " at path "
          + reader.getPath());
    }
    return value;
  }

  /** True if {@code value} has at most {@link #MAX_DIGITS} digits before and after the point. */
  static boolean fits(BigDecimal value) {
    return value.scale() <= MAX_DIGITS && (long) value.precision() - value.scale() <= MAX_DIGITS;
  }

  @Override public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
    if (value == null) {
      writer.nullValue();
      return;
    }
    try (BufferedSink sink = writer.valueSink()) {
      sink.writeUtf8(value.toPlainString());
    }
  }

  @Override public String toString() {
    return "JsonAdapter(BigDecimal)";
  }
}
