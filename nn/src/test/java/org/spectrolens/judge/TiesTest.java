package org.spectrolens.judge;

import org.spectrolens.judge.metric.MetricRegistry;
import org.spectrolens.judge.metric.localisation.PointingGame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.spectrolens.nn.model.Network;
import org.spectrolens.nn.model.TinyNets;

/**
 * Ties never decide a result: every per-map metric (faithfulness, complexity, localisation) gives
 * the same score when a map made of plateaus is flipped or rolled along either axis together with
 * its input and truth mask. The network reads {@code sum(x^2 / 2)} (a quadratic head with equal
 * weights), so it is indifferent to where a value sits but not to which values are removed: the
 * only way a score could change is a tie decided by position. The maps are 4x4 cells upsampled by
 * cell to 16x16 (plateaus of 16 tied cells; the maximum is one), so every ordering, top-k and
 * maximum crosses ties. The units are 2x2 cells, so flips and even rolls map units onto units.
 */
class TiesTest {
  static final int H = 16;
  static final int W = 16;
  static final int N = 3;

  /** A transform of the [H, W] grid: the cell that moves to position p. */
  record Move(String name, IntUnaryOperator from) {
    float[] apply(float[] a) {
      float[] out = new float[a.length];
      for (int p = 0; p < a.length; p++) out[p] = a[from.applyAsInt(p)];
      return out;
    }

    boolean[] apply(boolean[] a) {
      boolean[] out = new boolean[a.length];
      for (int p = 0; p < a.length; p++) out[p] = a[from.applyAsInt(p)];
      return out;
    }
  }

  static final List<Move> MOVES = List.of(
      new Move("flip frequency", p -> (H - 1 - p / W) * W + p % W),
      new Move("flip time", p -> (p / W) * W + (W - 1 - p % W)),
      new Move("roll frequency by 6", p -> ((p / W + 6) % H) * W + p % W),
      new Move("roll time by 4", p -> (p / W) * W + (p % W + 4) % W));

  static Network network() {
    float[] v = new float[2 * H * W];
    for (int p = 0; p < H * W; p++) {
      v[p] = 0.02f;
      v[H * W + p] = -0.02f;
    }
    return TinyNets.quadratic(1, H, W, v, new float[] {-2.5f, 0});
  }

  /**
   * Plateau maps: a 4x4 grid of seeded values on 4 levels (many ties) upsampled by cell; the
   * maximum, 1, is the block of rows 4-7 and columns 4-7, which the truth masks cut across.
   */
  static float[][] plateauMaps(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] maps = new float[N][H * W];
    for (float[] m : maps) {
      float[] coarse = new float[16];
      for (int k = 0; k < 16; k++) coarse[k] = (float) Math.floor(4 * r.nextDouble()) / 4; // 4 levels: many ties
      coarse[5] = 1;
      for (int p = 0; p < H * W; p++) m[p] = coarse[(p / W / 4) * 4 + (p % W) / 4];
    }
    return maps;
  }

  static float[] inputs(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[N * H * W];
    for (int i = 0; i < x.length; i++) x[i] = (float) (2 * r.nextGaussian());
    return x;
  }

  static boolean[][] truth() {
    boolean[][] t = new boolean[N][H * W];
    for (int i = 0; i < N; i++) for (int p = 0; p < H * W; p++) t[i][p] = p / W >= 2 + i && p / W < 7 + i && p % W < 11;
    return t;
  }

  static Judging judging() {
    // ROAD without its imputation noise: the noise is drawn cell by cell, a random draw rather than a tie
    return Judging.defaults(RemovalUnits.grid(8, 8, H, W)).withStep(0.05).withCorrelation(30, 12).withBatchSize(64).withRoadNoise(0);
  }

  static Map<String, Double> scores(Network net, float[] x, float[][] maps, boolean[][] truth) {
    List<MapMetric> metrics = new ArrayList<>();
    for (String id : MetricRegistry.ids()) if (MetricRegistry.of(id) instanceof MapMetric m) metrics.add(m);
    Judged j = Judged.of(net, new int[] {1, H, W}, x, N, maps, new int[N], null, truth, null, judging());
    return MetricRegistry.score(j, metrics);
  }

  @Test
  void everyMetricIsUnchangedWhenMapInputAndTruthAreFlippedOrRolledTogether() {
    try (Network net = network()) {
      float[] x = inputs(7);
      float[][] maps = plateauMaps(11);
      boolean[][] truth = truth();
      Map<String, Double> before = scores(net, x, maps, truth);
      assertEquals(MetricRegistry.ids().size() - 4, before.size()); // every per-map metric (not the four randomisation tests)
      for (Move move : MOVES) {
        float[] mx = new float[x.length];
        float[][] mm = new float[N][];
        boolean[][] mt = new boolean[N][];
        for (int i = 0; i < N; i++) {
          float[] xi = new float[H * W];
          System.arraycopy(x, i * H * W, xi, 0, H * W);
          System.arraycopy(move.apply(xi), 0, mx, i * H * W, H * W);
          mm[i] = move.apply(maps[i]);
          mt[i] = move.apply(truth[i]);
        }
        Map<String, Double> after = scores(net, mx, mm, mt);
        for (String id : before.keySet()) {
          // ROAD's imputation reads each removed cell's neighbours inside the grid: a roll moves the grid's edges
          if (id.startsWith("road") && move.name().startsWith("roll")) continue;
          // the network sums the same values in another order: float32 rounding, nothing more
          assertEquals(before.get(id), after.get(id), 1e-5 * Math.max(1, Math.abs(before.get(id))), id + " after " + move.name());
        }
      }
    }
  }

  @Test
  void theFirstMaximumByPositionWouldHaveDecidedThePointingGame() {
    // the same maps and masks, scored by the rule spectrolens used before: the first maximum in row order
    float[][] maps = plateauMaps(11);
    boolean[][] truth = truth();
    Move flip = MOVES.get(0);
    int changed = 0;
    for (int i = 0; i < N; i++) {
      if (truth[i][firstMaximum(maps[i])] != flip.apply(truth[i])[firstMaximum(flip.apply(maps[i]))]) changed++;
    }
    assertTrue(changed > 0, "the test maps must be ones where position decides");
    // and the expected rule gives a value strictly between 0 and 1 where the plateau straddles the truth's edge
    Judged j = Judged.of(null, new int[] {1, H, W}, inputs(7), N, maps, new int[N], null, truth, null, judging());
    double[] pg = new PointingGame().perSample(j);
    boolean partial = false;
    for (double v : pg) partial |= v > 0 && v < 1;
    assertTrue(partial, java.util.Arrays.toString(pg));
  }

  @Test
  void expectedHitsInTheTopKShareTheBoundarySlotsAmongTiedCells() {
    float[] a = {5, 3, 3, 3, 3, 1};
    boolean[] mask = {false, true, true, false, false, true};
    // top 3: the 5 (miss), then 2 of the four tied 3s, 2 of which lie in the mask: 2 * 2/4 = 1 expected hit
    assertEquals(1.0, Ties.expectedHitsInTop(a, mask, 3), 1e-12);
    assertEquals(2.0, Ties.expectedHitsInTop(a, mask, 5), 1e-12);
    assertEquals(3.0, Ties.expectedHitsInTop(a, mask, 6), 1e-12);
  }

  @Test
  void contentKeysFollowTheValuesNotThePositions() {
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    int[] units = {0, 0, 1, 1, 2, 2, 3, 3};
    long[] k = Ties.contentKeys(x, 1, units, 4, 9);
    float[] swapped = {4, 3, 2, 1, 8, 7, 6, 5}; // units 0 and 1 exchanged and each reversed inside
    long[] s = Ties.contentKeys(swapped, 1, units, 4, 9);
    assertEquals(k[0], s[1]);
    assertEquals(k[1], s[0]);
    assertEquals(k[2], s[3]);
    assertNotEquals(k[0], k[1]);
    assertNotEquals(k[0], Ties.contentKeys(x, 1, units, 4, 10)[0]); // seeded
  }

  private static int firstMaximum(float[] a) {
    int best = 0;
    for (int p = 1; p < a.length; p++) if (a[p] > a[best]) best = p;
    return best;
  }
}
