package dev.invoicekit.fastly.internal;

import dev.invoicekit.http.RetryOnStatus;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * The Fastly Invoices API ({@code /billing/v3}), relative to the base URL. Credentials are added
 * by the transport, never here. Not API; may change.
 */
public interface FastlyApi {
  /**
   * Lists invoices, newest first. Every parameter but {@code limit} is nullable (then omitted).
   * The cursor is percent-encoded by Retrofit ({@code +} as {@code %2B}, {@code /} as {@code %2F},
   * {@code =} as {@code %3D}).
   */
  @GET("billing/v3/invoices")
  Call<FastlyInvoicePage> invoices(
      @Query("limit") int limit,
      @Query("cursor") String cursor,
      @Query("billing_start_date") String billingStartDate,
      @Query("billing_end_date") String billingEndDate);

  /** Gets one closed invoice; the id is path-encoded, so it is always one path segment. */
  @GET("billing/v3/invoices/{invoice_id}")
  Call<FastlyInvoice> invoice(@Path("invoice_id") String invoiceId);

  /** Gets the month-to-date estimate; HTTP 202 means "still being generated": retried. */
  @RetryOnStatus(202)
  @GET("billing/v3/invoices/month-to-date")
  Call<FastlyInvoice> monthToDate();
}
