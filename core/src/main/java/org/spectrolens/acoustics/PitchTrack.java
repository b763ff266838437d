package org.spectrolens.acoustics;

/**
 * F0 per analysis frame: frame times (seconds from the clip's first sample) and F0 in Hz, NaN
 * in unvoiced frames.
 */
public final class PitchTrack {
  private final double[] times;
  private final double[] f0;

  /** Arrays are kept, not copied. */
  public PitchTrack(double[] times, double[] f0) {
    if (times.length != f0.length) throw new IllegalArgumentException("one F0 per frame time");
    this.times = times;
    this.f0 = f0;
  }

  public int frameCount() {
    return times.length;
  }

  public double time(int frame) {
    return times[frame];
  }

  /** F0 in Hz of a frame, NaN if unvoiced. */
  public double f0(int frame) {
    return f0[frame];
  }

  public boolean isVoiced(int frame) {
    return !Double.isNaN(f0[frame]);
  }

  /**
   * F0 at time t, linearly interpolated between the two nearest frames; NaN outside the frames
   * or when either neighbour is unvoiced.
   */
  public double at(double seconds) {
    return TrackMath.interpolate(times, f0, seconds);
  }

  /** Median F0 of the voiced frames whose times lie in [from, to]; NaN if none is voiced. */
  public double median(double from, double to) {
    return TrackMath.median(times, f0, from, to);
  }

  /** Fraction of the frames in [from, to] that are voiced (NaN when no frame lies there). */
  public double voicedFraction(double from, double to) {
    int all = 0, voiced = 0;
    for (int i = 0; i < times.length; i++) {
      if (times[i] >= from && times[i] <= to) {
        all++;
        if (!Double.isNaN(f0[i])) voiced++;
      }
    }
    return all == 0 ? Double.NaN : voiced / (double) all;
  }
}
