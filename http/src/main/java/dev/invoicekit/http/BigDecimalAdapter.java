package dev.invoicekit.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import okio.BufferedSink;

/**
 * Reads and writes {@link BigDecimal} exactly: a JSON number or string is read as its literal
 * text, never through binary floating point, and written back as an unquoted plain number.
 *
 * <p>A {@link JsonAdapter} rather than {@code @FromJson} methods: Moshi calls those reflectively,
 * and an invoice page holds thousands of amounts.
 */
final class BigDecimalAdapter extends JsonAdapter<BigDecimal> {
  @Override public BigDecimal fromJson(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NULL) return reader.nextNull();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a decimal but was " + token + " at path " + reader.getPath());
    }
    String text = reader.nextString();
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new JsonDataException("Expected a decimal but was '" + text + "' at path " + reader.getPath(), e);
    }
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
