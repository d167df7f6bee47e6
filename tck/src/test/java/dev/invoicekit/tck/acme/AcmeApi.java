package dev.invoicekit.tck.acme;

import java.math.BigDecimal;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** Acme's API and wire records, relative to the base URL. */
public interface AcmeApi {
  @GET("invoices")
  Call<AcmePage> invoices(@Query("offset") long offset, @Query("limit") int limit);

  @GET("invoices/{id}")
  Call<AcmeInvoice> invoice(@Path("id") String id);

  /** The flaw {@link Flaw#RAW_INVOICE_ID}: the id is pasted into the path as it is. */
  @GET("invoices/{id}")
  Call<AcmeInvoice> invoiceRaw(@Path(value = "id", encoded = true) String id);

  @GET("preview")
  Call<AcmeInvoice> preview();

  record AcmePage(List<AcmeInvoice> items, Long offset, Long total) {}

  record AcmeInvoice(String id, String currency, BigDecimal total, String status) {}
}
