package org.spectrolens.spectrogram;

/**
 * The centre frequency in Hz of every row of a spectrogram (row 0 = lowest). Rows are equally
 * spaced in the {@link FrequencyScale}'s own unit, so the axis stays exact (not re-estimated)
 * through {@link #crop} and {@link #resize}.
 */
public final class FrequencyAxis {
  private final FrequencyScale scale;
  private final UniformAxis warped;

  private FrequencyAxis(FrequencyScale scale, UniformAxis warped) {
    this.scale = scale;
    this.warped = warped;
  }

  /** Rows {@code 0..length-1} at {@code unwarp(start + i*step)} Hz. */
  public static FrequencyAxis of(FrequencyScale scale, double warpedStart, double warpedStep, int length) {
    return new FrequencyAxis(scale, new UniformAxis(warpedStart, warpedStep, length));
  }

  /** STFT bins: row k at {@code k * sampleRate / nFft} Hz, k = 0..nFft/2. */
  public static FrequencyAxis linear(double sampleRate, int nFft) {
    return of(FrequencyScale.LINEAR, 0.0, sampleRate / nFft, nFft / 2 + 1);
  }

  public FrequencyScale scale() {
    return scale;
  }

  public int length() {
    return warped.length();
  }

  /**
   * Centre frequency of row {@code row} (fractional rows allowed), in Hz.
   *
   * @throws IllegalStateException on a {@link FrequencyScale#CEPSTRAL} axis, whose rows are not Hz
   */
  public double hz(double row) {
    if (!scale.isFrequency()) {
      throw new IllegalStateException("rows are cepstral coefficients, not frequencies; use value(row)");
    }
    return scale.unwarp(warped.value(row));
  }

  /**
   * The row's value in the axis's own unit: Hz for frequency scales, the coefficient index for
   * {@link FrequencyScale#CEPSTRAL}. Use this where any axis may come (labels, JSON).
   */
  public double value(double row) {
    return scale.unwarp(warped.value(row));
  }

  /** "Hz", or "coefficient" on a cepstral axis. */
  public String unit() {
    return scale.isFrequency() ? "Hz" : "coefficient";
  }

  /** Cepstral axis: rows 0..n-1 are coefficients 0..n-1. */
  public static FrequencyAxis cepstral(int coefficients) {
    return of(FrequencyScale.CEPSTRAL, 0.0, 1.0, coefficients);
  }

  /** All row centres in Hz. */
  public double[] hz() {
    double[] out = new double[length()];
    for (int i = 0; i < out.length; i++) out[i] = hz(i);
    return out;
  }

  /** The fractional row whose centre is {@code hz}; inverse of {@link #hz(double)}. */
  public double row(double hz) {
    return warped.position(scale.warp(hz));
  }

  /** Lower edge of row {@code row}: halfway (in the warped unit) to the row below. */
  public double lowerEdgeHz(int row) {
    return hz(row - 0.5);
  }

  /** Upper edge of row {@code row}: halfway (in the warped unit) to the row above. */
  public double upperEdgeHz(int row) {
    return hz(row + 0.5);
  }

  /** Warped start value (Hz, mel or log2 Hz) of row 0. */
  public double warpedStart() {
    return warped.start();
  }

  /** Warped distance between neighbouring rows. */
  public double warpedStep() {
    return warped.step();
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
  public FrequencyAxis crop(int from, int to) {
    return new FrequencyAxis(scale, warped.crop(from, to));
  }

  /** The axis after resampling the rows to {@code rows} cells with half-pixel centres. */
  public FrequencyAxis resize(int rows) {
    return new FrequencyAxis(scale, warped.resize(rows));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FrequencyAxis f && f.scale == scale && f.warped.equals(warped);
  }

  @Override
  public int hashCode() {
    return scale.hashCode() * 31 + warped.hashCode();
  }

  @Override
  public String toString() {
    return length() == 0 ? "FrequencyAxis[]"
        : String.format("FrequencyAxis[%s, %d rows, %.2f..%.2f %s]", scale.id(), length(), value(0), value(length() - 1),
            unit());
  }
}
