package dev.invoicekit.sandbox;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Writes and reads JSON trees of {@link Map}, {@link List}, {@link String}, {@link BigDecimal},
 * whole numbers ({@link Long}, {@link Integer}, {@link BigInteger}), {@link Boolean} and null.
 *
 * <p>Numbers stay exact both ways: a {@link BigDecimal} is written as its plain text (never
 * exponent notation), and every number read becomes the {@link BigDecimal} of its literal text.
 */
public final class Json {
  private Json() {}

  /**
   * Returns a map of alternating keys and values, in that order, values may be null:
   * {@code Json.object("id", id, "amount", amount, "paid_at", null)}.
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of keys and values: " + keysAndValues.length);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String)) {
        throw new IllegalArgumentException("key " + i / 2 + " is not a String: " + keysAndValues[i]);
      }
      result.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return result;
  }

  /**
   * Returns {@code value} without trailing zeros in its fraction, never with a negative scale:
   * {@code 1000} (not {@code 1E+3}), {@code 0.5} (not {@code 0.50}), {@code 0}. Its
   * {@code toPlainString()} is how vendors that trim zeros write decimals.
   */
  public static BigDecimal stripZeros(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /**
   * Returns {@code tree} as compact JSON text. Nulls in maps are written.
   *
   * @throws IllegalArgumentException if the tree holds another type, or a map key that is not a
   *     String
   */
  public static String write(Object tree) {
    return writeUtf8(tree).utf8();
  }

  /** Returns {@code tree} as compact JSON, UTF-8 encoded: what {@link #write} returns, as bytes. */
  static ByteString writeUtf8(Object tree) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      write(writer, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readByteString();
  }

  private static void write(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Boolean) {
      writer.value((boolean) (Boolean) value);
    } else if (value instanceof BigDecimal) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(((BigDecimal) value).toPlainString());
      }
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof BigInteger) {
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeUtf8(value.toString());
      }
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("JSON object key is not a String: " + entry.getKey());
        }
        writer.name((String) entry.getKey());
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof Iterable) {
      writer.beginArray();
      for (Object element : (Iterable<?>) value) {
        write(writer, element);
      }
      writer.endArray();
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName()
          + " as JSON at " + writer.getPath() + "; use String, BigDecimal, Long, Boolean, Map or List");
    }
  }

  /**
   * Returns the tree {@code json} holds: {@link Map} (in document order), {@link List},
   * {@link String}, {@link BigDecimal}, {@link Boolean} or null.
   *
   * @throws SandboxException with status 400 if {@code json} is not one well-formed JSON value
   */
  public static Object read(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object result = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new SandboxException(400, "malformed JSON: unexpected content after the value at "
            + reader.getPath());
      }
      return result;
    } catch (JsonDataException | JsonEncodingException e) {
      throw new SandboxException(400, "malformed JSON: " + e.getMessage());
    } catch (IOException e) {
      throw new SandboxException(400, "malformed JSON: " + e.getMessage()); // e.g. truncated text
    }
  }

  private static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          object.put(name, read(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader));
        }
        reader.endArray();
        return array;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString()); // the literal text: no binary rounding
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new SandboxException(400, "malformed JSON: unexpected " + reader.peek()
            + " at " + reader.getPath());
    }
  }
}
