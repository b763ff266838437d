package org.spectrolens.filter;

import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Spectral subtraction with over-subtraction and a spectral floor (Berouti, Schwartz and Makhoul
 * 1979): with N the per-band noise floor ({@link NoiseFloor}: the {@code percentile}-th percentile
 * over time of each row), every cell X becomes {@code max(X - alpha N, beta N)}. alpha > 1 removes
 * the noise's fluctuations above its floor too; the floor beta N keeps a little noise instead of
 * holes ("musical noise").
 *
 * <p>The subtraction happens in linear units. {@code domain=auto} follows the spectrogram's spec: a
 * dB spectrogram is taken to power ({@code 10^(dB/10)}, whatever the spec's power, since
 * 20 log10 |X| = 10 log10 |X|^2), subtracted, and brought back to dB ({@code 10 log10(max(P, amin))},
 * then clipped at the spec's top_db below the maximum if it has one); a power or magnitude
 * spectrogram is subtracted as it is (power or magnitude subtraction). A grid without a spec (a
 * map) is linear unless {@code domain=db}. For stationary noise alone in a power spectrogram
 * (exponential cells), the share of cells left at the floor is {@code 1 - (1 - p/100)^alpha}.
 */
public final class SpectralSubtraction implements SpectrogramFilter {
  /** What the values are. */
  public enum Domain { AUTO, LINEAR, DB }

  /**
   * @param percentile the noise floor's percentile over time, per band
   * @param overSubtraction alpha, how many floors are subtracted
   * @param floor beta, the smallest result as a fraction of the noise floor
   * @param domain auto (the spec decides), linear (power or magnitude), or db (10 log10 power)
   */
  public record Parameters(
      @Param(value = "noise floor: percentile over time of each band (row)", min = 0, max = 100) double percentile,
      @Param(value = "over-subtraction factor alpha (noise floors subtracted)", min = 0, max = 100) double overSubtraction,
      @Param(value = "spectral floor beta, as a fraction of the noise floor", min = 0, max = 1) double floor,
      @Param("the values' unit: auto (from the spec), linear, or db (10 log10 power)") Domain domain) {}

  public static final FilterDefinition<Parameters> DEFINITION = new FilterDefinition<>("spectral-subtraction",
      "per-band noise floor (percentile over time) subtracted with over-subtraction and a spectral floor",
      "Berouti et al. 1979 (closed forms in the tests)", new Parameters(50, 2.0, 0.01, Domain.AUTO), SpectralSubtraction::new);

  private final Parameters p;

  public SpectralSubtraction(Parameters p) {
    this.p = p;
  }

  @Override
  public String id() {
    return DEFINITION.id();
  }

  @Override
  public Parameters parameters() {
    return p;
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
    int rows = values.length;
    int cols = values[0].length;
    double[][] x = new double[rows][cols];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) x[r][c] = db ? Math.pow(10, values[r][c] / 10.0) : values[r][c];
    double[] noise = NoiseFloor.perBand(x, p.percentile());
    float[][] out = new float[rows][cols];
    double amin = spec != null && spec.amin() > 0 ? spec.amin() : 1e-10;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double y = Math.max(x[r][c] - p.overSubtraction() * noise[r], p.floor() * noise[r]);
        double v = db ? 10 * Math.log10(Math.max(y, amin)) : y;
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
