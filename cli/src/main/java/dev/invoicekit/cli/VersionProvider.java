package dev.invoicekit.cli;

import dev.invoicekit.InvoiceProviders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code --version} text: the version Maven filtered into {@code version.properties}, else the
 * jar manifest's {@code Implementation-Version}, and the providers on the class path.
 */
final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "version.properties";

  @Override public String[] getVersion() {
    return new String[] {
        "invoicekit " + version(),
        "providers: " + String.join(", ", InvoiceProviders.available()),
        "Java " + Runtime.version()};
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in != null) properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = properties.getProperty("version");
    if (version != null && !version.isBlank() && !version.startsWith("${")) return version;
    String manifest = VersionProvider.class.getPackage().getImplementationVersion();
    return manifest != null ? manifest : "unknown";
  }
}
