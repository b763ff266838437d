package org.spectrolens.truth;

import java.util.Arrays;

/**
 * F0 and F1-F3 with their bandwidths over one segment of a recording, on a uniform frame grid.
 * Values are read at a time from the nearest frame (no interpolation, so no value is invented
 * across a voicing gap); outside [start, end] nothing is defined.
 *
 * @param source the recording (as in {@code manifest.csv})
 * @param origin where the tracks came from
 * @param start segment start, seconds in the source
 * @param end segment end, seconds in the source
 * @param times frame centres, seconds in the source, ascending, uniformly spaced
 * @param f0 F0 per frame in Hz, NaN where unvoiced
 * @param formants [frame][0..2] F1, F2, F3 in Hz, NaN where undefined
 * @param bandwidths [frame][0..2] B1, B2, B3 in Hz, NaN where undefined
 */
public record SegmentTruth(String source, TruthSource origin, double start, double end, double[] times,
    double[] f0, double[][] formants, double[][] bandwidths) {

  /** Formants carried per frame (F1..F3). */
  public static final int FORMANTS = 3;

  public SegmentTruth {
    if (f0.length != times.length || formants.length != times.length || bandwidths.length != times.length) {
      throw new IllegalArgumentException("one F0, formant row and bandwidth row per frame time");
    }
    if (!(end >= start)) throw new IllegalArgumentException("segment end " + end + " before start " + start);
  }

  public int frameCount() {
    return times.length;
  }

  /** F0 in Hz at time t (seconds in the source), NaN where unvoiced or outside the segment. */
  public double f0At(double t) {
    int i = frameAt(t);
    return i < 0 ? Double.NaN : f0[i];
  }

  /** Formant {@code k} (1 = F1 .. 3) in Hz at time t, NaN where undefined or outside the segment. */
  public double formantAt(int k, double t) {
    checkFormant(k);
    int i = frameAt(t);
    return i < 0 ? Double.NaN : formants[i][k - 1];
  }

  /** Bandwidth {@code k} (1 = B1 .. 3) in Hz at time t, NaN where undefined or outside the segment. */
  public double bandwidthAt(int k, double t) {
    checkFormant(k);
    int i = frameAt(t);
    return i < 0 ? Double.NaN : bandwidths[i][k - 1];
  }

  /** Median of formant k (1..3) over the segment's frames, ignoring NaN; NaN if none. */
  public double medianFormant(int k) {
    checkFormant(k);
    return median(Arrays.stream(formants).mapToDouble(r -> r[k - 1]).toArray());
  }

  /** Median F0 over the segment's voiced frames; NaN if none is voiced. */
  public double medianF0() {
    return median(f0);
  }

  /** Fraction of the segment's frames that are voiced (NaN without frames). */
  public double voicedFraction() {
    if (times.length == 0) return Double.NaN;
    return Arrays.stream(f0).filter(v -> !Double.isNaN(v)).count() / (double) times.length;
  }

  /**
   * Index of the frame nearest to t, or -1 when t lies outside [start, end] or farther than half
   * a frame step (or, with one frame, 5 ms) from every frame.
   */
  int frameAt(double t) {
    if (times.length == 0 || t < start - 1e-9 || t > end + 1e-9) return -1;
    int pos = Arrays.binarySearch(times, t);
    int best;
    if (pos >= 0) {
      best = pos;
    } else {
      int hi = -pos - 1;
      int lo = hi - 1;
      if (hi >= times.length) best = lo;
      else if (lo < 0) best = hi;
      else best = (t - times[lo] <= times[hi] - t) ? lo : hi;
    }
    double half = times.length > 1 ? 0.5 * (times[1] - times[0]) + 1e-9 : 0.005;
    return Math.abs(times[best] - t) <= half ? best : -1;
  }

  private static void checkFormant(int k) {
    if (k < 1 || k > FORMANTS) throw new IllegalArgumentException("formant " + k + " outside 1.." + FORMANTS);
  }

  private static double median(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) return Double.NaN;
    return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
  }
}
