package org.spectrolens.filter;

import org.spectrolens.SpectrolensException;
import org.spectrolens.params.ParameterRecords;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * One filter of the family {@link Filters} lists: a configured operation on a [frequency][time]
 * grid (row 0 the lowest frequency, rows = frequency bins, columns = frames) that returns a grid of
 * the same shape, so the result keeps the input's {@code FrequencyAxis} and {@code TimeAxis}
 * ({@link #apply(Spectrogram)}). A filter works on the values as they are (dB, power, magnitude or
 * an explanation map); one that needs to know which ({@link SpectralSubtraction}) reads the spec.
 * Instances are immutable and thread-safe.
 */
public interface SpectrogramFilter {
  /** The registry id ({@code gaussian}, {@code median}, ...). */
  String id();

  /** The parameter record this filter was built from. */
  Record parameters();

  /** {@code id:name=value,...} with every parameter: what dataset.json records, parsed back by {@link Filters#parse}. */
  default String text() {
    return ParameterRecords.text(id(), parameters());
  }

  /**
   * The rows (frequency bins) and columns (frames) the filter's footprint spans: a grid smaller
   * than this in either direction is refused ({@link #check}).
   */
  int[] footprint();

  /**
   * The filtered values. {@code values} is not modified.
   *
   * @param values [rows][columns], rectangular, at least {@link #footprint()}
   * @param spec the front end that made the values, or null (a map, a bare array)
   */
  float[][] apply(float[][] values, SpectrogramSpec spec);

  /** The filtered spectrogram: same axes and spec, new values. */
  default Spectrogram apply(Spectrogram s) {
    check(s.rows(), s.columns(), null);
    return s.withValues(apply(s.values(), s.spec()));
  }

  /** Refuses a grid smaller than the footprint, naming {@code subject} (the file) in the one-line error. */
  default void check(int rows, int columns, String subject) {
    int[] f = footprint();
    if (rows < f[0] || columns < f[1]) {
      throw new SpectrolensException(subject == null ? id() : subject, String.format(
          "%dx%d (rows x frames) is smaller than the %s filter's %dx%d footprint (%s)", rows, columns, id(), f[0], f[1], text()));
    }
  }
}
