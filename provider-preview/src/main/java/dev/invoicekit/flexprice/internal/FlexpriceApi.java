package dev.invoicekit.flexprice.internal;

import dev.invoicekit.http.Idempotent;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** The Flexprice invoice endpoints, relative to the {@code …/v1/} base URL. */
public interface FlexpriceApi {
  /** Searches invoices, offset-paginated. A read-only POST, so safe to retry. */
  @Idempotent
  @POST("invoices/search")
  Call<FlexpriceInvoiceList> search(@Body FlexpriceSearchRequest request);

  /** Returns one invoice with its line items and taxes. */
  @GET("invoices/{id}")
  Call<FlexpriceInvoice> get(@Path("id") String id);

  /** Computes, without persisting, the next invoice of a subscription. A read-only POST. */
  @Idempotent
  @POST("invoices/preview")
  Call<FlexpriceInvoice> preview(@Body FlexpricePreviewRequest request);
}
