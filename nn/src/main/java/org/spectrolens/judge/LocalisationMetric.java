package org.spectrolens.judge;

/** A metric against truth masks, which also states its chance level per sample (what a random map scores on average). */
public interface LocalisationMetric extends MapMetric {
  /** The expected score of a map that knows nothing, per sample: the truth region's share of the grid (or of its tolerance zone). */
  double[] chance(Judged batch);

  /** The mean of {@link #chance}, ignoring NaN. */
  default double chanceScore(Judged batch) {
    return Stats.mean(chance(batch));
  }

  /** Each item's truth share of the grid: the chance level of relevance mass and relevance rank. */
  static double[] truthShares(Judged batch) {
    double[] out = new double[batch.n()];
    for (int i = 0; i < out.length; i++) out[i] = share(batch.truth(i));
    return out;
  }

  /** The share of true cells of a mask; NaN when the mask is empty. */
  static double share(boolean[] mask) {
    int k = 0;
    for (boolean b : mask) if (b) k++;
    return k == 0 ? Double.NaN : (double) k / mask.length;
  }
}
