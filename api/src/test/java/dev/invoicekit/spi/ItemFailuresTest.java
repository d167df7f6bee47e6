package dev.invoicekit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invoicekit.MalformedResponseException;
import dev.invoicekit.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class ItemFailuresTest {
  private final ItemFailures failures = new ItemFailures("acme");

  private static MalformedResponseException item(String field) {
    return new MalformedResponseException("acme", field + ": missing required field 'currency'",
        200, null, "req-" + field, null);
  }

  // partial

  @Test void pageReturnsACompletePageAndHandsAPartialOneToTheSinkBeforeThrowing() {
    ItemFailures failures = new ItemFailures("acme");
    List<String> handed = new ArrayList<>();
    assertThat(failures.page("complete", handed::add, "page 1")).isEqualTo("complete");
    assertThat(handed).isEmpty();

    failures.add(new MalformedResponseException("acme", "data[1]: missing required field 'currency'"));

    assertThatThrownBy(() -> failures.page("partial", handed::add, "page 2"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("acme: data[1]: missing required field 'currency'");
    assertThat(handed).containsExactly("partial");
    assertThatThrownBy(() -> failures.page("partial", null, "page 2")).isInstanceOf(MalformedResponseException.class);
  }

  @Test void partialReturnsTheAnswerOfAFetchThatSucceeds() {
    List<String> answer = failures.<List<String>>partial(sink -> List.of("a", "b"));
    assertThat(answer).containsExactly("a", "b");
    assertThat(failures.count()).isZero();
  }

  @Test void partialRecordsTheFailureAndReturnsThePartGivenBeforeIt() {
    MalformedResponseException bad = item("data[1]");
    List<String> part = failures.<List<String>>partial(sink -> {
      sink.accept(List.of("a", "c"));
      throw bad;
    });

    assertThat(part).containsExactly("a", "c");
    assertThat(failures.count()).isEqualTo(1);
    assertThatThrownBy(() -> failures.throwIfAny("page 1")).isSameAs(bad);
  }

  @Test void partialRethrowsAMalformedAnswerThatGaveNoPart() {
    MalformedResponseException bad = item("pagination");
    assertThatThrownBy(() -> failures.<String>partial(sink -> {
      throw bad;
    })).isSameAs(bad);
    assertThat(failures.count()).isZero();
  }

  @Test void partialRethrowsOtherFailuresEvenAfterAPart() {
    ProviderException down = new ProviderException("acme", "HTTP 503", 503, null, null, true, null);
    assertThatThrownBy(() -> failures.<List<String>>partial(sink -> {
      sink.accept(List.of("a"));
      throw down;
    })).isSameAs(down);
    assertThat(failures.count()).isZero();
  }

  @Test void partialIgnoresAPartWhenTheFetchThenSucceeds() {
    List<String> answer = failures.<List<String>>partial(sink -> {
      sink.accept(List.of("part"));
      return List.of("whole");
    });
    assertThat(answer).containsExactly("whole");
    assertThat(failures.count()).isZero();
  }

  @Test void partialGivesEachCallASinkOfItsOwn() throws Exception {
    int calls = 8;
    CountDownLatch allGavePart = new CountDownLatch(calls);
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      List<Future<String>> parts = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        String name = "page-" + i;
        parts.add(pool.submit(() -> failures.<String>partial(sink -> {
          sink.accept(name);
          allGavePart.countDown();
          try {
            // Every call has given its part before any throws: a shared holder would be overwritten.
            if (!allGavePart.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("timeout");
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          throw item(name);
        })));
      }
      for (int i = 0; i < calls; i++) {
        assertThat(parts.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("page-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures.count()).isEqualTo(calls);
  }

  @Test void aPagesCombinedFailureCountsEachOfItsItems() {
    ItemFailures page = new ItemFailures("acme");
    page.add(item("data[1]"));
    page.add(item("data[3]"));
    for (int p = 1; p <= 2; p++) {
      String where = "page " + p;
      failures.<String>partial(sink -> {
        sink.accept("readable");
        page.throwIfAny(where);
        return "unreachable";
      });
    }

    assertThat(failures.count()).isEqualTo(4);
    assertThatThrownBy(() -> failures.throwIfAny("the listing"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("the listing: items could not be read (4 failures): page 1: items could not")
        .hasMessageContaining("page 2: items could not be read (2 failures)");
  }

  @Test void aSinglePagesCombinedFailureIsThrownAsItIs() {
    ItemFailures page = new ItemFailures("acme");
    page.add(item("data[1]"));
    page.add(item("data[3]"));
    MalformedResponseException[] thrown = new MalformedResponseException[1];
    failures.<String>partial(sink -> {
      sink.accept("readable");
      try {
        page.throwIfAny("page 1");
      } catch (MalformedResponseException e) {
        thrown[0] = e;
        throw e;
      }
      return "unreachable";
    });

    assertThat(failures.count()).isEqualTo(2);
    assertThatThrownBy(() -> failures.throwIfAny("the listing")).isSameAs(thrown[0]);
  }

  // reportAtEnd

  @Test void reportAtEndDeliversEveryItemThenThrowsForTheRecordedOnes() {
    MalformedResponseException bad = item("data[1]");
    List<String> seen = new ArrayList<>();
    Stream<String> items = Stream.of("a", "b").peek(x -> {
      if (x.equals("b")) failures.add(bad);
    });

    assertThatThrownBy(() -> failures.reportAtEnd(items).forEach(seen::add)).isSameAs(bad);
    assertThat(seen).containsExactly("a", "b");
  }

  @Test void reportAtEndAttachesTheRecordedItemsToAPageLevelFailure() {
    MalformedResponseException first = item("data[1]");
    MalformedResponseException second = item("data[4]");
    MalformedResponseException pageFailure = new MalformedResponseException("acme",
        "empty page claims more");
    List<String> seen = new ArrayList<>();
    Stream<String> items = Stream.of("a", "b", "c").map(x -> {
      if (x.equals("a")) failures.add(first);
      if (x.equals("b")) failures.add(second);
      if (x.equals("c")) throw pageFailure;
      return x;
    });

    assertThatThrownBy(() -> failures.reportAtEnd(items).forEach(seen::add)).isSameAs(pageFailure);
    assertThat(seen).containsExactly("a", "b");
    assertThat(pageFailure.getSuppressed()).containsExactly(first, second);
  }

  @Test void reportAtEndLeavesAPageLevelFailureAloneWhenNoItemFailed() {
    IllegalStateException closed = new IllegalStateException("closed");
    Stream<String> items = Stream.of("a", "b").map(x -> {
      if (x.equals("b")) throw closed;
      return x;
    });

    assertThatThrownBy(() -> failures.reportAtEnd(items).forEach(x -> { })).isSameAs(closed);
    assertThat(closed.getSuppressed()).isEmpty();
  }

  @Test void reportAtEndLeavesTheConsumersOwnFailureAlone() {
    failures.add(item("data[1]"));
    IllegalArgumentException consumers = new IllegalArgumentException("consumer");

    assertThatThrownBy(() -> failures.reportAtEnd(Stream.of("a")).forEach(x -> {
      throw consumers;
    })).isSameAs(consumers);
    assertThat(consumers.getSuppressed()).isEmpty();
  }
}
