package dev.invoicekit.focus;

import java.util.Map;
import java.util.TreeMap;

/** A flat JSON object of string values, keys sorted: FOCUS KeyValueFormat. */
final class FlatJson {
  private FlatJson() {}

  /** Returns {@code values} as one JSON object, or null when there are none. */
  static String write(Map<String, String> values) {
    if (values.isEmpty()) return null;
    StringBuilder result = new StringBuilder("{");
    for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
      if (result.length() > 1) result.append(',');
      string(result, entry.getKey()).append(':');
      if (entry.getValue() == null) {
        result.append("null");
      } else {
        string(result, entry.getValue());
      }
    }
    return result.append('}').toString();
  }

  private static StringBuilder string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"');
  }
}
