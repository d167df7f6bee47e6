package dev.invoicekit.flexprice.internal;

import java.util.List;

/** A {@code ListInvoicesResponse}: one page of {@code items} and the {@code pagination} totals. */
public record FlexpriceInvoiceList(List<FlexpriceInvoice> items, FlexpricePagination pagination) {}
