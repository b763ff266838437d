package org.spectrolens.render;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * An explanation map drawn over its spectrogram: the spectrogram in {@code base}'s colour map
 * (grey by default), the map in a second colour map blended with opacity {@code alpha}, the same Hz
 * and seconds axes, and a colour bar for the map. Each output channel is
 * {@code round((1 - alpha) * base + alpha * map)}, so alpha 0 reproduces the spectrogram exactly and
 * alpha 1 shows only the map (what the seed paper's final CAM code wrote). NaN map cells leave the
 * spectrogram uncovered.
 *
 * @param base how the spectrogram is drawn (colour map, range, size, title, font); its own colour
 *     bar setting decides whether the map's bar is drawn
 * @param mapColors colours of the map (default jet, as the seeds' CAM figures)
 * @param alpha opacity of the map, 0..1 (default 0.5)
 * @param mapMin map value drawn in the low colour (default 0)
 * @param mapMax map value drawn in the high colour (default 1)
 * @param mapLabel the map colour bar's label (default "relevance")
 */
public record OverlayImage(
    SpectrogramImage base, ColorMap mapColors, double alpha, double mapMin, double mapMax, String mapLabel) {

  public OverlayImage {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(mapColors, "mapColors");
    if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1]: " + alpha);
    if (!(mapMax > mapMin)) throw new IllegalArgumentException("map range " + mapMin + ".." + mapMax + " is empty");
    mapLabel = mapLabel == null ? "" : mapLabel;
  }

  /** Grey spectrogram, jet map at alpha 0.5 over [0, 1], 800x400 figure with the map's colour bar. */
  public static OverlayImage defaults() {
    return new OverlayImage(SpectrogramImage.defaults().withColorMap(ColorMap.GREY), ColorMap.JET, 0.5, 0, 1,
        "relevance");
  }

  /** The title the thesis figures use: {@code "class (p = 0.93)"}. */
  public static String predictionTitle(String className, double probability) {
    return String.format(Locale.ROOT, "%s (p = %.2f)", className, probability);
  }

  public OverlayImage withBase(SpectrogramImage b) {
    return new OverlayImage(b, mapColors, alpha, mapMin, mapMax, mapLabel);
  }

  public OverlayImage withMapColors(ColorMap map) {
    return new OverlayImage(base, map, alpha, mapMin, mapMax, mapLabel);
  }

  public OverlayImage withAlpha(double a) {
    return new OverlayImage(base, mapColors, a, mapMin, mapMax, mapLabel);
  }

  public OverlayImage withMapRange(double lo, double hi) {
    return new OverlayImage(base, mapColors, alpha, lo, hi, mapLabel);
  }

  public OverlayImage withMapLabel(String label) {
    return new OverlayImage(base, mapColors, alpha, mapMin, mapMax, label);
  }

  public OverlayImage withTitle(String title) {
    return withBase(base.withTitle(title));
  }

  /** Title {@code "class (p = 0.93)"}. */
  public OverlayImage withPrediction(String className, double probability) {
    return withTitle(predictionTitle(className, probability));
  }

  /**
   * Draws {@code map} (same [frequency][time] grid as {@code spectrogram}, values nominally in
   * [mapMin, mapMax]) over the spectrogram.
   */
  public Figure render(Spectrogram spectrogram, float[][] map) {
    int rows = spectrogram.rows();
    int cols = spectrogram.columns();
    if (map.length != rows || (rows > 0 && map[0].length != cols)) {
      throw new IllegalArgumentException(String.format("the map is %dx%d but the spectrogram is %dx%d",
          map.length, map.length == 0 ? 0 : map[0].length, rows, cols));
    }
    for (float[] r : map) {
      if (r.length != cols) throw new IllegalArgumentException("the map's rows differ in length");
    }
    double[] r = base.range(spectrogram);
    Plot.Bar bar = base.colorBar() ? new Plot.Bar(mapColors, mapMin, mapMax, mapLabel) : null;
    return Plot.draw(base, spectrogram.frequencies(), spectrogram.times(), SpectrogramImage.indexRows(spectrogram),
        bar, (w, h) -> {
          Sampler sampler = new Sampler(rows, cols, w, h);
          float[] sv = sampler.sample(spectrogram.values());
          float[] mv = sampler.sample(map);
          int[] out = new int[sv.length];
          for (int i = 0; i < sv.length; i++) {
            int b = onWhite(base.colorMap().rgb(sv[i], r[0], r[1]));
            int m = mapColors.rgb(mv[i], mapMin, mapMax);
            out[i] = (m >>> 24) == 0 ? b : blend(b, m, alpha);
          }
          return out;
        });
  }

  /**
   * Draws a map that has its own axes over the spectrogram, each map cell as the block of the
   * spectrogram it covers in Hz and seconds (nearest cell, no smoothing): a raw 7x7 CAM keeps its
   * native cells, which is what to show beside an upsampled one. The map's frequency scale must be
   * the spectrogram's; pixels outside the map's extent stay uncovered.
   */
  public Figure render(Spectrogram spectrogram, Spectrogram map) {
    FrequencyAxis mf = map.frequencies();
    TimeAxis mt = map.times();
    FrequencyAxis sf = spectrogram.frequencies();
    TimeAxis st = spectrogram.times();
    if (mf.scale() != sf.scale()) {
      throw new IllegalArgumentException("the map's frequency scale is " + mf.scale().id()
          + " but the spectrogram's is " + sf.scale().id());
    }
    double[] r = base.range(spectrogram);
    Plot.Bar bar = base.colorBar() ? new Plot.Bar(mapColors, mapMin, mapMax, mapLabel) : null;
    return Plot.draw(base, sf, st, SpectrogramImage.indexRows(spectrogram), bar, (w, h) -> {
      float[] sv = new Sampler(spectrogram.rows(), spectrogram.columns(), w, h).sample(spectrogram.values());
      int[] mapCol = new int[w];
      for (int x = 0; x < w; x++) {
        double col = (x + 0.5) * st.length() / w - 0.5;
        mapCol[x] = cell(mt.column(st.seconds(col)), mt.length());
      }
      int[] out = new int[sv.length];
      for (int y = 0; y < h; y++) {
        double row = (h - y - 0.5) * sf.length() / h - 0.5;
        int mapRow = cell(mf.row(sf.value(row)), mf.length());
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          int b = onWhite(base.colorMap().rgb(sv[i], r[0], r[1]));
          boolean inside = mapRow >= 0 && mapCol[x] >= 0;
          int m = inside ? mapColors.rgb(map.value(mapRow, mapCol[x]), mapMin, mapMax) : ColorMap.NAN_ARGB;
          out[i] = (m >>> 24) == 0 ? b : blend(b, m, alpha);
        }
      }
      return out;
    });
  }

  /** Nearest cell index of a fractional position, or -1 outside the cells' extent. */
  private static int cell(double position, int length) {
    if (!(position >= -0.5 && position < length - 0.5)) return -1;
    return Math.min(length - 1, (int) Math.floor(position + 0.5));
  }

  /** Draws and writes a PNG (atomically). */
  public Figure write(Spectrogram spectrogram, float[][] map, Path png) {
    Figure fig = render(spectrogram, map);
    fig.writePng(png);
    return fig;
  }

  /** A transparent (NaN) base pixel shows the white background, as in the plain spectrogram. */
  private static int onWhite(int argb) {
    return (argb >>> 24) == 0 ? 0xFFFFFFFF : argb;
  }

  static int blend(int under, int over, double a) {
    int r = mix((under >> 16) & 0xFF, (over >> 16) & 0xFF, a);
    int g = mix((under >> 8) & 0xFF, (over >> 8) & 0xFF, a);
    int b = mix(under & 0xFF, over & 0xFF, a);
    return 0xFF000000 | (r << 16) | (g << 8) | b;
  }

  private static int mix(int u, int o, double a) {
    return (int) Math.round((1 - a) * u + a * o);
  }
}
