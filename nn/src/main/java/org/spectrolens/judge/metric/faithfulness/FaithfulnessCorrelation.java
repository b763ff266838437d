package org.spectrolens.judge.metric.faithfulness;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.Judging;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.RemovalUnits;
import org.spectrolens.judge.Stats;
import org.spectrolens.judge.Ties;
import java.util.Set;
import java.util.SplittableRandom;
import org.spectrolens.explain.Baseline;
import org.spectrolens.stats.Correlation;

/**
 * Faithfulness Correlation (Bhatt et al. 2020), as Quantus's {@code FaithfulnessCorrelation}:
 * {@link Judging#correlationRuns} times (Quantus: 100) a random subset of units is set to the
 * baseline; the Pearson correlation, over the runs, between the map's sum over the subset and the
 * drop of the target logit {@code f(x) - f(x')} (Quantus: logits, softmax off). The subsets are
 * drawn from the units listed in the order of their content keys ({@link Ties}), not of their
 * positions, so moving the map and the input together draws the same subsets of content. The
 * default floor baseline is Quantus's "black" (each sample's minimum). Departure: subsets of
 * {@link Judging#correlationSubset} units (Quantus: 224 pixels; capped here at half the units).
 * NaN for a sample whose subset sums or drops are constant. Higher is better.
 */
public final class FaithfulnessCorrelation extends Described implements MapMetric {
  public FaithfulnessCorrelation() {
    super("faithfulness_correlation", Category.FAITHFULNESS, Direction.HIGHER, Set.of(Need.MODEL),
        "Pearson correlation between the map's sum over random unit subsets and the logit drop when they are removed (Bhatt 2020).");
  }

  @Override
  public double[] perSample(Judged j) {
    RemovalUnits units = j.units();
    int runs = j.judging().correlationRuns();
    int c = j.channels();
    int hw = j.height() * j.width();
    int size = c * hw;
    double[] out = new double[j.n()];
    float[] batch = new float[runs * size];
    for (int i = 0; i < j.n(); i++) {
      float[] x = j.input(i);
      float[] b = j.baseline(i);
      float[] map = j.map(i);
      double[] sums = new double[runs];
      int[][] picks = subsets(j, i);
      for (int r = 0; r < runs; r++) {
        float[] removed = units.maskOf(picks[r], picks[r].length);
        float[] keep = new float[hw];
        for (int p = 0; p < hw; p++) {
          keep[p] = 1 - removed[p];
          if (removed[p] > 0) sums[r] += map[p];
        }
        Baseline.mask(x, b, keep, c, hw, batch, r * size);
      }
      float[][] logits = j.forward(batch, runs);
      double y = j.logits()[i][j.target(i)];
      double[] drops = new double[runs];
      for (int r = 0; r < runs; r++) drops[r] = y - logits[r][j.target(i)];
      out[i] = Correlation.pearson(sums, drops);
    }
    return out;
  }

  /**
   * The units removed in each run for input {@code i}, [runs][subset]: positions drawn (seeded per
   * input) in the content order of the units, so the same for every map of the batch and moving
   * with the input's content.
   */
  public static int[][] subsets(Judged j, int i) {
    int count = j.units().count();
    int subset = Math.max(1, Math.min(j.judging().correlationSubset(), count / 2));
    SplittableRandom rng = new SplittableRandom(j.judging().seed() * 7_919L + j.key(i));
    int[] content = Ties.byKey(j.unitKeys(i), j.tieSeed(i));
    int[][] out = new int[j.judging().correlationRuns()][];
    for (int r = 0; r < out.length; r++) {
      out[r] = sample(count, subset, rng);
      for (int k = 0; k < subset; k++) out[r][k] = content[out[r][k]];
    }
    return out;
  }

  /** {@code k} distinct indices of 0..n-1 (partial Fisher-Yates). */
  static int[] sample(int n, int k, SplittableRandom rng) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    for (int i = 0; i < k; i++) {
      int r = i + rng.nextInt(n - i);
      int t = all[i];
      all[i] = all[r];
      all[r] = t;
    }
    return java.util.Arrays.copyOf(all, k);
  }

  @Override
  public String heading() {
    return "faithfulness corr.";
  }
}
