package org.spectrolens.nn.data;

import java.util.SplittableRandom;

/**
 * Noise mixing on the spectrogram: each training item gets stationary noise at an SNR drawn from
 * U(minSnrDb, minSnrDb + {@link #SNR_SPAN}) (additive noise at drawn SNRs is the commonest
 * augmentation for robust recognition, e.g. Ko et al. 2017 for speech recognition). Noise adds in
 * power, not in dB: each cell's dB value is turned back to power ({@code 10^(dB/10)}), the noise's
 * power added, and the sum turned back to dB. The SNR is the item's total power over the noise's,
 * over every cell of the grid (its band and its time span).
 *
 * <p>The noise is white or pink alike: a power per row flat or falling as {@code 1/f} (3 dB per
 * octave) over the rows, times an exponential draw of mean 1 per cell (the periodogram of Gaussian
 * noise is chi-squared with two degrees of freedom), scaled so that the item's SNR is the drawn one
 * exactly. The grid holds normalised dB, {@code (dB - mean) / std}; the dB scale's reference does
 * not matter (an SNR is a ratio).
 *
 * @param minSnrDb lowest SNR (dB)
 * @param rowHz centre frequency of every row (Hz, row 0 the lowest)
 * @param mean the grid's normalisation mean (dB)
 * @param std the grid's normalisation: dB per unit of the values
 */
public record NoiseMixing(double minSnrDb, double[] rowHz, double mean, double std) {
  /** SNRs drawn span this many dB above the lowest. */
  public static final double SNR_SPAN = 30;

  public NoiseMixing {
    if (!(minSnrDb >= -30 && minSnrDb <= 60)) throw new IllegalArgumentException("noise SNR must be in [-30, 60] dB, found " + minSnrDb);
    if (!(std > 0)) throw new IllegalArgumentException("std must be positive, found " + std);
  }

  /** Draws an SNR and a colour, and mixes noise into the [H][W] grid (flat, row-major) in place. */
  public void apply(float[] g, int h, int w, SplittableRandom r) {
    double snr = minSnrDb + SNR_SPAN * r.nextDouble();
    boolean pink = r.nextBoolean();
    mix(g, h, w, snr, pink, r);
  }

  /**
   * Mixes noise at {@code snrDb}; {@code fluctuation} draws each cell's exponential factor, or null
   * for the noise's expected power (a smooth floor).
   */
  void mix(float[] g, int h, int w, double snrDb, boolean pink, SplittableRandom fluctuation) {
    if (h != rowHz.length) throw new IllegalArgumentException(h + " rows for " + rowHz.length + " row frequencies");
    double[] noise = new double[h * w];
    double speech = 0;
    double total = 0;
    double lowest = lowestPositiveHz();
    for (int y = 0; y < h; y++) {
      double shape = pink ? lowest / Math.max(lowest, rowHz[y]) : 1;
      for (int x = 0; x < w; x++) {
        int q = y * w + x;
        speech += power(g[q]);
        noise[q] = shape * (fluctuation == null ? 1 : -Math.log(1 - fluctuation.nextDouble()));
        total += noise[q];
      }
    }
    if (!(total > 0) || !(speech > 0)) return;
    double k = speech / Math.pow(10, snrDb / 10) / total;
    for (int q = 0; q < g.length; q++) g[q] = (float) ((10 * Math.log10(power(g[q]) + k * noise[q]) - mean) / std);
  }

  /** The power of a normalised dB value. */
  double power(float v) {
    return Math.pow(10, (v * std + mean) / 10);
  }

  /** The lowest row above 0 Hz (a 1/f shape has no value at 0 Hz; the DC row takes this one's). */
  private double lowestPositiveHz() {
    for (double f : rowHz) if (f > 0) return f;
    return 1;
  }
}
