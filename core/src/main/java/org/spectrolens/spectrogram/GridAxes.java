package org.spectrolens.spectrogram;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A grid's axes, in the one shape every file records them: the frequency scale, the centre of
 * every row in Hz (row 0 the lowest), and the seconds between columns. {@code explain.json}'s
 * {@code axes} is this record; a spectrogram's {@code .axes.json} holds the same three keys at its
 * top level beside its exact axes and spec ({@link SpectrogramFiles}), so either file reads as a
 * {@code GridAxes}. A column's time also needs its item's first column ({@code items.csv}
 * {@code time_start}), so it is not here. Files written before the keys were one read as well:
 * {@code row_hz} is the old name of {@code frequencies_hz} in {@code explain.json}.
 *
 * @param frequencyScale the rows' scale id ({@code linear}, {@code mel}, ...)
 * @param rowHz centre of each row, Hz; null for cepstral rows (coefficients, not frequencies)
 * @param timeStep seconds between columns; null when the grid has no time axis (a .npy input without one)
 */
@JsonPropertyOrder({"frequency_scale", "frequencies_hz", "time_step"})
public record GridAxes(@JsonProperty("frequency_scale") String frequencyScale,
    @JsonProperty("frequencies_hz") @JsonAlias("row_hz") double[] rowHz, @JsonProperty("time_step") Double timeStep) {

  /** The axes of a grid with these rows and (null for none) columns. */
  public static GridAxes of(FrequencyAxis rows, TimeAxis columns) {
    return new GridAxes(rows.scale().id(), rows.scale().isFrequency() ? rows.hz() : null, columns == null ? null : columns.step());
  }

  /** The axes of {@code s}'s grid. */
  public static GridAxes of(Spectrogram s) {
    return of(s.frequencies(), s.times());
  }

  /**
   * The rows' axis, evenly spaced on their scale from the first to the last row centre; null with
   * fewer than two rows (no spacing to read).
   */
  public FrequencyAxis frequencyAxis() {
    if (rowHz == null || rowHz.length < 2) return null;
    FrequencyScale scale = FrequencyScale.fromId(frequencyScale == null ? "linear" : frequencyScale);
    double w0 = scale.warp(rowHz[0]);
    double step = (scale.warp(rowHz[rowHz.length - 1]) - w0) / (rowHz.length - 1);
    return FrequencyAxis.of(scale, w0, step, rowHz.length);
  }

  /** The columns' axis from {@code start} s, {@code columns} of them; null without a time step. */
  public TimeAxis timeAxis(double start, int columns) {
    return timeStep == null || Double.isNaN(timeStep) ? null : TimeAxis.of(start, timeStep, columns);
  }

  /** Whether the rows are linear in Hz (a cell then has one width in Hz). */
  public boolean linear() {
    return frequencyScale == null || frequencyScale.equals("linear");
  }

  /** The band the rows span, Hz: the row centres plus half a row at each end (linear rows); NaN with fewer than two rows. */
  public double bandHz() {
    if (rowHz == null || rowHz.length < 2) return Double.NaN;
    return (rowHz[rowHz.length - 1] - rowHz[0]) * rowHz.length / (rowHz.length - 1);
  }
}
