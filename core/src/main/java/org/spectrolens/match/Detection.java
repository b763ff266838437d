package org.spectrolens.match;

import org.spectrolens.spectrogram.Spectrogram;

/**
 * One template match: the box the template covers where it matched, in the spectrogram's units,
 * and its NCC score. Times are the centres of the box's first and last frames, frequencies the
 * centres of its lowest and highest rows (so a template cut from [t0, t1] by
 * {@link Spectrogram#cropTime} and found at the same place reads back as about [t0, t1]).
 *
 * @param t0 first frame's centre, s
 * @param t1 last frame's centre, s
 * @param f0Hz lowest row's centre, Hz (the coefficient index on a cepstral axis)
 * @param f1Hz highest row's centre, Hz
 * @param score NCC in [-1, 1]
 * @param row the box's lowest row in the spectrogram
 * @param column the box's first column in the spectrogram
 */
public record Detection(double t0, double t1, double f0Hz, double f1Hz, double score, int row, int column) {
  static Detection of(Spectrogram image, int row, int column, int h, int w, double score) {
    return new Detection(image.times().seconds(column), image.times().seconds(column + w - 1),
        image.frequencies().value(row), image.frequencies().value(row + h - 1), score, row, column);
  }
}
