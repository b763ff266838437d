package org.spectrolens.judge;

/**
 * A metric that scores each map of a batch on its own ({@link #perSample}); the batch's score is
 * the mean over the samples that have one (NaN samples, e.g. a constant map's correlation, are
 * left out).
 */
public interface MapMetric extends Metric {
  /** One score per sample of {@code batch}, NaN where undefined. */
  double[] perSample(Judged batch);

  /** The mean of {@link #perSample}, ignoring NaN; NaN when no sample has a score. */
  default double score(Judged batch) {
    return Stats.mean(perSample(batch));
  }
}
