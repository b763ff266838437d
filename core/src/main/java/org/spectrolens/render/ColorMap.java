package org.spectrolens.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Colour maps as matplotlib defines them, so a picture made here and one made with matplotlib from
 * the same normalised values have the same colours. Every map is a 256-entry table looked up the
 * way matplotlib's {@code Colormap.__call__} does for floats: {@code t} in [0, 1] selects entry
 * {@code min(255, floor(t * 256))}; each channel is rounded to 8 bits as {@code matplotlib.colors.to_hex}
 * does.
 *
 * <ul>
 *   <li>{@link #VIRIDIS}, {@link #MAGMA}, {@link #INFERNO}: the perceptually uniform maps of Smith
 *       and van der Walt, read from the published tables (resources {@code viridis.csv} etc., CC0).
 *   <li>{@link #GREY}: black to white (matplotlib's {@code gray}).
 *   <li>{@link #JET}: matplotlib's {@code jet}, piecewise linear segments sampled at {@code i/255}.
 *       OpenCV's {@code COLORMAP_JET}, which the seed paper used, is a similar but not identical
 *       table.
 * </ul>
 *
 * <p>{@code t} outside [0, 1] is clamped. NaN has no colour: {@link #rgb} returns {@link #NAN_ARGB},
 * fully transparent, so a NaN cell shows the figure's background (matplotlib's default "bad"
 * colour is likewise transparent).
 */
public enum ColorMap {
  VIRIDIS, MAGMA, INFERNO, GREY, JET;

  /** The colour of NaN: transparent black (alpha 0). */
  public static final int NAN_ARGB = 0x00000000;

  private static final int N = 256;

  /** matplotlib's {@code _jet_data}: (x, value) break points per channel. */
  private static final double[][][] JET_SEGMENTS = {
      {{0.00, 0}, {0.35, 0}, {0.66, 1}, {0.89, 1}, {1.00, 0.5}},
      {{0.000, 0}, {0.125, 0}, {0.375, 1}, {0.640, 1}, {0.910, 0}, {1.000, 0}},
      {{0.00, 0.5}, {0.11, 1}, {0.34, 1}, {0.65, 0}, {1.00, 0}}};

  private volatile int[] table;

  /** Lower-case id for options and file names: "viridis", "magma", "inferno", "grey", "jet". */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The map with this id; "gray" is accepted for "grey". */
  public static ColorMap fromId(String id) {
    String key = id.trim().toLowerCase(java.util.Locale.ROOT);
    if (key.equals("gray")) return GREY;
    for (ColorMap m : values()) if (m.id().equals(key)) return m;
    throw new IllegalArgumentException("unknown colour map '" + id + "' (viridis, magma, inferno, grey, jet)");
  }

  /**
   * Opaque colour {@code 0xFFRRGGBB} of {@code t} (clamped to [0, 1]); {@link #NAN_ARGB} for NaN.
   */
  public int rgb(double t) {
    if (Double.isNaN(t)) return NAN_ARGB;
    int i = t <= 0 ? 0 : t >= 1 ? N - 1 : Math.min(N - 1, (int) (t * N));
    return table()[i];
  }

  /** Colour of {@code value} on the scale {@code vmin..vmax} (a degenerate scale maps to the low end). */
  public int rgb(double value, double vmin, double vmax) {
    if (Double.isNaN(value)) return NAN_ARGB;
    double span = vmax - vmin;
    return rgb(span > 0 ? (value - vmin) / span : 0.0);
  }

  /** The 256 entries, {@code 0xFFRRGGBB}, low end first. */
  public int[] table() {
    int[] t = table;
    if (t == null) {
      t = build();
      table = t;
    }
    return t;
  }

  private int[] build() {
    int[] out = new int[N];
    switch (this) {
      case GREY -> {
        for (int i = 0; i < N; i++) out[i] = argb(i / 255.0, i / 255.0, i / 255.0);
      }
      case JET -> {
        for (int i = 0; i < N; i++) {
          double x = i / 255.0;
          out[i] = argb(segment(JET_SEGMENTS[0], x), segment(JET_SEGMENTS[1], x), segment(JET_SEGMENTS[2], x));
        }
      }
      default -> readTable(out);
    }
    return out;
  }

  private static double segment(double[][] points, double x) {
    for (int k = 1; k < points.length; k++) {
      if (x <= points[k][0]) {
        double x0 = points[k - 1][0];
        double x1 = points[k][0];
        double f = (x - x0) / (x1 - x0);
        return points[k - 1][1] + f * (points[k][1] - points[k - 1][1]);
      }
    }
    return points[points.length - 1][1];
  }

  private void readTable(int[] out) {
    String name = id() + ".csv";
    try (InputStream in = ColorMap.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("colour map table " + name + " missing from the class path");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int i = 0;
      for (String line; (line = r.readLine()) != null; ) {
        line = line.trim();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("red")) continue;
        String[] p = line.split(",");
        if (p.length != 3 || i >= N) throw new IllegalStateException("malformed colour map table " + name);
        out[i++] = argb(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
      }
      if (i != N) throw new IllegalStateException("colour map table " + name + " has " + i + " entries, not " + N);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int argb(double r, double g, double b) {
    return 0xFF000000 | (byte8(r) << 16) | (byte8(g) << 8) | byte8(b);
  }

  /** Rounds a [0, 1] channel to 0..255 (matplotlib's to_hex rounds). */
  private static int byte8(double v) {
    return (int) Math.round(Math.max(0, Math.min(1, v)) * 255.0);
  }
}
