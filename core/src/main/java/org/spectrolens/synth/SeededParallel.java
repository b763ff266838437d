package org.spectrolens.synth;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * What the synthesisers (speech and scene) share to make a corpus the same however many threads
 * make it: a random stream per (seed, purpose, index), and a parallel loop over indices that stops
 * at the first failure.
 */
public final class SeededParallel {
  private SeededParallel() {}

  /** A random stream for (purpose, index) under {@code seed}: SplitMix64-style mixing. */
  public static SplittableRandom stream(long seed, int purpose, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  /**
   * Runs {@code body} for 0..n-1 on all cores. A failure stops new indices and is rethrown only
   * once every running one has finished, so that nothing writes into a partial output after the
   * caller deletes it.
   */
  public static void forEachIndex(int n, IntConsumer body) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    IntStream.range(0, n).parallel().forEach(i -> {
      if (failure.get() != null) return;
      try {
        body.accept(i);
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      }
    });
    Throwable f = failure.get();
    if (f instanceof RuntimeException r) throw r;
    if (f instanceof Error e) throw e;
  }
}
