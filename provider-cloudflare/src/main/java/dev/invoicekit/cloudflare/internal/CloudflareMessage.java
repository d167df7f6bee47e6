package dev.invoicekit.cloudflare.internal;

/**
 * One entry of an envelope's {@code errors} or {@code messages}. The code is a JSON number on the
 * wire, read as its literal text ({@code "10000"}).
 */
public record CloudflareMessage(String code, String message) {}
