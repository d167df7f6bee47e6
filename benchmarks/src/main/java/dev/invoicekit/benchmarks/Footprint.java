package dev.invoicekit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Footprint: the runtime jars a host application ships for {@code api} + {@code http} + one
 * provider (no Guice), their names, sizes and total against the 4 MiB target.
 *
 * <p>Each argument is {@code name=path[,path...]}: a provider and the jars of its runtime class
 * path, as files or directories of jars, such as the output of
 * {@code ./mvnw -pl provider-v3 dependency:copy-dependencies -DincludeScope=runtime} plus the
 * provider's own jar ({@code benchmarks/run.sh} prepares them).
 */
public final class Footprint {
  /** The target for api + http + one provider. */
  static final long TARGET_BYTES = 4L * 1024 * 1024;

  private Footprint() {}

  /** One jar of a class path. */
  record Jar(String name, long bytes) {}

  /** The runtime class path of one provider. */
  record Result(String provider, List<Jar> jars) {
    Result {
      jars = jars.stream().sorted(Comparator.comparingLong(Jar::bytes).reversed()
          .thenComparing(Jar::name)).collect(Collectors.toUnmodifiableList());
    }

    long bytes() {
      return jars.stream().mapToLong(Jar::bytes).sum();
    }

    boolean met() {
      return bytes() <= TARGET_BYTES;
    }
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: Footprint name=path[,path...] ...");
    }
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, List<Path>> entry : parse(args).entrySet()) {
      results.add(measure(entry.getKey(), entry.getValue()));
    }
    System.out.print(report(results));
  }

  /** Parses {@code name=path[,path...]} arguments, in order. */
  static Map<String, List<Path>> parse(String... args) {
    Map<String, List<Path>> result = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals < 1) throw new IllegalArgumentException("expected name=path[,path...]: " + arg);
      List<Path> paths = new ArrayList<>();
      for (String path : arg.substring(equals + 1).split(",")) {
        if (!path.isBlank()) paths.add(Path.of(path.trim()));
      }
      result.put(arg.substring(0, equals), paths);
    }
    return result;
  }

  /**
   * Returns the jars at {@code paths}: files ending in {@code .jar}, and those directly inside
   * directories.
   *
   * @throws IllegalArgumentException if a path does not exist or no jar is found
   */
  static Result measure(String provider, List<Path> paths) {
    Map<String, Jar> jars = new LinkedHashMap<>();
    for (Path path : paths) {
      if (!Files.exists(path)) throw new IllegalArgumentException("no such file: " + path);
      try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          String name = file.getFileName().toString();
          if (Files.isRegularFile(file) && name.endsWith(".jar")) {
            jars.put(name, new Jar(name, Files.size(file)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (jars.isEmpty()) throw new IllegalArgumentException("no jar in " + paths);
    return new Result(provider, new ArrayList<>(jars.values()));
  }

  /** A summary row per provider, then every jar of each. */
  static String report(List<Result> results) {
    MarkdownTable summary = new MarkdownTable("runtime class path", "jars", "MiB", "target",
        "met");
    for (Result result : results) {
      summary.row("api + http + " + result.provider(), result.jars().size(),
          MarkdownTable.mebibytes(result.bytes()), "≤ 4.00 MiB", result.met() ? "yes" : "NO");
    }
    StringBuilder out = new StringBuilder("Footprint: runtime jars without Guice\n\n").append(summary);
    for (Result result : results) {
      MarkdownTable jars = new MarkdownTable("jar", "KiB", "share");
      for (Jar jar : result.jars()) {
        jars.row(jar.name(), String.format(Locale.ROOT, "%,d", (jar.bytes() + 1023) / 1024),
            String.format(Locale.ROOT, "%.0f%%", 100.0 * jar.bytes() / result.bytes()));
      }
      out.append("\n").append(result.provider()).append(":\n\n").append(jars);
    }
    return out.toString();
  }
}
