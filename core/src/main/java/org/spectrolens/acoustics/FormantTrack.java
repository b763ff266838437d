package org.spectrolens.acoustics;

/**
 * Formants per analysis frame: frame times (seconds from the clip's first sample) and, per frame,
 * F1..Fn and B1..Bn in Hz, NaN where a frame has fewer formants than n (or none, in silence).
 */
public final class FormantTrack {
  private final double[] times;
  private final double[][] frequencies;
  private final double[][] bandwidths;
  private final int maxFormants;

  /** Arrays are [frame][formant index 0 = F1]; they are kept, not copied. */
  public FormantTrack(double[] times, double[][] frequencies, double[][] bandwidths, int maxFormants) {
    if (frequencies.length != times.length || bandwidths.length != times.length) {
      throw new IllegalArgumentException("one row of formants per frame time");
    }
    this.times = times;
    this.frequencies = frequencies;
    this.bandwidths = bandwidths;
    this.maxFormants = maxFormants;
  }

  public int frameCount() {
    return times.length;
  }

  /** Formant slots per frame (F1..Fn). */
  public int maxFormants() {
    return maxFormants;
  }

  public double time(int frame) {
    return times[frame];
  }

  /** Frequency in Hz of formant {@code formant} (1 = F1) in a frame, NaN if absent. */
  public double frequency(int frame, int formant) {
    return frequencies[frame][formant - 1];
  }

  /** Bandwidth in Hz of formant {@code formant} (1 = B1) in a frame, NaN if absent. */
  public double bandwidth(int frame, int formant) {
    return bandwidths[frame][formant - 1];
  }

  /**
   * F1..Fn at time t, linearly interpolated between the two nearest frames; NaN outside the
   * frames or where either neighbour lacks that formant.
   */
  public double[] at(double seconds) {
    double[] out = new double[maxFormants];
    for (int k = 1; k <= maxFormants; k++) out[k - 1] = at(k, seconds);
    return out;
  }

  /** One formant at time t, as {@link #at(double)}. */
  public double at(int formant, double seconds) {
    return TrackMath.interpolate(times, column(frequencies, formant), seconds);
  }

  /** Median F1..Fn over the frames whose times lie in [from, to], ignoring missing values. */
  public double[] median(double from, double to) {
    double[] out = new double[maxFormants];
    for (int k = 1; k <= maxFormants; k++) out[k - 1] = TrackMath.median(times, column(frequencies, k), from, to);
    return out;
  }

  /** Median bandwidths B1..Bn over [from, to]. */
  public double[] medianBandwidths(double from, double to) {
    double[] out = new double[maxFormants];
    for (int k = 1; k <= maxFormants; k++) out[k - 1] = TrackMath.median(times, column(bandwidths, k), from, to);
    return out;
  }

  private double[] column(double[][] rows, int formant) {
    if (formant < 1 || formant > maxFormants) {
      throw new IllegalArgumentException("formant " + formant + " outside 1.." + maxFormants);
    }
    double[] c = new double[rows.length];
    for (int i = 0; i < rows.length; i++) c[i] = rows[i][formant - 1];
    return c;
  }
}
