package dev.invoicekit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class RedactionTest {
  @Test void oneCharacterKeyDoesNotMaskInsideWords() {
    Redaction redaction = new Redaction(Map.of("x-api-key", "k"));

    assertThat(redaction.redact("unknown currency code 'xyz'")).isEqualTo("unknown currency code 'xyz'");
    assertThat(redaction.holdsSecret("unknown currency code")).isFalse();
    assertThat(redaction.redact("bad key k for account")).isEqualTo("bad key **** for account");
    assertThat(redaction.redact("k")).isEqualTo("****");
    assertThat(redaction.redact("key='k'")).isEqualTo("key='****'");
  }

  @Test void bearerSchemeIsNotASecret() {
    Redaction redaction = new Redaction(Map.of("Authorization", "Bearer tok_3f9a2b7c41aa"));

    assertThat(redaction.redact("Bearer token required")).isEqualTo("Bearer token required");
    assertThat(redaction.redact("token Bearer tok_3f9a2b7c41aa rejected")).isEqualTo("token **** rejected");
    assertThat(redaction.redact("rejected tok_3f9a2b7c41aa")).isEqualTo("rejected ****");
  }

  @Test void longSecretIsMaskedEvenInsideAWord() {
    Redaction redaction = new Redaction(Map.of("Fastly-Key", "abcdef123456789"));

    assertThat(redaction.redact("req-xabcdef123456789y")).isEqualTo("req-x****y");
  }

  @Test void shortSecretPartsAreMaskedOnlyAlone() {
    Redaction redaction = new Redaction(Map.of("Authorization", "Basic user:pa55wd"));

    assertThat(redaction.redact("user:pa55wd")).isEqualTo("****");
    assertThat(redaction.redact("pa55wd was refused")).isEqualTo("**** was refused");
    assertThat(redaction.redact("xpa55wdx stays")).isEqualTo("xpa55wdx stays");
  }
}
