package dev.invoicekit.cloudflare.internal;

/** Stripe's {@code pricing.price_details}: the product a line bills. */
public record CloudflarePriceDetails(String price, String product) {}
