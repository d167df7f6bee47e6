/**
 * Cloudflare wire types: the Retrofit interface and the JSON records of the v4 API. Not API; may
 * change.
 */
package dev.invoicekit.cloudflare.internal;
