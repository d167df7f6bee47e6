package dev.invoicekit.http;

import dev.invoicekit.MalformedResponseException;
import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads an answer's body into memory within the attempt, so that the attempt's timeout bounds
 * the body too and a retry never meets a half-read stream: a successful answer's whole body, up
 * to {@code max-response-size} (more is a {@link MalformedResponseException}, not retried), an
 * unsuccessful one's first {@value #ERROR_BODY_LIMIT} bytes, enough for any vendor message.
 */
final class BodyLimits {
  /** Error bodies are cut to this many bytes. */
  static final int ERROR_BODY_LIMIT = 64 * 1024;

  private final String providerId;
  private final long maxResponseSize;
  private final RequestIds requestIds;

  BodyLimits(String providerId, long maxResponseSize, RequestIds requestIds) {
    this.providerId = providerId;
    this.maxResponseSize = maxResponseSize;
    this.requestIds = requestIds;
  }

  /**
   * Returns {@code response} with its body read into memory; closes {@code response}.
   *
   * @throws MalformedResponseException if a successful answer's body is larger than allowed
   * @throws IOException if the body cannot be read
   */
  Response buffer(Response response) throws IOException {
    try (response) {
      ResponseBody body = response.body();
      Buffer bytes = response.isSuccessful() ? readAll(response, body) : readPrefix(body.source(), ERROR_BODY_LIMIT);
      // The buffer itself becomes the body: no copy of what may be megabytes.
      return response.newBuilder().body(ResponseBody.create(bytes, body.contentType(), bytes.size())).build();
    }
  }

  private Buffer readAll(Response response, ResponseBody body) throws IOException {
    if (body.contentLength() <= maxResponseSize) {
      Buffer bytes = readPrefix(body.source(), maxResponseSize + 1);
      if (bytes.size() <= maxResponseSize) return bytes;
    }
    throw new MalformedResponseException(providerId, "response body larger than " + maxResponseSize + " bytes",
        response.code(), null, requestIds.find(response.headers()), null);
  }

  private static Buffer readPrefix(BufferedSource source, long limit) throws IOException {
    Buffer buffer = new Buffer();
    while (buffer.size() < limit) {
      if (source.read(buffer, Math.min(8192, limit - buffer.size())) == -1) break;
    }
    return buffer;
  }
}
