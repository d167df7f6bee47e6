package dev.invoicekit.cloudflare.internal;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The two AI Gateway billing operations of the Cloudflare v4 API, relative to {@code …/client/v4/}. */
public interface CloudflareApi {
  /**
   * {@code aig-billing-get-invoice-history}. {@code page} and {@code per_page} are undocumented
   * but honoured; {@code type} ({@code auto}, {@code manual}, {@code all}) is omitted when null.
   */
  @GET("accounts/{account_id}/ai-gateway/billing/invoice-history")
  Call<CloudflareEnvelope<CloudflareHistory>> invoiceHistory(
      @Path("account_id") String accountId,
      @Query("page") int page,
      @Query("per_page") int perPage,
      @Query("type") String type);

  /** {@code aig-billing-get-invoice-preview}: the account's upcoming invoice with its lines. */
  @GET("accounts/{account_id}/ai-gateway/billing/invoice-preview")
  Call<CloudflareEnvelope<CloudflarePreview>> invoicePreview(@Path("account_id") String accountId);
}
