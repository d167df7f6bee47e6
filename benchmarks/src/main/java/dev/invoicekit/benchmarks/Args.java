package dev.invoicekit.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The command line of a harness: {@code --name value} pairs and {@code --flag}s, then, after
 * {@code --}, arguments passed on as they are. Unknown names fail, listing the known ones.
 */
final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> rest = new ArrayList<>();

  /**
   * Parses {@code args}; {@code defaults} names every option and its default ({@code "false"} for
   * a flag, which takes no value).
   *
   * @throws IllegalArgumentException on an unknown option or an option without its value
   */
  Args(String[] args, Map<String, String> defaults) {
    Objects.requireNonNull(args, "args == null");
    values.putAll(defaults);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        rest.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      String name = arg.startsWith("--") ? arg.substring(2) : null;
      if (name == null || !defaults.containsKey(name)) {
        throw new IllegalArgumentException("unknown option '" + arg + "'; options: --"
            + String.join(", --", defaults.keySet()));
      }
      if (defaults.get(name).equals("false")) {
        values.put(name, "true");
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
    }
  }

  String string(String name) {
    return Objects.requireNonNull(values.get(name), () -> "no option --" + name);
  }

  int integer(String name) {
    try {
      return Integer.parseInt(string(name).replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " is not a whole number: " + string(name), e);
    }
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(string(name));
  }

  /** The comma-separated values of {@code name}, blanks dropped. */
  List<String> list(String name) {
    List<String> result = new ArrayList<>();
    for (String item : string(name).split(",")) {
      if (!item.isBlank()) result.add(item.trim());
    }
    return result;
  }

  /** The arguments after {@code --}. */
  List<String> rest() {
    return List.copyOf(rest);
  }
}
