package dev.invoicekit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class WindowTest {
  @Test void offsetWindowCoversLimitItems() {
    Window window = Window.ofOffset(20, 10, 45);
    assertThat(window).isEqualTo(new Window(20, 30, 45));
    assertThat(window.size()).isEqualTo(10);
    assertThat(window.hasMore()).isTrue();
    assertThat(window.indices()).containsExactly(20, 21, 22, 23, 24, 25, 26, 27, 28, 29);
  }

  @Test void lastWindowIsShortAndHasNoMore() {
    Window window = Window.ofOffset(40, 10, 45);
    assertThat(window.size()).isEqualTo(5);
    assertThat(window.hasMore()).isFalse();
  }

  @Test void windowPastTheEndIsEmpty() {
    Window window = Window.ofOffset(Long.MAX_VALUE, Integer.MAX_VALUE, 45);
    assertThat(window.size()).isZero();
    assertThat(window.hasMore()).isFalse();
    assertThat(Window.ofOffset(0, 10, 0).size()).isZero();
  }

  @Test void pagesCountFromOne() {
    assertThat(Window.ofPage(1, 20, 45)).isEqualTo(new Window(0, 20, 45));
    assertThat(Window.ofPage(3, 20, 45)).isEqualTo(new Window(40, 45, 45));
    assertThat(Window.ofPage(4, 20, 45).size()).isZero();
    assertThat(Window.ofPage(Integer.MAX_VALUE, Integer.MAX_VALUE, 45).size()).isZero();
  }

  @Test void badPagingIsABadRequest() {
    assertThatThrownBy(() -> Window.ofPage(0, 20, 45)).isInstanceOf(SandboxException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> Window.ofPage(1, 0, 45)).isInstanceOf(SandboxException.class)
        .hasMessageContaining("per_page");
    assertThatThrownBy(() -> Window.ofOffset(-1, 10, 45)).isInstanceOf(SandboxException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> Window.ofOffset(0, 0, 45)).isInstanceOf(SandboxException.class)
        .hasMessageContaining("limit");
  }
}
