package org.spectrolens.spectrogram;

import java.util.Objects;

/**
 * Values on a [frequency][time] grid (row 0 = lowest frequency) that always know the Hz of each
 * row and the second of each column. Cropping and resizing transform the axes with the values,
 * so a cell of any derived grid (a model input, an explanation map) reads back in Hz and s.
 * Instances are immutable by convention: methods return new spectrograms and never write into
 * {@link #values()} of this one.
 */
public final class Spectrogram {
  private final float[][] values;
  private final FrequencyAxis frequencies;
  private final TimeAxis times;
  private final SpectrogramSpec spec;

  public Spectrogram(float[][] values, FrequencyAxis frequencies, TimeAxis times, SpectrogramSpec spec) {
    this.values = Objects.requireNonNull(values, "values");
    this.frequencies = Objects.requireNonNull(frequencies, "frequencies");
    this.times = Objects.requireNonNull(times, "times");
    this.spec = spec;
    if (values.length != frequencies.length()) {
      throw new IllegalArgumentException(values.length + " rows but a frequency axis of " + frequencies.length());
    }
    for (float[] row : values) {
      if (row.length != times.length()) {
        throw new IllegalArgumentException("a row of " + row.length + " values but a time axis of " + times.length());
      }
    }
  }

  /** The grid, [frequency][time]. Shared, not copied: do not modify. */
  public float[][] values() {
    return values;
  }

  public FrequencyAxis frequencies() {
    return frequencies;
  }

  public TimeAxis times() {
    return times;
  }

  /** The front-end parameters that produced this spectrogram (null for a derived grid with no spec). */
  public SpectrogramSpec spec() {
    return spec;
  }

  public int rows() {
    return values.length;
  }

  public int columns() {
    return times.length();
  }

  public float value(int row, int column) {
    return values[row][column];
  }

  /** Same axes and spec, new values (e.g. after dB conversion or normalisation). */
  public Spectrogram withValues(float[][] newValues) {
    return new Spectrogram(newValues, frequencies, times, spec);
  }

  public Spectrogram withSpec(SpectrogramSpec newSpec) {
    return new Spectrogram(values, frequencies, times, newSpec);
  }

  /** Rows [from, to) and all columns. */
  public Spectrogram cropRows(int from, int to) {
    float[][] out = new float[to - from][];
    for (int r = from; r < to; r++) out[r - from] = values[r].clone();
    return new Spectrogram(out, frequencies.crop(from, to), times, spec);
  }

  /** Columns [from, to) and all rows. */
  public Spectrogram cropColumns(int from, int to) {
    float[][] out = new float[rows()][];
    for (int r = 0; r < rows(); r++) out[r] = java.util.Arrays.copyOfRange(values[r], from, to);
    return new Spectrogram(out, frequencies, times.crop(from, to), spec);
  }

  /** {@code before} columns of {@code value} added before the first and {@code after} after the last; the time axis extended at its step. */
  public Spectrogram padColumns(int before, int after, float value) {
    if (before < 0 || after < 0) throw new IllegalArgumentException("negative padding " + before + ", " + after);
    int n = columns() + before + after;
    float[][] out = new float[rows()][n];
    for (int r = 0; r < rows(); r++) {
      java.util.Arrays.fill(out[r], value);
      System.arraycopy(values[r], 0, out[r], before, columns());
    }
    return new Spectrogram(out, frequencies, TimeAxis.of(times.seconds(-before), times.step(), n), spec);
  }

  /**
   * Keeps the rows whose centre frequency lies in [minHz, maxHz] (a row exactly at the limit is
   * kept, so {@code --fmax 4000} on 22,050 Hz / n_fft 2048 keeps bin 371 at 3994.4 Hz).
   */
  public Spectrogram cropFrequency(double minHz, double maxHz) {
    if (!(maxHz >= minHz)) throw new IllegalArgumentException("fmax " + maxHz + " below fmin " + minHz);
    int from = 0;
    while (from < rows() && frequencies.hz(from) < minHz - 1e-9) from++;
    int to = rows();
    while (to > from && frequencies.hz(to - 1) > maxHz + 1e-9) to--;
    if (to == from) {
      throw new IllegalArgumentException(String.format("no rows between %.1f and %.1f Hz", minHz, maxHz));
    }
    return cropRows(from, to);
  }

  /** Keeps the columns whose centre time lies in [fromSeconds, toSeconds]. */
  public Spectrogram cropTime(double fromSeconds, double toSeconds) {
    int from = Math.max(0, (int) Math.ceil(times.column(fromSeconds) - 1e-9));
    int to = Math.min(columns(), (int) Math.floor(times.column(toSeconds) + 1e-9) + 1);
    if (to <= from) throw new IllegalArgumentException("no columns between " + fromSeconds + " and " + toSeconds + " s");
    return cropColumns(from, to);
  }

  /** Resized to rows x columns (see {@link GridResize}); the axes follow exactly. */
  public Spectrogram resize(int newRows, int newColumns) {
    return new Spectrogram(GridResize.resize(values, newRows, newColumns),
        frequencies.resize(newRows), times.resize(newColumns), spec);
  }

  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float[] row : values) for (float v : row) m = Math.min(m, v);
    return m;
  }

  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float[] row : values) for (float v : row) m = Math.max(m, v);
    return m;
  }

  @Override
  public String toString() {
    return "Spectrogram[" + rows() + "x" + columns() + ", " + frequencies + ", " + times + "]";
  }
}
