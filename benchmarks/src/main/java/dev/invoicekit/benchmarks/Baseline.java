package dev.invoicekit.benchmarks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The least code that reads an invoice by id: one OkHttp call and stock Moshi reading the whole
 * body into a JSON tree (maps, lists, exact decimals), with no retries, no error decoding and no
 * mapping to the common model. What InvoiceKit's {@code get()} is measured against. The request
 * comes from the emulator ({@code Sandbox.invoicePath}, {@code Sandbox.credentialHeaders}), so no
 * vendor is named here.
 */
final class Baseline implements AutoCloseable {
  private final OkHttpClient client = new OkHttpClient();
  private final Request request;

  /**
   * @param url the invoice's URL
   * @param headers the credential headers the vendor wants
   */
  Baseline(HttpUrl url, Map<String, String> headers) {
    Request.Builder builder = new Request.Builder().url(Objects.requireNonNull(url, "url == null"));
    headers.forEach(builder::header);
    this.request = builder.build();
  }

  /** Fetches the invoice and returns its JSON tree. */
  Object get() {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code());
      return read(JsonReader.of(body.source()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** Reads one JSON value: objects as maps, arrays as lists, numbers as exact decimals. */
  static Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) object.put(reader.nextName(), read(reader));
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) array.add(read(reader));
        reader.endArray();
        return array;
      }
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case STRING:
        return reader.nextString();
      case BOOLEAN:
        return reader.nextBoolean();
      default:
        return reader.nextNull();
    }
  }
}
