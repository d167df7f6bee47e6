/**
 * Flexprice wire types: the Retrofit interface and the JSON records it reads and writes.
 *
 * <p>Not API; may change. Nothing here leaves the Flexprice provider module.
 */
package dev.invoicekit.flexprice.internal;
