package org.spectrolens.judge;

import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.MapAxes;

/**
 * What is removed or inserted together when an input is masked: a partition of the input grid
 * [H, W] (row 0 the lowest frequency) into units. A map ranks the units by the mean of its values
 * over each unit's cells. Square image patches cut harmonics arbitrarily, so besides the grid of
 * cells (the thesis's 32x32) a spectrogram can be cut into cells given in Hz x ms, whole
 * frequency bands or whole frames.
 *
 * @param unitOf the unit of each input cell, [H*W] row-major, values 0..count-1
 * @param count number of units
 * @param height rows of the input grid
 * @param width columns of the input grid
 * @param name how the units were made, for the record ({@code grid 32x32}, {@code band 32}, ...)
 */
public record RemovalUnits(int[] unitOf, int count, int height, int width, String name) {

  /** A grid of {@code rows} x {@code columns} cells; cell edges at {@code floor(i * H / rows)}. */
  public static RemovalUnits grid(int rows, int columns, int height, int width) {
    if (rows < 1 || columns < 1) throw SpectrolensException.ofParameter("grid", "needs at least one row and one column, got " + rows + "x" + columns);
    if (rows > height || columns > width) {
      throw SpectrolensException.ofParameter("grid", rows + "x" + columns + " is larger than the input (" + height + "x" + width + ")");
    }
    int[] of = new int[height * width];
    for (int y = 0; y < height; y++) {
      int r = (int) ((long) y * rows / height);
      for (int x = 0; x < width; x++) of[y * width + x] = r * columns + (int) ((long) x * columns / width);
    }
    return new RemovalUnits(of, rows * columns, height, width, "grid " + rows + "x" + columns);
  }

  /** Every input cell on its own. */
  public static RemovalUnits full(int height, int width) {
    RemovalUnits g = grid(height, width, height, width);
    return new RemovalUnits(g.unitOf, g.count, height, width, "full");
  }

  /** {@code bands} whole frequency bands (every column of a band of rows). */
  public static RemovalUnits bands(int bands, int height, int width) {
    RemovalUnits g = grid(bands, 1, height, width);
    return new RemovalUnits(g.unitOf, g.count, height, width, "band " + bands);
  }

  /** {@code frames} whole frames (every row of a span of columns). */
  public static RemovalUnits frames(int frames, int height, int width) {
    RemovalUnits g = grid(1, frames, height, width);
    return new RemovalUnits(g.unitOf, g.count, height, width, "frame " + frames);
  }

  /**
   * Cells of {@code bandHz} x {@code spanMs}: row r falls in band {@code floor(hz(r) / bandHz)},
   * column t in span {@code floor(seconds(t) / spanMs * 1000)} (column index when the axes have
   * no times, i.e. spans of {@code spanMs} columns). A non-positive size takes the whole axis.
   */
  public static RemovalUnits hzByMs(MapAxes axes, double bandHz, double spanMs, int height, int width) {
    if (axes == null) throw SpectrolensException.ofParameter("grid", "cells in Hz x ms need the input's axes");
    int[] band = new int[height];
    for (int y = 0; y < height; y++) band[y] = bandHz > 0 ? (int) Math.floor(axes.frequencies().hz(y) / bandHz) : 0;
    int[] span = new int[width];
    for (int t = 0; t < width; t++) {
      double s = axes.times() == null ? t : axes.times().seconds(t) * 1000;
      span[t] = spanMs > 0 ? (int) Math.floor(s / spanMs) : 0;
    }
    int[] bandIndex = compact(band);
    int[] spanIndex = compact(span);
    int bands = max(bandIndex) + 1;
    int spans = max(spanIndex) + 1;
    int[] of = new int[height * width];
    for (int y = 0; y < height; y++) for (int t = 0; t < width; t++) of[y * width + t] = bandIndex[y] * spans + spanIndex[t];
    String name = String.format(Locale.ROOT, "%sHz x %sms", trim(bandHz), trim(spanMs));
    return new RemovalUnits(of, bands * spans, height, width, name);
  }

  /**
   * Parses a {@code --grid} value against {@code --unit}: {@code RxC} cells (or {@code N} for
   * NxN), {@code full}, or {@code <hz>Hzx<ms>ms} (e.g. {@code 250Hzx20ms}); with unit
   * {@code band} the first number is the number of bands, with {@code frame} the second the
   * number of frames.
   */
  public static RemovalUnits parse(String grid, String unit, MapAxes axes, int height, int width) {
    String g = grid.trim().toLowerCase(Locale.ROOT);
    if (!unit.equals("cell") && !unit.equals("band") && !unit.equals("frame")) {
      throw SpectrolensException.ofParameter("unit", "unknown unit '" + unit + "'; expected cell, band or frame");
    }
    if (g.equals("full")) {
      return switch (unit) {
        case "band" -> bands(height, height, width);
        case "frame" -> frames(width, height, width);
        default -> full(height, width);
      };
    }
    if (g.endsWith("ms") && g.contains("hz")) {
      String[] p = g.split("x");
      try {
        double hz = Double.parseDouble(p[0].replace("hz", ""));
        double ms = Double.parseDouble(p[1].replace("ms", ""));
        if (p.length != 2 || !(hz > 0) || !(ms > 0)) throw new NumberFormatException();
        return switch (unit) {
          case "band" -> hzByMs(axes, hz, 0, height, width);
          case "frame" -> hzByMs(axes, 0, ms, height, width);
          default -> hzByMs(axes, hz, ms, height, width);
        };
      } catch (RuntimeException e) {
        if (e instanceof SpectrolensException s) throw s;
        throw SpectrolensException.ofParameter("grid", "expected e.g. 250Hzx20ms, got '" + grid + "'");
      }
    }
    String[] p = g.split("x");
    int rows;
    int cols;
    try {
      rows = Integer.parseInt(p[0]);
      cols = p.length == 1 ? rows : Integer.parseInt(p[1]);
      if (p.length > 2) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw SpectrolensException.ofParameter("grid", "expected RxC cells (e.g. 32x32), full, or Hz x ms (e.g. 250Hzx20ms), got '" + grid + "'");
    }
    return switch (unit) {
      case "band" -> {
        if (rows > height) throw SpectrolensException.ofParameter("grid", rows + " bands is more than the input's " + height + " rows");
        yield bands(rows, height, width);
      }
      case "frame" -> {
        if (cols > width) throw SpectrolensException.ofParameter("grid", cols + " frames is more than the input's " + width + " columns");
        yield frames(cols, height, width);
      }
      default -> grid(rows, cols, height, width);
    };
  }

  /** The mean of {@code map} ([H*W]) over each unit's cells. */
  public double[] unitMeans(float[] map) {
    double[] sum = new double[count];
    int[] n = new int[count];
    for (int i = 0; i < unitOf.length; i++) {
      sum[unitOf[i]] += map[i];
      n[unitOf[i]]++;
    }
    for (int u = 0; u < count; u++) sum[u] = n[u] == 0 ? 0 : sum[u] / n[u];
    return sum;
  }

  /**
   * The units of {@code map} from most to least relevant, by the map's mean over each unit. Equally
   * relevant units (a binary map's many zeros, a coarse map's plateaus) follow {@code keys}, the
   * units' content keys ({@link #contentKeys}), then a permutation drawn from {@code seed}, never
   * their position: removing tied units top row first would let the rows left at the end decide
   * curves the map says nothing about ({@link Ties}).
   */
  public int[] mostRelevantFirst(float[] map, long[] keys, long seed) {
    return Ties.descending(unitMeans(map), keys, seed);
  }

  /** Each unit's content key for one input ([channels * H * W] flat), as {@link Ties#contentKeys}. */
  public long[] contentKeys(float[] input, int channels, long seed) {
    return Ties.contentKeys(input, channels, unitOf, count, seed);
  }

  /** A cell mask [H*W]: 1 where the cell's unit is among {@code order[0..k)}, else 0. */
  public float[] maskOf(int[] order, int k) {
    boolean[] on = new boolean[count];
    for (int i = 0; i < k; i++) on[order[i]] = true;
    float[] m = new float[unitOf.length];
    for (int i = 0; i < m.length; i++) m[i] = on[unitOf[i]] ? 1 : 0;
    return m;
  }

  private static int[] compact(int[] v) {
    int lo = Integer.MAX_VALUE;
    for (int x : v) lo = Math.min(lo, x);
    int[] out = new int[v.length];
    // indices may skip values (a mel axis's rows jump bands): renumber the values in use
    java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
    for (int x : v) used.add(x - lo);
    java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
    for (int x : used) index.put(x, index.size());
    for (int i = 0; i < v.length; i++) out[i] = index.get(v[i] - lo);
    return out;
  }

  private static int max(int[] v) {
    int m = 0;
    for (int x : v) m = Math.max(m, x);
    return m;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
