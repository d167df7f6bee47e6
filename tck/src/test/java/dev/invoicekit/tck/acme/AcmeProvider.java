package dev.invoicekit.tck.acme;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.Invoice;
import dev.invoicekit.InvoiceProvider;
import dev.invoicekit.InvoiceQuery;
import dev.invoicekit.InvoiceStatus;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.Money;
import dev.invoicekit.Page;
import dev.invoicekit.PreviewRequest;
import dev.invoicekit.ProviderException;
import dev.invoicekit.http.HttpTransport;
import dev.invoicekit.http.VendorError;
import dev.invoicekit.http.Wire;
import dev.invoicekit.spi.PageStreams;
import dev.invoicekit.spi.ProviderConfig;
import dev.invoicekit.tck.acme.AcmeApi.AcmeInvoice;
import dev.invoicekit.tck.acme.AcmeApi.AcmePage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Acme's provider on the shared transport and paging engine: correct when it has no {@link Flaw},
 * and broken in one precise way per flaw, so that the kit's self-test can show the kit catches it.
 */
final class AcmeProvider implements InvoiceProvider {
  private static final Logger logger = Logger.getLogger(AcmeProvider.class.getName());

  private final Set<Flaw> flaws;
  private final String apiKey;
  private final URI baseUrl;
  private final int pageSize;
  private final int maxConcurrency;
  private final HttpTransport transport;
  private final AcmeApi api;
  private final CountDownLatch never = new CountDownLatch(1);
  private final AtomicLong sharedOffset = new AtomicLong(); // the flaw SHARES_ONE_CURSOR_BETWEEN_CALLS
  private volatile boolean closed;

  AcmeProvider(ProviderConfig config, Set<Flaw> flaws) {
    this.flaws = flaws;
    this.baseUrl = config.baseUrl("https://api.acme.example/v1/");
    this.apiKey = config.require("api-key", "ACME_API_KEY");
    this.pageSize = config.integer(ProviderConfig.PAGE_SIZE, 100, 1, 100);
    this.maxConcurrency = config.maxConcurrency();
    ProviderConfig transportConfig = flaws.contains(Flaw.NEVER_RETRIES)
        ? config.toBuilder().set(ProviderConfig.MAX_RETRIES, "0").build() : config;
    HttpTransport.Builder builder = HttpTransport.builder(transportConfig)
        .baseUrl(baseUrl)
        .header(AcmeSandbox.KEY_HEADER, apiKey)
        .requestIdHeaders(AcmeSandbox.REQUEST_ID_HEADER)
        .errorDecoder(AcmeProvider::decodeError);
    if (flaws.contains(Flaw.IGNORES_RETRY_AFTER)) builder.sleeper(duration -> {});
    this.transport = builder.build();
    this.api = transport.create(AcmeApi.class);
    if (flaws.contains(Flaw.LOGS_THE_KEY)) logger.fine("acme provider with key " + apiKey);
    if (flaws.contains(Flaw.LEAVES_A_THREAD_AFTER_CLOSE)) {
      Thread keeper = new Thread(() -> {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "acme-keeper");
      keeper.setDaemon(true);
      keeper.start();
    }
  }

  private static VendorError decodeError(int status, String contentType, String body) {
    Map<String, Object> json = Wire.jsonObject(body);
    if (json == null || !(json.get("error") instanceof Map)) return null;
    Map<?, ?> error = (Map<?, ?>) json.get("error");
    return new VendorError(String.valueOf(error.get("message")), String.valueOf(error.get("code")));
  }

  @Override public String id() {
    return AcmeProviderFactory.ID;
  }

  @Override public Page<Invoice> list(InvoiceQuery query) {
    requireOpen();
    if (flaws.contains(Flaw.SENDS_THE_KEY_ACROSS_A_REDIRECT)) followRedirectsWithTheKey();
    long offset = query.pageToken().map(Long::parseLong).orElse(0L);
    return fetch(offset, query.pageSize().orElse(pageSize));
  }

  @Override public Stream<Invoice> stream(InvoiceQuery query) {
    requireOpen();
    int limit = query.pageSize().orElse(pageSize);
    int concurrency = flaws.contains(Flaw.IGNORES_MAX_CONCURRENCY) ? 64 : maxConcurrency;
    Stream<Invoice> stream = PageStreams.concurrent(id(), query.pageToken().orElse(null),
        token -> fetch(token == null ? 0 : Long.parseLong(token), limit),
        first -> first.totalCount().isEmpty() ? Optional.empty()
            : Optional.of(LongStream.iterate(limit, o -> o < first.totalCount().getAsLong(), o -> o + limit)
                .mapToObj(Long::toString).collect(Collectors.toList())),
        concurrency);
    if (flaws.contains(Flaw.FETCHES_EAGERLY)) {
      List<Invoice> all = stream.collect(Collectors.toList());
      return all.stream();
    }
    if (flaws.contains(Flaw.SHARES_ONE_CURSOR_BETWEEN_CALLS)) {
      stream.close();
      return PageStreams.cursor(id(), null, token -> {
        Page<Invoice> page = fetch(sharedOffset.get(), limit);
        sharedOffset.addAndGet(page.items().size());
        return page;
      });
    }
    return stream;
  }

  private Page<Invoice> fetch(long offset, int limit) {
    AcmePage page;
    try {
      page = transport.execute(api.invoices(offset, limit));
    } catch (InvalidRequestException e) {
      if (!flaws.contains(Flaw.RETRIES_A_400)) throw e;
      try {
        page = transport.execute(api.invoices(offset, limit));
      } catch (InvalidRequestException again) {
        page = transport.execute(api.invoices(offset, limit));
      }
    } catch (AuthenticationException e) {
      if (!flaws.contains(Flaw.MAPS_401_TO_THE_WRONG_TYPE)) throw e;
      throw new InvalidRequestException(id(), e.detail(), e.httpStatus(), e.vendorCode(), e.requestId());
    }
    List<AcmeInvoice> items = Wire.required(id(), page.items(), "items");
    long answered = Wire.required(id(), page.offset(), "offset");
    if (answered != offset && !flaws.contains(Flaw.ACCEPTS_A_REPEATED_PAGE)) {
      throw new MalformedResponseException(id(), "asked for offset " + offset + ", got offset " + answered,
          0, null, null, null);
    }
    List<Invoice> invoices = new ArrayList<>();
    if (flaws.contains(Flaw.REPEATS_AN_INVOICE_ACROSS_PAGES) && offset > 0) {
      invoices.add(fetchOne(offset - 1));
    }
    items.forEach(item -> invoices.add(invoice(item)));
    if (flaws.contains(Flaw.DROPS_LAST_INVOICE_OF_A_PAGE) && !invoices.isEmpty()) {
      invoices.remove(invoices.size() - 1);
    }
    long total = Wire.required(id(), page.total(), "total");
    long next = offset + items.size();
    return new Page<>(invoices, items.isEmpty() || next >= total ? Optional.empty() : Optional.of(Long.toString(next)),
        OptionalLong.of(total));
  }

  private Invoice fetchOne(long index) {
    return get("acme-" + index).orElseThrow();
  }

  @Override public Optional<Invoice> get(String invoiceId) {
    requireOpen();
    if (flaws.contains(Flaw.RAW_INVOICE_ID)) {
      return transport.executeOptional(api.invoiceRaw(invoiceId), this::invoice);
    }
    if (flaws.contains(Flaw.THROWS_ON_AN_UNKNOWN_ID)) {
      return Optional.of(transport.execute(api.invoice(invoiceId), this::invoice));
    }
    return transport.executeOptional(api.invoice(invoiceId), this::invoice);
  }

  @Override public Invoice preview(PreviewRequest request) {
    requireOpen();
    return transport.execute(api.preview(), this::invoice);
  }

  private Invoice invoice(AcmeInvoice wire) {
    var currency = Wire.currency(id(), wire.currency());
    Money total = Money.of(Wire.required(id(), wire.total(), "total"), currency);
    InvoiceStatus status;
    try {
      status = InvoiceStatus.valueOf(String.valueOf(wire.status()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      status = InvoiceStatus.UNKNOWN;
    }
    return Invoice.builder(id(), Wire.required(id(), wire.id(), "id"))
        .currency(currency)
        .status(status)
        .total(total)
        .amountDue(total)
        .build();
  }

  /** The flaw {@link Flaw#SENDS_THE_KEY_ACROSS_A_REDIRECT}: a hand-made client that follows any redirect. */
  private void followRedirectsWithTheKey() {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    URI target = baseUrl.resolve("invoices?offset=0&limit=1");
    try {
      for (int hops = 0; hops < 3; hops++) {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(target)
            .header(AcmeSandbox.KEY_HEADER, apiKey).build(), HttpResponse.BodyHandlers.discarding());
        Optional<String> location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) return;
        target = target.resolve(location.get());
      }
    } catch (IOException e) {
      throw new ProviderException(id(), "redirect: " + e.getMessage(), 0, null, null, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void requireOpen() {
    if (closed && !flaws.contains(Flaw.WORKS_AFTER_CLOSE)) {
      throw new IllegalStateException(id() + " provider is closed");
    }
  }

  @Override public void close() {
    if (flaws.contains(Flaw.WORKS_AFTER_CLOSE)) return;
    closed = true;
    transport.close();
  }

  @Override public String toString() {
    return flaws.contains(Flaw.LEAKS_THE_KEY_IN_TO_STRING)
        ? "AcmeProvider{baseUrl=" + baseUrl + ", apiKey=" + apiKey + "}"
        : "AcmeProvider{baseUrl=" + baseUrl + "}";
  }
}
