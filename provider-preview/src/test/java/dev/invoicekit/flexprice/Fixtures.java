package dev.invoicekit.flexprice;

import com.squareup.moshi.Moshi;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Test fixtures: the vendor payloads under {@code src/test/resources/flexprice/} and the transport's Moshi. */
final class Fixtures {
  /** A recognisable secret: tests assert it never shows up where it must not. */
  static final String API_KEY = "fp_live_SECRET_7f3a9c";

  private static final Moshi MOSHI = transportMoshi();

  private Fixtures() {}

  /** Returns the text of {@code flexprice/<name>}. */
  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/flexprice/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code flexprice/<name>} as {@code type} with the Moshi the provider itself uses. */
  static <T> T parse(String name, Class<T> type) {
    return parseText(read(name), type);
  }

  /** Parses {@code json} as {@code type} with the Moshi the provider itself uses. */
  static <T> T parseText(String json, Class<T> type) {
    try {
      return MOSHI.adapter(type).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Provider settings with no environment fallbacks, so a developer's own FLEXPRICE_API_KEY never leaks in. */
  static ProviderConfig.Builder config(String baseUrl) {
    return ProviderConfig.builder(FlexpriceInvoiceProviderFactory.ID)
        .environment(Map.<String, String>of()::get)
        .baseUrl(baseUrl)
        .set("api-key", API_KEY);
  }

  private static Moshi transportMoshi() {
    HttpTransport transport = HttpTransport.builder(config("http://127.0.0.1:9/v1/").build())
        .baseUrl(URI.create("http://127.0.0.1:9/v1/"))
        .build();
    try {
      return transport.moshi();
    } finally {
      transport.close();
    }
  }
}
