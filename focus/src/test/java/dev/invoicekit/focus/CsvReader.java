package dev.invoicekit.focus;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: CRLF row ends, quoted fields, doubled quotes. */
final class CsvReader {
  private CsvReader() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean fieldStarted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          continue;
        }
        field.append(c);
        i++;
        continue;
      }
      if (c == '"') {
        if (fieldStarted && field.length() > 0) throw new IllegalArgumentException("quote inside a field at " + i);
        quoted = true;
        fieldStarted = true;
        i++;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        i++;
      } else if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          throw new IllegalArgumentException("CR without LF at " + i);
        }
        row.add(field.toString());
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        i += 2;
      } else if (c == '\n') {
        throw new IllegalArgumentException("LF without CR at " + i);
      } else {
        field.append(c);
        fieldStarted = true;
        i++;
      }
    }
    if (quoted) throw new IllegalArgumentException("unterminated quoted field");
    if (fieldStarted || !row.isEmpty()) throw new IllegalArgumentException("last row does not end in CRLF");
    return rows;
  }
}
