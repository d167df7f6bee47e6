package dev.invoicekit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** What a Spring Boot application prints when an InvoiceKit setting is bad: the analyzer's report. */
@ExtendWith(OutputCaptureExtension.class)
final class StartupFailureTest {
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {
  }

  @Test void aBadSettingIsReportedAsTheCoreSaysIt(CapturedOutput output) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
        .properties("invoicekit.provider=fastly", "invoicekit.fastly.api-token=tok_SECRET_77",
            "invoicekit.fastly.page-size=500", "spring.main.banner-mode=off")
        .run())
        .hasRootCauseMessage("invoicekit.fastly.page-size must be between 1 and 200: 500");

    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("invoicekit.fastly.page-size must be between 1 and 200: 500")
        .contains("Set or fix invoicekit.fastly.page-size in application.properties or YAML, or as the"
            + " environment variable INVOICEKIT_FASTLY_PAGESIZE.")
        .doesNotContain("tok_SECRET_77");
  }
}
