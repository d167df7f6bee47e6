package dev.invoicekit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.invoicekit.tck.acme.Flaw;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The kit tests itself: for every {@link Flaw}, the rule that should catch it fails against an Acme
 * provider with that flaw, with a message that names the provider and the rule. The correct
 * provider passes every rule ({@link AcmeConformanceTest}).
 */
class KitSelfTest {
  /** The rule (a test of {@link InvoiceProviderVerification}) that catches each flaw. */
  static final Map<Flaw, String> CAUGHT_BY = new EnumMap<>(Flaw.class);

  static {
    CAUGHT_BY.put(Flaw.DROPS_LAST_INVOICE_OF_A_PAGE, "rule_6_1_streamDeliversEveryInvoiceOnceInVendorOrder");
    CAUGHT_BY.put(Flaw.REPEATS_AN_INVOICE_ACROSS_PAGES, "rule_6_1_streamDeliversEveryInvoiceOnceInVendorOrder");
    CAUGHT_BY.put(Flaw.ACCEPTS_A_REPEATED_PAGE, "rule_6_1_repeatedPageFailsBeforeRepeatingInvoices");
    CAUGHT_BY.put(Flaw.FETCHES_EAGERLY, "rule_6_1_streamIsLazy");
    CAUGHT_BY.put(Flaw.IGNORES_MAX_CONCURRENCY, "rule_6_2_streamKeepsAtMostMaxConcurrencyRequestsInFlight");
    CAUGHT_BY.put(Flaw.LEAVES_A_THREAD_AFTER_CLOSE, "rule_6_2_closingAStreamMidwayReleasesEveryThread");
    CAUGHT_BY.put(Flaw.NEVER_RETRIES, "rule_6_3_transientFaultIsRetried");
    CAUGHT_BY.put(Flaw.IGNORES_RETRY_AFTER, "rule_6_3_retryAfterIsHonoured");
    CAUGHT_BY.put(Flaw.RETRIES_A_400, "rule_2_errorStatusMapsToItsTypeWithoutRetry");
    CAUGHT_BY.put(Flaw.MAPS_401_TO_THE_WRONG_TYPE, "rule_2_errorStatusMapsToItsTypeWithoutRetry");
    CAUGHT_BY.put(Flaw.THROWS_ON_AN_UNKNOWN_ID, "rule_get_findsAStreamedInvoiceAndMapsUnknownIdToEmpty");
    CAUGHT_BY.put(Flaw.RAW_INVOICE_ID, "rule_6_4_invoiceIdsArePathEncoded");
    CAUGHT_BY.put(Flaw.LEAKS_THE_KEY_IN_TO_STRING, "rule_6_4_noSecretInToStringOrLogs");
    CAUGHT_BY.put(Flaw.LOGS_THE_KEY, "rule_6_4_noSecretInToStringOrLogs");
    CAUGHT_BY.put(Flaw.SENDS_THE_KEY_ACROSS_A_REDIRECT, "rule_6_4_credentialsAreNotSentAcrossHostsOnRedirect");
    CAUGHT_BY.put(Flaw.VALIDATES_SETTINGS_LATE, "rule_3_badSettingFailsAtCreateNamingIt");
    CAUGHT_BY.put(Flaw.WORKS_AFTER_CLOSE, "rule_6_5_callsAfterCloseThrowIllegalStateException");
    CAUGHT_BY.put(Flaw.SHARES_ONE_CURSOR_BETWEEN_CALLS, "rule_6_5_oneInstanceServesManyThreads");
  }

  @AfterEach void resetFlaws() {
    FlawedAcmeVerification.flaws = EnumSet.noneOf(Flaw.class);
  }

  @Test void everyFlawHasTheRuleThatCatchesIt() {
    assertEquals(EnumSet.allOf(Flaw.class), CAUGHT_BY.keySet());
    assertTrue(CAUGHT_BY.size() >= 12, "at least twelve broken providers");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Flaw.class)
  void kitCatchesTheFlaw(Flaw flaw) {
    String rule = CAUGHT_BY.get(flaw);
    FlawedAcmeVerification.flaws = EnumSet.of(flaw);
    Events tests = run(rule);
    List<Event> failed = tests.failed().list();
    assertTrue(!failed.isEmpty(), "the kit did not catch " + flaw + ": " + rule + " passed");
    for (Event event : failed) {
      Optional<Throwable> cause = event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
      assertTrue(cause.isPresent() && cause.get() instanceof AssertionError
              && String.valueOf(cause.get().getMessage()).startsWith("acme breaks "),
          "a failure names the provider and the rule it breaks; " + flaw + " gave " + cause);
    }
  }

  private static Events run(String rule) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(FlawedAcmeVerification.class, method(rule)))
        .execute()
        .testEvents();
  }

  private static Method method(String name) {
    for (Method method : InvoiceProviderVerification.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) return method;
    }
    throw new AssertionError("the kit has no rule " + name);
  }
}
