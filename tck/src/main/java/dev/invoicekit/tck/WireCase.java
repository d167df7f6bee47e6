package dev.invoicekit.tck;

import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceProviders;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.spi.ProviderConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import mockwebserver3.MockWebServer;

/**
 * A provider's wire, as {@link WireVerification} drives it: how to point it at a MockWebServer, which call
 * each {@link Op} makes, the vendor's bodies for that call (valid, with unknown fields and enum
 * values, missing a required field, with numbers no {@code long} or {@code double} holds), paging
 * answers that would loop, and the vendor's error bodies in every shape it uses.
 *
 * <p>Bodies are the vendor's real shapes (see {@code reference/vendor-apis.md}); each variant is
 * derived from the valid body by {@link #swap}, which fails if the text to replace is missing, so
 * a variant can never silently equal the valid body.
 *
 * <p>A provider module writes one subclass in its tests (about 150 lines of real-shaped vendor
 * JSON) and hands it to {@link WireVerification#wireCase()}.
 */
public abstract class WireCase {
  /** The three calls of {@link InvoiceProvider} that reach the vendor with one request. */
  public enum Op { LIST, GET, PREVIEW }

  /** What the body of a successful answer holds. */
  public enum Payload { VALID, UNKNOWN_FIELDS_AND_ENUMS, MISSING_REQUIRED_FIELD, HUGE_NUMBERS }

  /** A number beyond {@code long}, with more than 20 decimals. */
  public static final String HUGE_AMOUNT = "98765432109876543210.123456789012345678901";
  /** A quantity beyond {@code long}, its last decimal the 23rd. */
  public static final String HUGE_QUANTITY = "12345678901234567890123.00000000000000000000001";

  private final String id;
  private final String basePath;
  private final Map<String, String> credentials;

  /**
   * @param id the provider id, like {@code "acme"}
   * @param basePath the path of the vendor API below the server's root, ending in {@code /}
   * @param credentials the credential settings (keys without the {@code invoicekit.<id>.} prefix)
   */
  protected WireCase(String id, String basePath, Map<String, String> credentials) {
    this.id = id;
    this.basePath = basePath;
    this.credentials = Map.copyOf(credentials);
  }

  /** The provider id, like {@code "acme"}. */
  public final String id() {
    return id;
  }

  /** The path of the vendor API below the server's root, ending in {@code /}: {@code "/client/v4/"}. */
  public final String basePath() {
    return basePath;
  }

  /** The credential settings (keys without the {@code invoicekit.<id>.} prefix). Every value is a secret. */
  public final Map<String, String> credentials() {
    return credentials;
  }

  /** Returns the settings that point this provider at {@code server}, plus {@code settings} (key, value, ...). */
  public final ProviderConfig config(MockWebServer server, String... settings) {
    return config(server.url(basePath()).toString(), settings);
  }

  /** Returns the settings for base URL {@code baseUrl}, plus {@code settings} (key, value, ...). */
  public final ProviderConfig config(String baseUrl, String... settings) {
    if (settings.length % 2 != 0) throw new IllegalArgumentException("settings come in pairs");
    ProviderConfig.Builder builder = ProviderConfig.builder(id())
        .environment(name -> null) // No credential may come from the machine running the suite.
        .baseUrl(baseUrl)
        .setAll(credentials());
    for (int i = 0; i < settings.length; i += 2) builder.set(settings[i], settings[i + 1]);
    return builder.build();
  }

  /** Creates the provider through the public registry, as a host application would. */
  public final InvoiceProvider create(MockWebServer server, String... settings) {
    return InvoiceProviders.create(id(), config(server, settings));
  }

  /** True if the vendor can get an invoice by id; else {@code get} scans the list. */
  public boolean hasGetEndpoint() {
    return true;
  }

  /** Makes the call {@code op} and returns the one invoice it answers. */
  public final Invoice call(InvoiceProvider provider, Op op) {
    switch (op) {
      case LIST:
        return only(provider.list(InvoiceQuery.all()).items());
      case GET: {
        String id = invoiceId(Op.GET);
        return provider.get(id).orElseThrow(() -> new AssertionError("get(" + id + ") is empty"));
      }
      default:
        return provider.preview(previewRequest());
    }
  }

  /** What {@link Op#PREVIEW} asks for: the account's upcoming invoice unless the vendor needs more. */
  public PreviewRequest previewRequest() {
    return PreviewRequest.upcoming();
  }

  /** The HTTP method of the requests {@code op} sends. */
  public abstract String method(Op op);

  /** The path (without query) of the requests {@code op} sends. */
  public abstract String path(Op op);

  /** The vendor's answer to {@code op} holding one invoice written as {@code payload}. */
  public abstract String body(Op op, Payload payload);

  /** The id of the invoice in {@link #body}. */
  public abstract String invoiceId(Op op);

  /** The status {@code op} reports for an invoice whose vendor status is a value not seen yet. */
  public InvoiceStatus unknownStatus(Op op) {
    return op == Op.PREVIEW ? InvoiceStatus.DRAFT : InvoiceStatus.UNKNOWN;
  }

  /** The field {@link Payload#MISSING_REQUIRED_FIELD} leaves out. */
  public abstract String missingField(Op op);

  /** The numbers {@link Payload#HUGE_NUMBERS} carries, as the model must hold them (major units). */
  public abstract List<BigDecimal> hugeNumbers(Op op);

  /** Reads the numbers of {@link #hugeNumbers} back from the invoice, in the same order. */
  public abstract List<BigDecimal> readHugeNumbers(Invoice invoice, Op op);

  /** A JSON member of {@link #body} (like {@code "total": "129.5"}) the model reads as a number. */
  public abstract String numberMember(Op op);

  /** A JSON member of {@link #body} the model reads as a date, currency or other checked text. */
  public abstract String checkedTextMember(Op op);

  /** Returns {@link #body} for {@code op} with {@code member}'s value replaced by the string {@code text}. */
  public final String bodyWithText(Op op, String member, String text) {
    String key = member.substring(0, member.indexOf(':'));
    return swap(body(op, Payload.VALID), member, key + ": \"" + text + "\"");
  }

  /** A list answer that, served for every request, makes paging repeat itself. */
  public abstract String repeatingPage();

  /** A list answer with no invoice that still claims more follow. */
  public abstract String emptyPageClaimingMore();

  /** The names of the error body shapes this vendor uses. */
  public abstract List<String> errorShapes();

  /** The {@code Content-Type} of an error body of {@code shape}. */
  public String errorContentType(String shape) {
    return "application/json; charset=utf-8";
  }

  /** The vendor's error body of {@code shape} for {@code status}, saying {@link #errorMessage}. */
  public abstract String errorBody(String shape, int status);

  /** The message the error body of {@code shape} for {@code status} must surface as the detail. */
  public String errorMessage(String shape, int status) {
    return id() + " says no to this request (" + status + ")";
  }

  /** The vendor code the error body of {@code shape} for {@code status} carries, or null. */
  public abstract String errorCode(String shape, int status);

  /** A text in the error body of {@code shape} that is server detail and must not reach the caller, or null. */
  public String errorInternalDetail(String shape) {
    return null;
  }

  /** The headers the provider sends its credentials in, like {@code "Authorization"}. */
  public abstract List<String> credentialHeaders();

  /**
   * Every way the provider authenticates. By default one: the {@link #credentials()}, every value
   * a secret, sent in the {@link #credentialHeaders()}. A vendor with several schemes (a token, or
   * an e-mail and a key) lists each, with the settings that select it.
   */
  public List<AuthScheme> authSchemes() {
    return List.of(new AuthScheme(id(), List.of(), List.copyOf(credentials().values()), credentialHeaders()));
  }

  /**
   * One way a provider authenticates.
   *
   * @param name such as {@code "acme api-key"}
   * @param settings settings (key, value, ...) added to {@link #credentials()}; a null value removes the key
   * @param secrets the secret values, none of which may ever be seen in a message, log or {@code toString}
   * @param headers the headers that carry them to the vendor
   */
  public record AuthScheme(String name, List<String> settings, List<String> secrets, List<String> headers) {
    public AuthScheme {
      settings = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(settings)); // nulls allowed
      secrets = List.copyOf(secrets);
      headers = List.copyOf(headers);
    }

    /** The settings for {@code vendor} pointed at {@code server}, plus {@code more} (key, value, ...). */
    public ProviderConfig config(WireCase vendor, MockWebServer server, String... more) {
      java.util.List<String> all = new java.util.ArrayList<>(settings);
      all.addAll(java.util.Arrays.asList(more));
      return vendor.config(server, all.toArray(new String[0]));
    }

    @Override public String toString() {
      return name;
    }
  }

  @Override public final String toString() {
    return id();
  }

  /** Returns {@code text} with {@code from} replaced by {@code to}, failing if {@code from} is absent. */
  public static String swap(String text, String from, String to) {
    Objects.requireNonNull(to, "to == null");
    if (!text.contains(from)) throw new AssertionError("body has no '" + from + "'");
    return text.replace(from, to);
  }

  /** Returns the one invoice of {@code invoices}. */
  public static Invoice only(List<Invoice> invoices) {
    if (invoices.size() != 1) throw new AssertionError("expected one invoice, got " + invoices);
    return invoices.get(0);
  }

  /** A JSON object of fields no vendor sends yet: nested, mixed, with nulls. */
  public static final String UNKNOWN_OBJECT =
      "{\"nested\": [1, 2.5, {\"deep\": null}, \"x\"], \"flag\": true, \"since\": \"2027-01-01\"}";
}
