package dev.invoicekit.cli;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * Moshi's {@link JsonWriter} writing to a {@link PrintWriter}, value by value: each written value
 * is drained to the writer at once, so a long array streams instead of being held in memory.
 * Indented by two spaces unless told otherwise; nulls are written, not skipped.
 */
final class JsonText {
  /** Writes one JSON value. */
  interface Value {
    void writeTo(JsonWriter json) throws IOException;
  }

  private final PrintWriter out;
  private final Buffer buffer = new Buffer();
  private final JsonWriter json = JsonWriter.of(buffer);

  JsonText(PrintWriter out) {
    this(out, "  ");
  }

  /** Writes to {@code out} indented by {@code indent}; an empty indent writes one line per value. */
  JsonText(PrintWriter out, String indent) {
    this.out = out;
    json.setIndent(indent);
    json.setSerializeNulls(true);
  }

  /** Writes {@code value} and drains it to the output. */
  JsonText write(Value value) {
    try {
      value.writeTo(json);
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an okio Buffer never fails; the writer is a PrintWriter
    }
    out.print(buffer.readUtf8());
    return this;
  }

  /** Ends the document with a line break and flushes the output. */
  void end() {
    out.println();
    out.flush();
  }
}
