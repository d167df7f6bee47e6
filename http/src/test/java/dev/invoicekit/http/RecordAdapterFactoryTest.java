package dev.invoicekit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RecordAdapterFactoryTest {
  public record Line(String description, BigDecimal amount, @Json(name = "product_name") String product) {}

  public record Invoice(@Json(name = "invoice_id") String id, List<Line> lines, Line first, Boolean paid) {}

  public record Counted(String name, int count) {}

  private final Moshi fast = new Moshi.Builder()
      .add(BigDecimal.class, new BigDecimalAdapter())
      .add(new RecordAdapterFactory())
      .build();
  private final Moshi plain = new Moshi.Builder().add(BigDecimal.class, new BigDecimalAdapter()).build();

  @Test void readsWhatMoshisOwnRecordAdapterReads() throws IOException {
    String json = "{\"invoice_id\":\"INV-1\",\"unknown\":{\"x\":[1,2]},\"lines\":[{\"description\":\"CDN\","
        + "\"amount\":12345678901234567.89,\"product_name\":\"Bandwidth\",\"rate\":null},"
        + "{\"amount\":\"0.000125\"}],\"first\":null}";

    Invoice read = fast.adapter(Invoice.class).fromJson(json);

    assertThat(fast.adapter(Invoice.class).toString()).isEqualTo("JsonAdapter(Invoice).nullSafe()");
    assertThat(read).isEqualTo(plain.adapter(Invoice.class).fromJson(json));
    assertThat(read.lines().get(0).amount()).isEqualTo(new BigDecimal("12345678901234567.89"));
    assertThat(read.lines().get(1)).isEqualTo(new Line(null, new BigDecimal("0.000125"), null));
    assertThat(read.paid()).isNull();
    assertThat(fast.adapter(Invoice.class).fromJson("null")).isNull();
  }

  @Test void writesAsMoshiDoes() {
    Invoice invoice = new Invoice("INV-1", List.of(new Line("CDN", new BigDecimal("1.50"), null)), null, true);
    assertThat(fast.adapter(Invoice.class).toJson(invoice))
        .isEqualTo(plain.adapter(Invoice.class).toJson(invoice))
        .isEqualTo("{\"invoice_id\":\"INV-1\",\"lines\":[{\"description\":\"CDN\",\"amount\":1.50}],\"paid\":true}");
  }

  @Test void absentPrimitiveIsADataErrorNamingIt() throws IOException {
    JsonAdapter<Counted> adapter = fast.adapter(Counted.class);
    assertThat(adapter.fromJson("{\"name\":\"a\",\"count\":3}")).isEqualTo(new Counted("a", 3));
    assertThatThrownBy(() -> adapter.fromJson("{\"name\":\"a\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Required value 'count' missing at $");
  }

  @Test void wrongTypesFailAsMoshiDoes() {
    assertThatThrownBy(() -> fast.adapter(Invoice.class).fromJson("{\"lines\":{}}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.lines");
  }
}
