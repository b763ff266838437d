package org.spectrolens.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * Named feature columns over time: {@code values[c][t]} is column {@code names.get(c)} at the frame
 * centred {@code times.seconds(t)} s. A multi-valued feature has numbered or named columns
 * ({@code contrast_0..contrast_6}, {@code chroma_C..chroma_B}).
 *
 * @param times the frames' centres in seconds
 * @param names one per column
 * @param values [column][frame]
 */
public record FeatureTrack(TimeAxis times, List<String> names, float[][] values) {
  public FeatureTrack {
    Objects.requireNonNull(times, "times");
    names = List.copyOf(names);
    if (values.length != names.size()) throw new IllegalArgumentException(values.length + " columns but " + names.size() + " names");
    for (float[] v : values) {
      if (v.length != times.length()) throw new IllegalArgumentException("a column of " + v.length + " frames, the time axis has " + times.length());
    }
  }

  /** One column. */
  public static FeatureTrack of(TimeAxis times, String name, float[] values) {
    return new FeatureTrack(times, List.of(name), new float[][] {values});
  }

  /** Columns {@code prefix_0 .. prefix_{n-1}}. */
  public static FeatureTrack numbered(TimeAxis times, String prefix, float[][] values) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.length; i++) names.add(prefix + "_" + i);
    return new FeatureTrack(times, names, values);
  }

  public int columns() {
    return names.size();
  }

  public int frames() {
    return times.length();
  }

  /** The column named {@code name}. */
  public float[] column(String name) {
    int i = names.indexOf(name);
    if (i < 0) throw new IllegalArgumentException("no column '" + name + "' among " + names);
    return values[i];
  }

  /** These columns followed by {@code other}'s (same frames). */
  public FeatureTrack concat(FeatureTrack other) {
    if (!other.times.equals(times)) throw new IllegalArgumentException("time axes differ: " + times + " and " + other.times);
    List<String> n = new ArrayList<>(names);
    n.addAll(other.names);
    float[][] v = new float[values.length + other.values.length][];
    System.arraycopy(values, 0, v, 0, values.length);
    System.arraycopy(other.values, 0, v, values.length, other.values.length);
    return new FeatureTrack(times, n, v);
  }

  /** A statistic over a column's frames. */
  public enum Statistic {
    /** Arithmetic mean. */
    MEAN,
    /** Population standard deviation (numpy's {@code std}, ddof 0). */
    STD,
    MIN,
    MAX;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    double of(float[] v) {
      double m = 0;
      for (float x : v) m += x;
      m /= v.length;
      switch (this) {
        case MEAN:
          return m;
        case STD: {
          double s = 0;
          for (float x : v) s += (x - m) * (x - m);
          return Math.sqrt(s / v.length);
        }
        case MIN: {
          double lo = Double.POSITIVE_INFINITY;
          for (float x : v) lo = Math.min(lo, x);
          return lo;
        }
        default: {
          double hi = Double.NEGATIVE_INFINITY;
          for (float x : v) hi = Math.max(hi, x);
          return hi;
        }
      }
    }

    /** By id ({@code mean}, {@code std}, {@code min}, {@code max}); null if unknown. */
    public static Statistic byId(String id) {
      for (Statistic s : values()) if (s.id().equals(id)) return s;
      return null;
    }
  }

  /** A fixed-length description of one clip: per column, each statistic in order. */
  public record Summary(List<String> names, double[] values) {}

  /**
   * Per column, then per statistic: names {@code <column>_<statistic>} (e.g. {@code centroid_mean,
   * centroid_std}), so clips with the same features give vectors of the same length and order.
   */
  public Summary summary(List<Statistic> statistics) {
    List<String> n = new ArrayList<>();
    double[] v = new double[names.size() * statistics.size()];
    int i = 0;
    for (int c = 0; c < names.size(); c++) {
      for (Statistic s : statistics) {
        n.add(names.get(c) + "_" + s.id());
        v[i++] = s.of(values[c]);
      }
    }
    return new Summary(n, v);
  }

  /** CSV text: {@code time_s,<names>}, one line per frame, time to 6 decimals, values to 7 significant digits. */
  public String csv() {
    StringBuilder s = new StringBuilder("time_s");
    for (String n : names) s.append(',').append(n);
    s.append('\n');
    for (int t = 0; t < frames(); t++) {
      s.append(String.format(Locale.ROOT, "%.6f", times.seconds(t)));
      for (float[] v : values) s.append(',').append(number(v[t]));
      s.append('\n');
    }
    return s.toString();
  }

  /** A value with 7 significant digits (float precision), without trailing noise. */
  public static String number(double v) {
    if (v == 0) return "0";
    return String.format(Locale.ROOT, "%.7g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
  }
}
