package org.spectrolens.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * How to draw a spectrogram as a picture, and the drawing itself. Low frequencies are at the
 * bottom; frequency ticks sit at round Hz values placed through the spectrogram's own
 * {@code FrequencyAxis} (so a mel or log axis gets non-uniform ticks at the right heights),
 * labelled in Hz, or kHz when the axis reaches 2 kHz; cepstral (MFCC) rows are labelled by coefficient
 * index.
 * Time ticks are in seconds from the {@code TimeAxis} (the clip's offset included).
 *
 * <p>Options are set with the {@code with...} methods, starting from {@link #defaults()}:
 * <pre>{@code
 * SpectrogramImage.defaults().withColorMap(ColorMap.VIRIDIS).withDynamicRange(80)
 *     .withTitle("LJ001-0001").write(spectrogram, Path.of("spec.png"));
 * }</pre>
 *
 * @param colorMap colours of the values (default magma, as librosa's specshow)
 * @param vmin value drawn in the map's low colour; NaN: the data minimum (or vmax - dynamicRange)
 * @param vmax value drawn in the map's high colour; NaN: the data maximum
 * @param dynamicRange when vmin is NaN and this is not, vmin = vmax - dynamicRange (e.g. 80 dB)
 * @param fit what {@code width} and {@code height} size: the whole figure, the data area, or one cell
 * @param width pixels (figure or plot width, or horizontal pixels per time frame)
 * @param height pixels (figure or plot height, or vertical pixels per frequency row)
 * @param title text above the plot; null or empty for none
 * @param colorBar draw a colour bar with value ticks on the right
 * @param colorBarLabel the bar's unit label; null: "dB" for a dB spectrogram (not MFCC), otherwise none
 * @param fontSize tick and axis label size in pixels (the title is 1.2 times larger)
 * @param tracks lines drawn over the data in Hz and seconds (formant or F0 tracks, reference bands)
 * @param timeTitle the time axis's title: "Time (s)", or what the columns are when they are not
 *     seconds (e.g. relative time within segments resized to one width)
 */
public record SpectrogramImage(
    ColorMap colorMap,
    double vmin,
    double vmax,
    double dynamicRange,
    Fit fit,
    int width,
    int height,
    String title,
    boolean colorBar,
    String colorBarLabel,
    float fontSize,
    List<Track> tracks,
    String timeTitle) {
  /** The time axis's title for columns in seconds. */
  public static final String DEFAULT_TIME_TITLE = "Time (s)";

  /** What {@code width} x {@code height} means. */
  public enum Fit {
    /** The whole PNG; the data area gets what the labels leave. */
    FIGURE,
    /** The data area; the PNG grows by the margins. */
    PLOT,
    /** Pixels per grid cell (per time frame x per frequency row); cells are exact integer blocks. */
    CELLS
  }

  public SpectrogramImage {
    Objects.requireNonNull(colorMap, "colorMap");
    Objects.requireNonNull(fit, "fit");
    if (width <= 0 || height <= 0) throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    tracks = List.copyOf(tracks);
    if (timeTitle == null) timeTitle = DEFAULT_TIME_TITLE;
    if (!(fontSize > 0)) throw new IllegalArgumentException("font size must be positive: " + fontSize);
    if (!Double.isNaN(dynamicRange) && !(dynamicRange > 0)) {
      throw new IllegalArgumentException("dynamic range must be positive: " + dynamicRange);
    }
    if (!Double.isNaN(vmin) && !Double.isNaN(vmax) && vmin > vmax) {
      throw new IllegalArgumentException("vmin " + vmin + " above vmax " + vmax);
    }
  }

  /** Magma, data range, an 800x400 figure with a colour bar, 13 px text. */
  public static SpectrogramImage defaults() {
    return new SpectrogramImage(ColorMap.MAGMA, Double.NaN, Double.NaN, Double.NaN, Fit.FIGURE, 800, 400, null,
        true, null, 13f, List.of(), DEFAULT_TIME_TITLE);
  }

  public SpectrogramImage withColorMap(ColorMap map) {
    return new SpectrogramImage(map, vmin, vmax, dynamicRange, fit, width, height, title, colorBar, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  /** Fixed colour scale; NaN for either end takes it from the data. */
  public SpectrogramImage withRange(double lo, double hi) {
    return new SpectrogramImage(colorMap, lo, hi, dynamicRange, fit, width, height, title, colorBar, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  /** Shows only the top {@code range} units (e.g. 80 dB) below the maximum; NaN turns it off. */
  public SpectrogramImage withDynamicRange(double range) {
    return new SpectrogramImage(colorMap, vmin, vmax, range, fit, width, height, title, colorBar, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  /** The whole PNG is {@code w x h} pixels. */
  public SpectrogramImage withFigureSize(int w, int h) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, Fit.FIGURE, w, h, title, colorBar, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  /** The data area is {@code w x h} pixels. */
  public SpectrogramImage withPlotSize(int w, int h) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, Fit.PLOT, w, h, title, colorBar, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  /** Every cell is {@code perFrame} pixels wide and {@code perRow} pixels high. */
  public SpectrogramImage withCellPixels(int perFrame, int perRow) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, Fit.CELLS, perFrame, perRow, title, colorBar,
        colorBarLabel, fontSize, tracks, timeTitle);
  }

  public SpectrogramImage withCellPixels(int pixels) {
    return withCellPixels(pixels, pixels);
  }

  public SpectrogramImage withTitle(String text) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, fit, width, height, text, colorBar, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  public SpectrogramImage withColorBar(boolean show) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, fit, width, height, title, show, colorBarLabel,
        fontSize, tracks, timeTitle);
  }

  public SpectrogramImage withColorBarLabel(String label) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, fit, width, height, title, colorBar, label,
        fontSize, tracks, timeTitle);
  }

  public SpectrogramImage withFontSize(float px) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, fit, width, height, title, colorBar,
        colorBarLabel, px, tracks, timeTitle);
  }

  /** The time axis's title (the time axis's values are drawn as they are). */
  public SpectrogramImage withTimeTitle(String text) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, fit, width, height, title, colorBar,
        colorBarLabel, fontSize, tracks, Objects.requireNonNull(text, "text"));
  }

  /** Lines to draw over the data (replacing any set before). */
  public SpectrogramImage withTracks(List<Track> lines) {
    return new SpectrogramImage(colorMap, vmin, vmax, dynamicRange, fit, width, height, title, colorBar,
        colorBarLabel, fontSize, lines, timeTitle);
  }

  /**
   * The colour scale {vmin, vmax} used for {@code s}: given values, else the finite data range,
   * with the dynamic range applied below the maximum. A grid with no finite value gets {0, 1}; an
   * empty scale (constant data) becomes {v, v + 1}.
   */
  public double[] range(Spectrogram s) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float[] row : s.values()) {
      for (float v : row) {
        if (Float.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    double top = Double.isNaN(vmax) ? hi : vmax;
    double bottom = !Double.isNaN(vmin) ? vmin : !Double.isNaN(dynamicRange) ? top - dynamicRange : Math.min(lo, top);
    // constant data: draw it in the low colour on a unit-wide scale, so the bar still has ticks
    if (bottom == top) top = bottom + 1;
    return new double[] {bottom, top};
  }

  /** Draws {@code s}. */
  public Figure render(Spectrogram s) {
    double[] r = range(s);
    Plot.Bar bar = colorBar ? new Plot.Bar(colorMap, r[0], r[1], barLabel(s)) : null;
    return Plot.draw(this, s.frequencies(), s.times(), indexRows(s), bar, (w, h) -> {
      float[] v = new Sampler(s.rows(), s.columns(), w, h).sample(s.values());
      int[] argb = new int[v.length];
      for (int i = 0; i < v.length; i++) argb[i] = colorMap.rgb(v[i], r[0], r[1]);
      return argb;
    });
  }

  /** Draws {@code s} and writes it as PNG (atomically). */
  public Figure write(Spectrogram s, Path png) {
    Figure fig = render(s);
    fig.writePng(png);
    return fig;
  }

  String barLabel(Spectrogram s) {
    if (colorBarLabel != null) return colorBarLabel;
    boolean decibels = s.spec() != null && s.spec().db() && s.spec().kind() != SpectrogramSpec.Kind.MFCC;
    return decibels ? "dB" : "";
  }

  /** Cepstral rows (MFCC) are coefficients, not frequencies: label them by index. */
  static boolean indexRows(Spectrogram s) {
    return !s.frequencies().scale().isFrequency()
        || (s.spec() != null && s.spec().kind() == SpectrogramSpec.Kind.MFCC);
  }
}
