package dev.invoicekit.http;

import dev.invoicekit.AuthenticationException;
import dev.invoicekit.InvalidRequestException;
import dev.invoicekit.InvoiceException;
import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.NotFoundException;
import dev.invoicekit.ProviderException;
import dev.invoicekit.RateLimitException;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What the caller sees of an answer that is not the one asked for: an unsuccessful status as
 * the SPEC's exception type with the vendor's message, code and request id; a body that cannot
 * be read, or a mapper's failure, as a {@link MalformedResponseException} with the answer's
 * status and request id. Every text is redacted.
 */
final class ErrorMapping {
  private final String providerId;
  private final ErrorDecoder decoder;
  private final RequestIds requestIds;
  private final OriginHeaders origin;
  private final Backoff backoff;

  ErrorMapping(String providerId, ErrorDecoder decoder, RequestIds requestIds, OriginHeaders origin, Backoff backoff) {
    this.providerId = providerId;
    this.decoder = decoder;
    this.requestIds = requestIds;
    this.origin = origin;
    this.backoff = backoff;
  }

  /** The exception for an unsuccessful answer, its body in memory. */
  InvoiceException failure(Response response) {
    int status = response.code();
    String requestId = requestIds.find(response.headers());
    VendorError vendor = decode(status, response.body());
    String message = vendor != null ? nonBlank(origin.redact(vendor.message())) : null;
    String code = vendor != null ? nonBlank(origin.redact(vendor.code())) : null;
    String detail = message != null ? message : statusLine(status);
    if (status == 401 || status == 403) {
      return new AuthenticationException(providerId, detail, status, code, requestId);
    } else if (status == 404) {
      return new NotFoundException(providerId, detail, code, requestId);
    } else if (status == 429) {
      return new RateLimitException(providerId, detail, code, requestId, backoff.retryAfter(response.headers()));
    } else if (status == 408 || status >= 500) {
      return new ProviderException(providerId, detail, status, code, requestId, true, null);
    } else if (status >= 400) {
      return new InvalidRequestException(providerId, detail, status, code, requestId);
    }
    return new ProviderException(providerId, "unexpected " + detail, status, code, requestId, false, null);
  }

  private VendorError decode(int status, ResponseBody errorBody) {
    if (errorBody == null) return null;
    try (errorBody) {
      String contentType = errorBody.contentType() != null ? errorBody.contentType().toString() : null;
      return decoder.decode(status, contentType, errorBody.string());
    } catch (IOException | RuntimeException e) {
      return null; // A decoder that cannot read the body says nothing: the status line will do.
    }
  }

  /** The exception for a successful answer whose body the converter could not read. */
  MalformedResponseException unreadable(Response response, Throwable t) {
    return new MalformedResponseException(providerId, cannotRead(response.request(), t), response.code(), null,
        requestIds.find(response.headers()), origin.redact(t));
  }

  /**
   * Returns {@code e}, a mapper's failure, as the caller must see it: a
   * {@link MalformedResponseException} that says nothing of the answer (like
   * {@link Wire#required}'s) gets the answer's status and request id, which the vendor's support
   * asks for; a credential the vendor echoed into its text (a date or code the mapper quotes) is
   * cut out. The copy keeps the mapper's stack trace.
   */
  InvoiceException fromMapper(InvoiceException e, Response response) {
    boolean incomplete = e instanceof MalformedResponseException && (e.httpStatus() == 0 || e.requestId() == null);
    boolean secret = origin.holdsSecret(e.getMessage()) || origin.redact(e.getCause()) != e.getCause();
    if (!incomplete && !secret) return e;
    int status = e.httpStatus() != 0 ? e.httpStatus() : response.code();
    String requestId = e.requestId() != null ? origin.redact(e.requestId()) : requestIds.find(response.headers());
    MalformedResponseException copy = new MalformedResponseException(providerId, origin.redact(e.detail()),
        status, origin.redact(e.vendorCode()), requestId, origin.redact(e.getCause()));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private String cannotRead(Request request, Throwable t) {
    String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    return "cannot read " + request.method() + " " + request.url().encodedPath() + ": " + origin.redact(message);
  }

  private static String nonBlank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  static String statusLine(int status) {
    String reason;
    switch (status) {
      case 400: reason = "Bad Request"; break;
      case 401: reason = "Unauthorized"; break;
      case 402: reason = "Payment Required"; break;
      case 403: reason = "Forbidden"; break;
      case 404: reason = "Not Found"; break;
      case 405: reason = "Method Not Allowed"; break;
      case 406: reason = "Not Acceptable"; break;
      case 408: reason = "Request Timeout"; break;
      case 409: reason = "Conflict"; break;
      case 410: reason = "Gone"; break;
      case 413: reason = "Content Too Large"; break;
      case 415: reason = "Unsupported Media Type"; break;
      case 422: reason = "Unprocessable Content"; break;
      case 429: reason = "Too Many Requests"; break;
      case 500: reason = "Internal Server Error"; break;
      case 501: reason = "Not Implemented"; break;
      case 502: reason = "Bad Gateway"; break;
      case 503: reason = "Service Unavailable"; break;
      case 504: reason = "Gateway Timeout"; break;
      default: return "HTTP " + status;
    }
    return "HTTP " + status + " " + reason;
  }
}
