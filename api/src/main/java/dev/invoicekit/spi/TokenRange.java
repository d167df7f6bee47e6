package dev.invoicekit.spi;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/** The lazy list of {@link PageStreams#tokenRange}: decimal tokens computed on demand. */
final class TokenRange extends AbstractList<String> implements RandomAccess {
  private final long first;
  private final long step;
  private final long count;

  TokenRange(long first, long step, long count) {
    if (count < 0) throw new IllegalArgumentException("count < 0: " + count);
    if (step < 1) throw new IllegalArgumentException("step < 1: " + step);
    if (count > 0) {
      try {
        Math.addExact(first, Math.multiplyExact(step, count - 1));
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("token range overflows a long: " + first + " + " + step
            + " * (" + count + " - 1)");
      }
    }
    this.first = first;
    this.step = step;
    this.count = count;
  }

  @Override public String get(int index) {
    Objects.checkIndex(index, size());
    return Long.toString(first + step * index);
  }

  @Override public int size() {
    return (int) Math.min(count, Integer.MAX_VALUE);
  }

  @Override public Iterator<String> iterator() {
    return new Iterator<>() {
      private long index;

      @Override public boolean hasNext() {
        return index < count;
      }

      @Override public String next() {
        if (index >= count) throw new NoSuchElementException();
        return Long.toString(first + step * index++);
      }
    };
  }
}
