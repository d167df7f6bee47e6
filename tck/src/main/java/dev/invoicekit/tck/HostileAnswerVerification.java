package dev.invoicekit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.invoicekit.InvoiceException;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.sandbox.Json;
import dev.invoicekit.tck.WireCase.Op;
import dev.invoicekit.tck.WireCase.Payload;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Property-based fuzzing of a provider with hostile vendor answers: each try takes the vendor's
 * own valid answer for a call ({@link WireCase#body}), mutates one node of it (null, removed,
 * wrong type, huge or fractional number, long or odd string, deep nesting, repeated items) or
 * truncates its text, serves it from MockWebServer for every request, and makes the call: list,
 * stream, get or preview. The property: the call returns, or throws an {@link InvoiceException}
 * whose message names the provider, holds no control character, no JDK exception text
 * ({@code Rounding necessary}, {@code Cannot invoke ... because ... is null}) and stays readable;
 * never another
 * exception, an {@code Error} or a hang (bounded at 20 seconds, a hang detector, not a speed test).
 *
 * <p>{@link WireVerification} extends this class, so every provider that runs the wire kit is
 * fuzzed too. The number of tries is jqwik's {@code jqwik.tries.default} (a JUnit Platform
 * configuration parameter, e.g. a system property); InvoiceKit's build sets 40, and 1000 with
 * {@code -Pfuzz}. Two properties run them: one with a fixed seed ({@value #FIXED_SEED}, the same
 * tries on every build) and one tagged {@value #FUZZ_TAG} with a new seed on every run, which
 * InvoiceKit's build leaves to {@code -Pfuzz}. jqwik reports the seed of a failing try, and
 * shrinks it.
 */
public abstract class HostileAnswerVerification {
  /** The seed of the fuzz every build runs. */
  public static final String FIXED_SEED = "20261203";
  /** The JUnit Platform tag of the fuzz with a new seed on every run. */
  public static final String FUZZ_TAG = "fuzz";
  private static final Duration HANG_BOUND = Duration.ofSeconds(20);
  private static final int MAX_MESSAGE_LENGTH = 4000;
  private static final int MAX_STREAMED = 10_000;
  /** Texts of the JDK's own exceptions, which name no vendor field: never what a user should read. */
  private static final String JDK_INTERNALS = "Cannot invoke|because \"|== null|NullPointerException"
      + "|Rounding necessary|Overflow|BigInteger|ArithmeticException|NumberFormatException|For input string"
      + "|DateTimeException|Text '.*' could not be parsed|Invalid value for|Index \\d+ out of bounds";
  private static final List<String> ODD_STRINGS = List.of("", " ", "\u001b[31mred\u001b[0m\u001b]0;title\u0007",
      "ünïcödé € 😀", "\u0000", "\ud800", "null", "-0", "1e5", "NaN", "2026-13-45T99:99:99Z",
      "../../etc/passwd", "\u202eevil", "usd\r\nX-Injected: 1", "%00%ff", "\\\"");
  private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1E999999999", "1e-999999999",
      "99999999999999999999999999999999999999", "-9223372036854775809", "2000000000", "4294967296");
  private static final List<String> FRACTIONS = List.of("2.5", "0.001", "-1", "-0.5", "1.0000000000000000000001");

  /** The provider's wire: its vendor's bodies. */
  protected abstract WireCase wireCase();

  /** What the fuzz calls. */
  public enum Call { LIST, STREAM, GET, PREVIEW }

  /** The ways one answer is spoiled. */
  enum Mutation {
    NULL, REMOVE, STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, HUGE_NUMBER, FRACTION, LONG_STRING,
    ODD_STRING, DEEP_NESTING, REPEATED_ITEMS, TRUNCATED
  }

  /** One hostile answer for one call, described for the failure report. */
  public record Hostile(Call call, String description, String body) {
    @Override public String toString() {
      return call + ": " + description + " (" + body.length() + " chars)";
    }
  }

  private MockWebServer server;
  private final Map<Call, InvoiceProvider> providers = new EnumMap<>(Call.class);
  private volatile String answer = "";

  @BeforeProperty void startServer() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .setHeader("X-Request-Id", "req-fuzz").body(answer).build();
      }
    });
    server.start();
  }

  @AfterProperty void stopServer() throws IOException {
    providers.values().forEach(InvoiceProvider::close);
    providers.clear();
    server.close();
  }

  /**
   * The fuzz of every build: the same tries on every run (a fixed seed), so that a build is red
   * only for a change, never for a newly drawn input.
   *
   * @param hostile one spoiled answer
   */
  @Property(seed = FIXED_SEED, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  final void hostileAnswerEndsInAResultOrATypedErrorNamingTheProvider(@ForAll("hostileAnswers") Hostile hostile) {
    check(hostile);
  }

  /**
   * The open-ended fuzz, tagged {@value #FUZZ_TAG}: a new seed on every run, so every run explores
   * new inputs. InvoiceKit's build runs it with {@code -Pfuzz} only; a failure it finds becomes a
   * named regression test.
   *
   * @param hostile one spoiled answer
   */
  @Property(shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
  @Tag(FUZZ_TAG)
  final void hostileAnswerWithANewSeedEndsInAResultOrATypedError(@ForAll("hostileAnswers") Hostile hostile) {
    check(hostile);
  }

  private void check(Hostile hostile) {
    WireCase vendor = wireCase();
    answer = hostile.body();
    Throwable thrown;
    try {
      assertTimeoutPreemptively(HANG_BOUND, () -> invoke(vendor, hostile.call()), hostile::toString);
      return;
    } catch (Throwable t) {
      thrown = t;
    }
    if (!(thrown instanceof InvoiceException)) {
      throw new AssertionError(vendor.id() + " answered " + hostile + " with " + thrown
          + " instead of a result or an InvoiceException", thrown);
    }
    String message = thrown.getMessage();
    assertThat(message).as("message of %s for %s", thrown.getClass().getSimpleName(), hostile)
        .startsWith(vendor.id() + ": ")
        .hasSizeLessThan(MAX_MESSAGE_LENGTH)
        .doesNotContainPattern("[\\p{Cntrl}\\u2028\\u2029\\u202a-\\u202e]")
        .doesNotContainPattern(JDK_INTERNALS);
  }

  @Provide Arbitrary<Hostile> hostileAnswers() {
    WireCase vendor = wireCase();
    List<Arbitrary<Hostile>> perCall = new ArrayList<>();
    for (Call call : Call.values()) {
      String valid = vendor.body(op(call), Payload.VALID);
      List<List<Object>> paths = new ArrayList<>();
      collectPaths(Json.read(valid), new ArrayList<>(), paths);
      Arbitrary<Hostile> mutated = Combinators.combine(Arbitraries.of(paths), Arbitraries.of(Mutation.values()),
              Arbitraries.integers().between(0, Integer.MAX_VALUE))
          .as((path, mutation, seed) -> mutate(call, valid, path, mutation, seed));
      perCall.add(mutated);
    }
    return Arbitraries.oneOf(perCall);
  }

  private void invoke(WireCase vendor, Call call) {
    InvoiceProvider provider = providers.computeIfAbsent(call,
        c -> vendor.create(server, "max-retries", "0", "timeout", "5s", "max-concurrency", "2"));
    switch (call) {
      case LIST:
        provider.list(InvoiceQuery.all());
        break;
      case STREAM:
        try (Stream<?> items = provider.stream(InvoiceQuery.all())) {
          items.limit(MAX_STREAMED).count();
        }
        break;
      case GET:
        provider.get(vendor.invoiceId(Op.GET));
        break;
      default:
        provider.preview(vendor.previewRequest());
    }
  }

  private static Op op(Call call) {
    switch (call) {
      case LIST:
      case STREAM:
        return Op.LIST;
      case GET:
        return Op.GET;
      default:
        return Op.PREVIEW;
    }
  }

  // Mutations.

  static Hostile mutate(Call call, String valid, List<Object> path, Mutation mutation, int seed) {
    if (mutation == Mutation.TRUNCATED) {
      int cut = seed % Math.max(1, valid.length());
      return new Hostile(call, "truncated at " + cut, valid.substring(0, cut));
    }
    Object tree = Json.read(valid);
    Object replacement;
    switch (mutation) {
      case NULL: replacement = null; break;
      case REMOVE: replacement = REMOVED; break;
      case STRING: replacement = "x" + seed; break;
      case NUMBER: replacement = new Raw(Integer.toString(seed % 100_000)); break;
      case BOOLEAN: replacement = seed % 2 == 0; break;
      case OBJECT: replacement = new LinkedHashMap<>(Map.of("unexpected", seed)); break;
      case ARRAY: replacement = List.of(); break;
      case HUGE_NUMBER: replacement = new Raw(HUGE_NUMBERS.get(seed % HUGE_NUMBERS.size())); break;
      case FRACTION: replacement = new Raw(FRACTIONS.get(seed % FRACTIONS.size())); break;
      case LONG_STRING: replacement = "L".repeat(100_000 + seed % 1000); break;
      case ODD_STRING: replacement = ODD_STRINGS.get(seed % ODD_STRINGS.size()); break;
      case DEEP_NESTING: replacement = nested(10 + seed % 300); break;
      default: replacement = REPEATED; break;
    }
    Object mutated = replace(tree, path, 0, replacement);
    return new Hostile(call, mutation + " at " + describe(path), write(mutated));
  }

  private static final Object REMOVED = new Object();
  private static final Object REPEATED = new Object();

  /** A number written as is: {@code 1E999999999} must not become a gigabyte of digits. */
  private record Raw(String text) {}

  private static Object nested(int depth) {
    Object value = List.of();
    for (int i = 0; i < depth; i++) value = List.of(value);
    return value;
  }

  private static void collectPaths(Object node, List<Object> path, List<List<Object>> paths) {
    paths.add(List.copyOf(path));
    if (node instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
        path.add(entry.getKey());
        collectPaths(entry.getValue(), path, paths);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof List) {
      List<?> list = (List<?>) node;
      for (int i = 0; i < list.size(); i++) {
        path.add(i);
        collectPaths(list.get(i), path, paths);
        path.remove(path.size() - 1);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object replace(Object node, List<Object> path, int depth, Object replacement) {
    if (depth == path.size()) {
      if (replacement == REPEATED) {
        if (!(node instanceof List)) return node;
        List<Object> repeated = new ArrayList<>((List<Object>) node);
        repeated.addAll((List<Object>) node);
        repeated.addAll((List<Object>) node);
        return repeated;
      }
      return replacement == REMOVED ? null : replacement;
    }
    Object step = path.get(depth);
    if (node instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) node);
      Object child = replace(copy.get(step), path, depth + 1, replacement);
      if (depth + 1 == path.size() && replacement == REMOVED) {
        copy.remove(step);
      } else {
        copy.put((String) step, child);
      }
      return copy;
    }
    List<Object> copy = new ArrayList<>((List<Object>) node);
    int index = (Integer) step;
    if (depth + 1 == path.size() && replacement == REMOVED) {
      copy.remove(index);
    } else {
      copy.set(index, replace(copy.get(index), path, depth + 1, replacement));
    }
    return copy;
  }

  private static String describe(List<Object> path) {
    StringBuilder result = new StringBuilder("$");
    for (Object step : path) {
      result.append(step instanceof Integer ? "[" + step + "]" : "." + step);
    }
    return result.toString();
  }

  // A JSON writer that keeps Raw numbers as written.

  static String write(Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Raw) {
      out.append(((Raw) value).text());
    } else if (value instanceof BigDecimal) {
      out.append(value);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!first) out.append(',');
        first = false;
        string(entry.getKey().toString(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        if (!first) out.append(',');
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      string(value.toString(), out);
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
