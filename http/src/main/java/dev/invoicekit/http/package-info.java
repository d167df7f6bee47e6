/**
 * The one HTTP stack every vendor module builds on: OkHttp, Retrofit and Moshi, with credentials
 * kept to the vendor's host, retries, per-attempt timeouts, capped buffering and error decoding.
 *
 * <p>A provider builds one {@link dev.invoicekit.http.HttpTransport} from its
 * {@link dev.invoicekit.spi.ProviderConfig}, creates its Retrofit service with
 * {@link dev.invoicekit.http.HttpTransport#create}, and runs every call through
 * {@link dev.invoicekit.http.HttpTransport#execute}, which answers the body or throws a typed
 * {@link dev.invoicekit.InvoiceException}. {@link dev.invoicekit.http.Wire} holds the exact
 * conversions mappers share. This package is for provider modules, not host applications.
 */
package dev.invoicekit.http;
