package dev.invoicekit.stripe.internal;

import dev.invoicekit.http.Idempotent;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The Stripe v1 invoice calls, relative to the base URL ({@code https://api.stripe.com/}).
 * Credentials and the {@code Stripe-Version} header are added by the transport, never here. A
 * null parameter is omitted. Not API; may change.
 */
public interface StripeApi {
  /**
   * Lists invoices, newest first. {@code startingAfter} is the id of the last invoice of the page
   * before; {@code createdGte} a lower bound on {@code created}, in epoch seconds.
   */
  @GET("v1/invoices")
  Call<StripeList<StripeInvoice>> invoices(
      @Query("limit") int limit,
      @Query("starting_after") String startingAfter,
      @Query("customer") String customer,
      @Query("created[gte]") Long createdGte,
      @Query("status") String status,
      @Query("subscription") String subscription,
      @Query("collection_method") String collectionMethod);

  /** Gets one invoice with the first page of its lines; the id is path-encoded, always one segment. */
  @GET("v1/invoices/{invoice}")
  Call<StripeInvoice> invoice(@Path("invoice") String invoiceId);

  /** Lists the lines of an invoice after line {@code startingAfter}. */
  @GET("v1/invoices/{invoice}/lines")
  Call<StripeList<StripeLine>> lines(
      @Path("invoice") String invoiceId,
      @Query("limit") int limit,
      @Query("starting_after") String startingAfter);

  /**
   * Previews the upcoming invoice of a customer or a subscription; form-encoded. It creates
   * nothing (the preview cannot be fetched, paid or listed), so it is retried like a read.
   */
  @Idempotent
  @FormUrlEncoded
  @POST("v1/invoices/create_preview")
  Call<StripeInvoice> createPreview(
      @Field("customer") String customer,
      @Field("subscription") String subscription);
}
