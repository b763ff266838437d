package org.spectrolens.judge;

import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.Baseline;
import org.spectrolens.judge.result.Masking;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

/**
 * The settings every metric of a batch shares, recorded beside every number ({@link #describe}).
 *
 * @param baseline what masking replaces a removed cell with: {@code x' = b + m (x - b)}; floor by default
 * @param units the removal units (default a 32x32 grid)
 * @param step fraction of the units removed or inserted per step of the deletion and insertion curves, in (0, 1]
 * @param seed seed of every random step (random subsets, imputation noise, random maps)
 * @param batchSize perturbed inputs per forward pass
 * @param roadNoise ROAD: standard deviation of the imputation noise, as a fraction of each input's standard deviation
 * @param correlationRuns Faithfulness Correlation: random subsets per sample (Quantus: 100)
 * @param correlationSubset Faithfulness Correlation: units per subset (Quantus: 224 pixels); capped at half the units
 * @param toleranceHz pointing game: how far in Hz the map's maximum may lie from the truth
 * @param toleranceMs pointing game: how far in ms
 */
public record Judging(Baseline baseline, RemovalUnits units, double step, long seed, int batchSize, double roadNoise,
    int correlationRuns, int correlationSubset,
    @Param(value = "pointing game: tolerance in Hz", min = 0, max = 100_000) double toleranceHz,
    @Param(value = "pointing game: tolerance in ms", min = 0, max = 60_000) double toleranceMs) {

  public Judging {
    if (!(step > 0 && step <= 1)) throw SpectrolensException.ofParameter("step", "must be in (0, 1], got " + step);
    // a cost bound, before any work: a step below one unit removes nothing new, it only repeats forward passes
    int most = units == null ? Integer.MAX_VALUE : Math.max(100, units.count());
    if (Math.ceil(1 / step - 1e-9) > most) {
      throw SpectrolensException.ofParameter("step", String.format(java.util.Locale.ROOT,
          "%s would measure each curve at %.0f points, each a forward pass per input; at most %d (one per removal unit, or 100),"
              + " so at least %s", Params.number(step), Math.ceil(1 / step - 1e-9) + 1, most, Params.number(1.0 / most)));
    }
    if (batchSize < 1) throw SpectrolensException.ofParameter("batch_size", "must be at least 1");
    Params.check(Judging.class, "toleranceHz", toleranceHz);
    Params.check(Judging.class, "toleranceMs", toleranceMs);
  }

  /** Floor baseline, the given units, 1% steps, seed 0, 128 inputs per pass, Quantus's ROAD and correlation defaults. */
  public static Judging defaults(RemovalUnits units) {
    return new Judging(Baseline.FLOOR, units, 0.01, 0, 128, 0.01, 100, 224, 0, 0);
  }

  public Judging withBaseline(Baseline b) {
    return new Judging(b, units, step, seed, batchSize, roadNoise, correlationRuns, correlationSubset, toleranceHz, toleranceMs);
  }

  public Judging withStep(double s) {
    return new Judging(baseline, units, s, seed, batchSize, roadNoise, correlationRuns, correlationSubset, toleranceHz, toleranceMs);
  }

  public Judging withSeed(long s) {
    return new Judging(baseline, units, step, s, batchSize, roadNoise, correlationRuns, correlationSubset, toleranceHz, toleranceMs);
  }

  public Judging withBatchSize(int b) {
    return new Judging(baseline, units, step, seed, b, roadNoise, correlationRuns, correlationSubset, toleranceHz, toleranceMs);
  }

  public Judging withRoadNoise(double noise) {
    return new Judging(baseline, units, step, seed, batchSize, noise, correlationRuns, correlationSubset, toleranceHz, toleranceMs);
  }

  public Judging withCorrelation(int runs, int subset) {
    return new Judging(baseline, units, step, seed, batchSize, roadNoise, runs, subset, toleranceHz, toleranceMs);
  }

  public Judging withTolerance(double hz, double ms) {
    return new Judging(baseline, units, step, seed, batchSize, roadNoise, correlationRuns, correlationSubset, hz, ms);
  }

  /** The fractions of units at which the deletion and insertion curves are measured: 0, step, 2 step, ..., 1. */
  public double[] fractions() {
    int k = (int) Math.ceil(1 / step - 1e-9);
    double[] f = new double[k + 1];
    for (int i = 0; i <= k; i++) f[i] = Math.min(1, i * step);
    return f;
  }

  /** The settings by name, for the JSON record beside the numbers (read back through {@link Masking#of}). */
  public Map<String, Object> describe() {
    return masking().settings();
  }

  /** The settings as the result files record them. */
  public Masking masking() {
    return new Masking(baseline.id(), units.name(), units.count(), step, seed, roadNoise, "1, 3, ..., 99", correlationRuns,
        Math.min(correlationSubset, Math.max(1, units.count() / 2)), toleranceHz, toleranceMs);
  }
}
