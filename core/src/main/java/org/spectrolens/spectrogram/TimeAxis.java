package org.spectrolens.spectrogram;

/**
 * The time in seconds of the centre of every column of a spectrogram. Columns are equally
 * spaced; a centred STFT puts frame t at {@code t*hop/sr}, an uncentred one at
 * {@code (t*hop + nFft/2)/sr}.
 */
public final class TimeAxis {
  private final UniformAxis axis;

  private TimeAxis(UniformAxis axis) {
    this.axis = axis;
  }

  public static TimeAxis of(double startSeconds, double stepSeconds, int length) {
    return new TimeAxis(new UniformAxis(startSeconds, stepSeconds, length));
  }

  /** Frames of an STFT with the given hop; {@code offsetSeconds} is where the clip starts in its file. */
  public static TimeAxis frames(double sampleRate, int hop, int nFft, boolean center, int frames, double offsetSeconds) {
    double first = center ? 0.0 : (nFft / 2.0) / sampleRate;
    return of(offsetSeconds + first, hop / sampleRate, frames);
  }

  public int length() {
    return axis.length();
  }

  /** Centre time of column {@code column} (fractional allowed), in seconds. */
  public double seconds(double column) {
    return axis.value(column);
  }

  public double[] seconds() {
    double[] out = new double[length()];
    for (int i = 0; i < out.length; i++) out[i] = seconds(i);
    return out;
  }

  /** The fractional column centred at {@code seconds}. */
  public double column(double seconds) {
    return axis.position(seconds);
  }

  public double start() {
    return axis.start();
  }

  public double step() {
    return axis.step();
  }

  public TimeAxis crop(int from, int to) {
    return new TimeAxis(axis.crop(from, to));
  }

  public TimeAxis resize(int columns) {
    return new TimeAxis(axis.resize(columns));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeAxis t && t.axis.equals(axis);
  }

  @Override
  public int hashCode() {
    return axis.hashCode();
  }

  @Override
  public String toString() {
    return length() == 0 ? "TimeAxis[]"
        : String.format("TimeAxis[%d columns, %.4f..%.4f s]", length(), seconds(0), seconds(length() - 1));
  }
}
