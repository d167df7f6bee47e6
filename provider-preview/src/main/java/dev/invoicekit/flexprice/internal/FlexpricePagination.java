package dev.invoicekit.flexprice.internal;

import java.math.BigDecimal;

/**
 * A {@code PaginationResponse}: the number of matching invoices and the limit and offset asked
 * for. The counts are read exactly, so that a fractional or huge one fails naming its field.
 */
public record FlexpricePagination(BigDecimal total, BigDecimal limit, BigDecimal offset) {}
