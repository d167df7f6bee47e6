package dev.invoicekit.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The least code that reads an invoice by id: one OkHttp call and stock Moshi into the provider's
 * own wire record, with no retries, no error decoding and no mapping to the common model. What
 * InvoiceKit's {@code get()} is measured against: both sides parse the same record type.
 */
final class Baseline implements AutoCloseable {
  private final OkHttpClient client = new OkHttpClient();
  private final Request request;
  private final JsonAdapter<?> adapter;

  /**
   * @param url the invoice's URL
   * @param credentialHeader the vendor's credential header, such as {@code Fastly-Key}
   * @param wireType the record the body is read into
   */
  Baseline(HttpUrl url, String credentialHeader, String credential, Class<?> wireType) {
    this.request = new Request.Builder()
        .url(Objects.requireNonNull(url, "url == null"))
        .header(credentialHeader, credential)
        .build();
    this.adapter = new Moshi.Builder().add(BigDecimal.class, new DecimalAdapter()).build()
        .adapter(wireType);
  }

  /** Fetches the invoice and returns the wire record. */
  Object get() {
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code());
      return adapter.fromJson(body.source());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /** Exact decimals: the JSON literal text, number or string, never a double. */
  static final class DecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override public BigDecimal fromJson(JsonReader reader) throws IOException {
      if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
      return new BigDecimal(reader.nextString());
    }

    @Override public void toJson(JsonWriter writer, BigDecimal value) {
      throw new UnsupportedOperationException("read only");
    }
  }
}
