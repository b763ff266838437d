package org.spectrolens.filter;

import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Spectral subtraction with over-subtraction and a spectral floor (Berouti, Schwartz and Makhoul
 * 1979), in the power domain: with N the per-band noise power, every cell P becomes
 * {@code max(P - alpha N, beta N)}. alpha > 1 removes the noise's fluctuations above its mean too;
 * the floor beta N keeps a little noise instead of holes ("musical noise"). Defaults: p = 10,
 * alpha = 3 (the low end of Berouti's 3-6), beta = 0.01 (-20 dB).
 *
 * <p>Noise estimate ({@link NoiseFloor}): per band (row), the {@code percentile}-th percentile p of
 * the power over time, divided by {@code -ln(1 - p/100)}: the p-quantile of a unit-mean exponential,
 * which is how a band of stationary Gaussian noise is distributed in a power STFT. So N is the
 * noise's mean power when at least p% of the band's frames hold noise alone (a source present in
 * more frames, e.g. a steady tone, is taken for noise there). Mel and CQT bands sum several bins and
 * spread less than an exponential, so there N overestimates the mean somewhat (more subtraction).
 *
 * <p>Units: {@code domain=auto} follows the spectrogram's spec: dB is taken to power
 * ({@code 10^(dB/10)}, whatever the spec's power, since 20 log10 |X| = 10 log10 |X|^2) and back
 * ({@code 10 log10(max(P, amin))}, clipped at the spec's top_db below the maximum when it has one);
 * magnitude (power 1) is squared and square-rooted back; power is used as it is. A grid without a
 * spec (a map) is subtracted as it is unless {@code domain=db}. For stationary Gaussian noise alone
 * the share of cells left at the floor is {@code 1 - exp(-alpha)} (the tests check it).
 */
public final class SpectralSubtraction extends FilterBase<SpectralSubtraction.Parameters> {
  /** What the values are. */
  public enum Domain { AUTO, LINEAR, DB }

  /**
   * @param percentile the noise estimate's percentile over time, per band, in (0, 100)
   * @param overSubtraction alpha, how many floors are subtracted
   * @param floor beta, the smallest result as a fraction of the noise floor
   * @param domain auto (the spec decides), linear (power or magnitude), or db (10 log10 power)
   */
  public record Parameters(
      @Param(value = "noise estimate: percentile over time of each band's power, / -ln(1 - p/100)", min = 0.1, max = 99) double percentile,
      @Param(value = "over-subtraction factor alpha (mean noise powers subtracted)", min = 0, max = 100) double overSubtraction,
      @Param(value = "spectral floor beta, as a fraction of the mean noise power", min = 0, max = 1) double floor,
      @Param("the values' unit: auto (from the spec), linear, or db (10 log10 power)") Domain domain) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("spectral-subtraction",
      "per-band noise power (low percentile over time) subtracted with over-subtraction and a spectral floor",
      "Berouti et al. 1979 (closed forms in the tests)", new Parameters(10, 3.0, 0.01, Domain.AUTO), SpectralSubtraction::new);

  public SpectralSubtraction(Parameters p) {
    super(DEFINITION, p);
  }

  /** Works per row on any grid; a percentile needs a few frames to mean anything, so at least 2. */
  @Override
  public int[] footprint() {
    return new int[] {1, 2};
  }

  @Override
  public float[][] apply(float[][] values, SpectrogramSpec spec) {
    if (spec != null && spec.kind() == SpectrogramSpec.Kind.MFCC) {
      throw new SpectrolensException(id(), "needs power, magnitude or dB values, not MFCCs");
    }
    boolean db = p.domain() == Domain.DB || (p.domain() == Domain.AUTO && spec != null && spec.db());
    boolean magnitude = !db && p.domain() == Domain.AUTO && spec != null && spec.power() == 1.0;
    int rows = values.length;
    int cols = values[0].length;
    double[][] x = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double v = values[r][c];
        x[r][c] = db ? Math.pow(10, v / 10.0) : magnitude ? v * v : v;
      }
    }
    double[] noise = NoiseFloor.perBand(x, p.percentile());
    double scale = -Math.log(1 - p.percentile() / 100.0);
    float[][] out = new float[rows][cols];
    double amin = spec != null && spec.amin() > 0 ? spec.amin() : 1e-10;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < rows; r++) {
      double n = noise[r] / scale;
      for (int c = 0; c < cols; c++) {
        double y = Math.max(x[r][c] - p.overSubtraction() * n, p.floor() * n);
        double v = db ? 10 * Math.log10(Math.max(y, amin)) : magnitude ? Math.sqrt(y) : y;
        out[r][c] = (float) v;
        max = Math.max(max, v);
      }
    }
    if (db && spec != null && spec.topDb() > 0) {
      float lowest = (float) (max - spec.topDb());
      for (float[] row : out) for (int c = 0; c < cols; c++) row[c] = Math.max(row[c], lowest);
    }
    return out;
  }
}
