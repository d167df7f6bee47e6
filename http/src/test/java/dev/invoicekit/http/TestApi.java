package dev.invoicekit.http;

import java.math.BigDecimal;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** A tiny vendor API to drive the transport with. */
interface TestApi {
  @GET("items/{id}") Call<Item> item(@Path("id") String id);

  @GET("items") Call<List<Item>> items();

  /** Not idempotent: creating twice creates two. */
  @POST("items") Call<Item> create(@Body Item item);

  @Idempotent @POST("items/search") Call<Item> search(@Body Item query);

  @RetryOnStatus(202) @GET("month-to-date") Call<Item> monthToDate();

  /** A wire record, as provider modules write them. */
  record Item(String id, BigDecimal amount) {
  }
}
