package dev.invoicekit.cloudflare.internal;

import java.math.BigDecimal;

/** A line's {@code period}: epoch seconds. */
public record CloudflarePeriod(BigDecimal start, BigDecimal end) {}
