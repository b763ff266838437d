package org.spectrolens.spectrogram;

/**
 * The arithmetic shared by both axes: {@code length} cells whose centres are equally spaced,
 * {@code value(i) = start + i * step}. Cropping keeps a run of cells; resizing to n cells with
 * half-pixel centres (as bilinear resizing in torchvision/OpenCV does) maps new cell j to old
 * position {@code (j + 0.5) * length / n - 0.5}, so the new axis is uniform again.
 */
record UniformAxis(double start, double step, int length) {
  UniformAxis {
    if (length < 0) throw new IllegalArgumentException("negative axis length " + length);
    if (!Double.isFinite(start) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("axis start/step must be finite");
    }
  }

  double value(double position) {
    return start + position * step;
  }

  /** The (fractional) position of a value; inverse of {@link #value}. */
  double position(double value) {
    return step == 0 ? 0 : (value - start) / step;
  }

  UniformAxis crop(int from, int to) {
    if (from < 0 || to > length || from > to) {
      throw new IllegalArgumentException("crop [" + from + ", " + to + ") outside axis of " + length);
    }
    return new UniformAxis(value(from), step, to - from);
  }

  UniformAxis resize(int n) {
    if (n <= 0) throw new IllegalArgumentException("resize to " + n + " cells");
    double scale = (double) length / n;
    return new UniformAxis(value(0.5 * scale - 0.5), step * scale, n);
  }
}
