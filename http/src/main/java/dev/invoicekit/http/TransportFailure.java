package dev.invoicekit.http;

import dev.invoicekit.InvoiceException;
import java.io.IOException;

/**
 * Carries a typed failure out of an OkHttp interceptor, which may throw only
 * {@link IOException}s, to {@link HttpTransport}, which throws {@link #failure}.
 */
final class TransportFailure extends IOException {
  private static final long serialVersionUID = 1L;

  final transient InvoiceException failure;

  TransportFailure(InvoiceException failure) {
    super(failure.getMessage(), failure);
    this.failure = failure;
  }
}
