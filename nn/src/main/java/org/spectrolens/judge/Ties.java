package org.spectrolens.judge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How the judge orders what a map scores equally. No metric decides a tie by position: a coarse
 * map upsampled by cell is a few plateaus of hundreds of tied cells, and taking them top row first
 * made the first row or the last decide results the map says nothing about (a CAM's pointing game
 * of 0 where Quantus, on the same maps, counts 0.9).
 *
 * <p>Two rules, each exact under any flip or roll of the map with its input and truth:
 * <ul>
 *   <li>Where a metric picks (the pointing game, the K top cells of relevance rank) it takes the
 *       expectation over a uniform choice among the tied cells, in closed form.
 *   <li>Where a metric orders units to remove or keep them one by one (deletion, insertion, ROAD,
 *       the top-50% mask) or draws random subsets of them (faithfulness correlation), equally
 *       scored units are ordered by a key that follows their content: a seeded hash of the
 *       multiset of the unit's input values over every channel. Moving the map and the input
 *       together moves the key with them. Units equal in score and in content (the same values,
 *       e.g. cells at the floor) fall back to a seeded permutation of their indices; removing
 *       either changes the input in the same way except for where.
 * </ul>
 */
public final class Ties {
  /** The id of the metric that counts the cells tied at a map's maximum (its per-item counts feed the plateau summaries). */
  public static final String MAX_TIED_CELLS = "max_tied_cells";

  private Ties() {}

  /**
   * One key per unit from its content: the sum over the unit's cells and the input's channels of
   * a 64-bit mix of (seed, channel, value bits). A sum does not depend on the order of the cells,
   * so the key is the same wherever the unit's values are moved.
   *
   * @param input one input, [channels * H * W] flat
   * @param unitOf the unit of each cell, [H*W]
   * @param units number of units
   */
  public static long[] contentKeys(float[] input, int channels, int[] unitOf, int units, long seed) {
    long[] key = new long[units];
    int hw = unitOf.length;
    for (int c = 0; c < channels; c++) {
      long salt = mix(seed * 0x9E3779B97F4A7C15L + c);
      for (int p = 0; p < hw; p++) {
        // +0.0f for -0.0f, so equal values have equal bits
        key[unitOf[p]] += mix(salt ^ Float.floatToIntBits(input[c * hw + p] + 0.0f));
      }
    }
    return key;
  }

  /**
   * Indices from the highest score to the lowest; equal scores by {@code key}, then by a
   * permutation drawn from {@code seed}.
   */
  public static int[] descending(double[] score, long[] key, long seed) {
    int[] shuffle = permutation(score.length, seed);
    return IntStream.range(0, score.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(u -> -score[u]).thenComparingLong(u -> key[u]).thenComparingInt(u -> shuffle[u]))
        .mapToInt(Integer::intValue).toArray();
  }

  /** Indices in the order of their keys (the content order that random subsets are drawn from). */
  public static int[] byKey(long[] key, long seed) {
    return descending(new double[key.length], key, seed);
  }

  /**
   * The expected number of cells of {@code mask} among the {@code k} highest values of {@code a},
   * when ties at the boundary are chosen uniformly: every cell above the k-th value counts, and
   * the slots left at the k-th value are shared by its tied cells in proportion to how many lie
   * in the mask.
   */
  public static double expectedHitsInTop(float[] a, boolean[] mask, int k) {
    if (k <= 0) return 0;
    float[] sorted = a.clone();
    Arrays.sort(sorted);
    float kth = sorted[sorted.length - Math.min(k, a.length)];
    int above = 0;
    int hitsAbove = 0;
    int tied = 0;
    int hitsTied = 0;
    for (int p = 0; p < a.length; p++) {
      if (a[p] > kth) {
        above++;
        if (mask[p]) hitsAbove++;
      } else if (a[p] == kth) {
        tied++;
        if (mask[p]) hitsTied++;
      }
    }
    return hitsAbove + (double) (Math.min(k, a.length) - above) * hitsTied / tied;
  }

  /** How many cells share the map's maximum value (1 for a unique peak). */
  public static int maximumCells(float[] a) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : a) max = Math.max(max, v);
    int n = 0;
    for (float v : a) if (v == max) n++;
    return n;
  }

  private static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int r = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[r];
      p[r] = t;
    }
    return p;
  }

  /** SplitMix64's finaliser: a well-spread 64-bit hash of {@code z}. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
