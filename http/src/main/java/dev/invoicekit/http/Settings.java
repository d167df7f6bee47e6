package dev.invoicekit.http;

import dev.invoicekit.ConfigurationException;
import dev.invoicekit.spi.ProviderConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transport's settings, read from a provider's configuration once, when its builder is made:
 * a malformed one is a {@link ConfigurationException} naming its key before anything is sent.
 */
record Settings(Duration timeout, int maxRetries, long maxResponseSize, Duration retryBaseDelay) {
  static final long DEFAULT_MAX_RESPONSE_SIZE = 32L * 1024 * 1024;
  private static final long MAX_MAX_RESPONSE_SIZE = 1024L * 1024 * 1024;
  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(b|kib|mib|gib)?");

  static Settings of(ProviderConfig config) {
    return new Settings(config.timeout(), config.maxRetries(), maxResponseSize(config), retryBaseDelay(config));
  }

  static Duration retryBaseDelay(ProviderConfig config) {
    Duration delay = config.duration(HttpTransport.RETRY_BASE_DELAY, Duration.ofMillis(Backoff.BASE_MILLIS));
    if (delay.toMillis() > Backoff.MAX_WAIT_MILLIS) {
      String key = config.keyName(HttpTransport.RETRY_BASE_DELAY);
      throw new ConfigurationException(key, key + " must be at most 30s: '"
          + config.get(HttpTransport.RETRY_BASE_DELAY).orElse("") + "'");
    }
    return delay;
  }

  static long maxResponseSize(ProviderConfig config) {
    Optional<String> value = config.get(HttpTransport.MAX_RESPONSE_SIZE);
    if (value.isEmpty()) return DEFAULT_MAX_RESPONSE_SIZE;
    String key = config.keyName(HttpTransport.MAX_RESPONSE_SIZE);
    Matcher matcher = SIZE.matcher(value.get().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new ConfigurationException(key, key + " is not a size: '" + value.get()
          + "' (write 1048576, 512KiB or 32MiB)");
    }
    String unit = matcher.group(2) == null ? "b" : matcher.group(2);
    int shift = unit.equals("kib") ? 10 : unit.equals("mib") ? 20 : unit.equals("gib") ? 30 : 0;
    long bytes = Long.parseLong(matcher.group(1));
    if (bytes == 0 || bytes > MAX_MAX_RESPONSE_SIZE >> shift) {
      throw new ConfigurationException(key, key + " must be between 1 byte and 1GiB: '"
          + value.get() + "'");
    }
    return bytes << shift;
  }
}
