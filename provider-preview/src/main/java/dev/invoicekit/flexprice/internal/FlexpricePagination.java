package dev.invoicekit.flexprice.internal;

/** A {@code PaginationResponse}: the number of matching invoices and the limit and offset asked for. */
public record FlexpricePagination(Long total, Long limit, Long offset) {}
