package org.spectrolens.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * Lays out and draws one grid plot: the data area, a frame, outward ticks with labels on the
 * frequency (left) and time (bottom) axes, axis titles, an optional title above and an optional
 * colour bar on the right, in the manner of matplotlib's defaults. Margins are measured from the
 * actual label texts so nothing is cut off.
 *
 * <p>Over 300 lines on purpose: the layout (margins measured from the label texts) and the drawing
 * read the same measurements; apart, every figure would have to pass them between the two.
 */
final class Plot {
  private Plot() {}

  /** A colour bar: the map, its value range and a unit label (empty for none). */
  record Bar(ColorMap map, double vmin, double vmax, String label) {}

  /** Produces the data area's pixels (ARGB, row-major from the top-left) once its size is known. */
  @FunctionalInterface
  interface Painter {
    int[] paint(int width, int height);
  }

  /** Tick values and labels chosen for one plot size. */
  private record Axes(boolean kHz, double[] y, String[] yLabels, double[] x, String[] xLabels, double[] bar, String[] barLabels) {}

  private record Margins(int left, int right, int top, int bottom) {}

  static Figure draw(SpectrogramImage style, FrequencyAxis f, TimeAxis t, boolean indexRows, Bar bar,
      Painter painter) {
    return new Plot.Drawing(style, f, t, indexRows, bar).draw(painter);
  }

  private static final class Drawing {
    final SpectrogramImage style;
    final FrequencyAxis f;
    final TimeAxis t;
    final boolean indexRows;
    final Bar bar;
    final int n;
    final int m;
    final Font tickFont;
    final Font titleFont;
    final FontMetrics fm;
    final FontMetrics tfm;
    final int line;
    final int tickLen;
    final int pad;
    final int outer;
    final int gap;
    final int barGap;
    final int barWidth;
    final String xTitle;

    Drawing(SpectrogramImage style, FrequencyAxis f, TimeAxis t, boolean indexRows, Bar bar) {
      this.style = style;
      this.f = f;
      this.t = t;
      this.indexRows = indexRows;
      this.bar = bar;
      this.xTitle = style.timeTitle();
      this.n = f.length();
      this.m = t.length();
      if (n == 0 || m == 0) throw new IllegalArgumentException("cannot draw an empty grid (" + n + "x" + m + ")");
      float fs = style.fontSize();
      tickFont = Canvas.font(fs, false);
      titleFont = Canvas.font(fs * 1.2f, false);
      fm = Canvas.metrics(tickFont);
      tfm = Canvas.metrics(titleFont);
      line = fm.getAscent() + fm.getDescent();
      tickLen = Math.round(fs * 0.35f);
      pad = Math.round(fs * 0.3f);
      outer = Math.round(fs * 0.6f);
      gap = Math.round(fs * 0.5f);
      barGap = Math.round(fs * 1.0f);
      barWidth = Math.round(fs * 1.2f);
    }

    Figure draw(Painter painter) {
      Margins mg = margins(null);
      Axes axes = null;
      int pw = 0;
      int ph = 0;
      for (int pass = 0; pass < 3; pass++) {
        int[] size = plotSize(mg);
        pw = size[0];
        ph = size[1];
        axes = axes(pw, ph);
        mg = margins(axes);
      }
      int[] size = plotSize(mg);
      pw = size[0];
      ph = size[1];
      int width = style.fit() == SpectrogramImage.Fit.FIGURE ? style.width() : mg.left + pw + mg.right;
      int height = style.fit() == SpectrogramImage.Fit.FIGURE ? style.height() : mg.top + ph + mg.bottom;
      Rectangle plot = new Rectangle(mg.left, mg.top, pw, ph);

      BufferedImage img = Canvas.blank(width, height);
      Graphics2D g = Canvas.graphics(img);
      BufferedImage data = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
      data.setRGB(0, 0, pw, ph, painter.paint(pw, ph), 0, pw);
      g.drawImage(data, plot.x, plot.y, null);
      if (!style.tracks().isEmpty()) drawTracks(g, plot);
      g.setColor(Canvas.INK);
      g.drawRect(plot.x - 1, plot.y - 1, pw + 1, ph + 1);
      g.setFont(tickFont);

      List<Tick> yTicks = new ArrayList<>();
      for (int i = 0; i < axes.y.length; i++) {
        double row = indexRows ? axes.y[i] : f.row(axes.y[i]);
        double py = plot.y + ph - (row + 0.5) * ph / n - 0.5;
        int iy = clamp((int) Math.round(py), plot.y, plot.y + ph - 1);
        g.drawLine(plot.x - 1 - tickLen, iy, plot.x - 2, iy);
        double w = Canvas.width(tickFont, axes.yLabels[i]);
        Canvas.text(g, axes.yLabels[i], plot.x - 1 - tickLen - pad - w, iy + 0.5 + Canvas.middleOffset(fm));
        yTicks.add(new Tick(axes.y[i], py, axes.yLabels[i]));
      }
      List<Tick> xTicks = new ArrayList<>();
      int xTickTop = plot.y + ph + 1;
      for (int i = 0; i < axes.x.length; i++) {
        double px = plot.x + (t.column(axes.x[i]) + 0.5) * pw / m - 0.5;
        int ix = clamp((int) Math.round(px), plot.x, plot.x + pw - 1);
        g.drawLine(ix, xTickTop, ix, xTickTop + tickLen - 1);
        double w = Canvas.width(tickFont, axes.xLabels[i]);
        Canvas.text(g, axes.xLabels[i], ix + 0.5 - w / 2, xTickTop + tickLen + pad + fm.getAscent());
        xTicks.add(new Tick(axes.x[i], px, axes.xLabels[i]));
      }
      double xTitleW = Canvas.width(tickFont, xTitle);
      Canvas.text(g, xTitle, plot.x + pw / 2.0 - xTitleW / 2,
          xTickTop + tickLen + pad + line + gap + fm.getAscent());
      String yTitle = indexRows ? "Coefficient" : axes.kHz ? "Frequency (kHz)" : "Frequency (Hz)";
      Canvas.upwards(g, tickFont, yTitle, outer + line / 2.0, plot.y + ph / 2.0);

      List<Tick> barTicks = new ArrayList<>();
      if (bar != null) drawBar(g, plot, axes, barTicks);
      if (style.title() != null && !style.title().isEmpty()) drawTitle(g, plot, width);
      g.dispose();
      return new Figure(img, plot, f, t, yTicks, xTicks, barTicks);
    }

    /** Tracks in continuous Java2D coordinates (pixel i spans [i, i + 1)), clipped to the data area. */
    private void drawTracks(Graphics2D g, Rectangle plot) {
      Graphics2D t = (Graphics2D) g.create();
      t.clip(plot);
      t.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      float w = Math.max(1.5f, style.fontSize() / 8f);
      Font labelFont = Canvas.font(style.fontSize() * 0.9f, false);
      FontMetrics lfm = Canvas.metrics(labelFont);
      t.setFont(labelFont);
      for (Track track : style.tracks()) {
        t.setColor(new Color(track.rgb()));
        t.setStroke(track.dashed()
            ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4 * w, 3 * w}, 0f)
            : new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double[] sec = track.seconds();
        double[] hz = track.hz();
        Path2D.Double path = new Path2D.Double();
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        double[] xs = new double[sec.length];
        double[] ys = new double[sec.length];
        for (int i = 0; i < sec.length; i++) {
          xs[i] = plot.x + (this.t.column(sec[i]) + 0.5) * plot.width / m;
          double row = indexRows ? hz[i] : f.row(hz[i]);
          ys[i] = plot.y + plot.height - (row + 0.5) * plot.height / n;
        }
        for (int i = 0; i < sec.length; i++) {
          if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) continue;
          boolean prev = i > 0 && Double.isFinite(xs[i - 1]) && Double.isFinite(ys[i - 1]);
          boolean next = i + 1 < sec.length && Double.isFinite(xs[i + 1]) && Double.isFinite(ys[i + 1]);
          if (prev) {
            path.lineTo(xs[i], ys[i]);
          } else {
            path.moveTo(xs[i], ys[i]);
          }
          if (!prev && !next) {
            // a point between gaps (one voiced frame) is a dot, as in Praat's formant display
            t.fill(new Ellipse2D.Double(xs[i] - w, ys[i] - w, 2 * w, 2 * w));
          }
          lastX = xs[i];
          lastY = ys[i];
        }
        t.draw(path);
        if (!track.label().isEmpty() && !Double.isNaN(lastX)) {
          double lw = Canvas.width(labelFont, track.label());
          double lx = Math.min(lastX + 4, plot.x + plot.width - lw - 3);
          double ly = lastY - 4;
          if (ly - lfm.getAscent() < plot.y) ly = lastY + lfm.getAscent() + 4;
          // a dark halo keeps a light label legible on the bright end of the colour map
          t.setColor(new Color(0, 0, 0, 140));
          for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) if (dx != 0 || dy != 0) Canvas.text(t, track.label(), lx + dx, ly + dy);
          }
          t.setColor(new Color(track.rgb()));
          Canvas.text(t, track.label(), lx, ly);
        }
      }
      t.dispose();
    }

    private void drawBar(Graphics2D g, Rectangle plot, Axes axes, List<Tick> out) {
      int ph = plot.height;
      int bx = plot.x + plot.width + barGap;
      for (int yy = 0; yy < ph; yy++) {
        g.setColor(new java.awt.Color(bar.map.rgb((ph - yy - 0.5) / ph), true));
        g.drawLine(bx, plot.y + yy, bx + barWidth - 1, plot.y + yy);
      }
      g.setColor(Canvas.INK);
      g.drawRect(bx - 1, plot.y - 1, barWidth + 1, ph + 1);
      double span = bar.vmax - bar.vmin;
      int tx = bx + barWidth + 1;
      double maxW = 0;
      for (int i = 0; i < axes.bar.length; i++) {
        double frac = span > 0 ? (axes.bar[i] - bar.vmin) / span : 0;
        double py = plot.y + ph - frac * ph - 0.5;
        int iy = clamp((int) Math.round(py), plot.y, plot.y + ph - 1);
        g.drawLine(tx, iy, tx + tickLen - 1, iy);
        Canvas.text(g, axes.barLabels[i], tx + tickLen + pad, iy + 0.5 + Canvas.middleOffset(fm));
        maxW = Math.max(maxW, Canvas.width(tickFont, axes.barLabels[i]));
        out.add(new Tick(axes.bar[i], py, axes.barLabels[i]));
      }
      if (!bar.label.isEmpty()) {
        Canvas.upwards(g, tickFont, bar.label, tx + tickLen + pad + maxW + gap + line / 2.0, plot.y + ph / 2.0);
      }
    }

    private void drawTitle(Graphics2D g, Rectangle plot, int width) {
      String title = Canvas.fit(titleFont, style.title(), width - 2.0 * outer);
      double w = Canvas.width(titleFont, title);
      double x = plot.x + plot.width / 2.0 - w / 2;
      x = Math.max(outer, Math.min(width - outer - w, x));
      g.setFont(titleFont);
      Canvas.text(g, title, x, outer + tfm.getAscent());
    }

    private int[] plotSize(Margins mg) {
      int pw;
      int ph;
      switch (style.fit()) {
        case FIGURE -> {
          pw = style.width() - mg.left - mg.right;
          ph = style.height() - mg.top - mg.bottom;
        }
        case PLOT -> {
          pw = style.width();
          ph = style.height();
        }
        default -> {
          pw = style.width() * m;
          ph = style.height() * n;
        }
      }
      if (pw < 4 || ph < 4) {
        throw new IllegalArgumentException(String.format(
            "a %dx%d figure leaves no room for the plot inside its axes and labels", style.width(), style.height()));
      }
      return new int[] {pw, ph};
    }

    private Axes axes(int pw, int ph) {
      double pxPerRow = (double) ph / n;
      double minGapY = Math.max(1.6 * line, ph / 12.0);
      double minLinearGapY = Math.max(1.6 * line, ph / 9.0);
      Ticks.Choice yc = indexRows
          ? Ticks.linear(0, n - 1, pxPerRow, minLinearGapY, true)
          : Ticks.frequency(f, pxPerRow, minGapY, minLinearGapY);
      // kHz once the axis reaches 2 kHz, unless a tick would need three decimals (125 Hz)
      boolean kHz = !indexRows && f.hz(n - 0.5) >= 2000;
      for (double v : yc.values()) kHz &= Ticks.decimals(v / 1000) <= 2;
      String[] yl = Ticks.labels(yc.values(), kHz ? 1000.0 : 1.0, yc.uniformDecimals());

      double t0 = t.seconds(-0.5);
      double t1 = t.seconds(m - 0.5);
      double pxPerSecond = t1 > t0 ? pw / (t1 - t0) : 0;
      double labelW = Canvas.width(tickFont, "0.00");
      Ticks.Choice xc = Ticks.Choice.NONE;
      String[] xl = new String[0];
      for (int pass = 0; pass < 2; pass++) {
        double minGapX = Math.max(labelW + 0.8 * style.fontSize(), pw / 10.0);
        xc = Ticks.linear(Math.min(t0, t1), Math.max(t0, t1), pxPerSecond, minGapX, false);
        xl = Ticks.labels(xc.values(), 1.0, true);
        double widest = 0;
        for (String s : xl) widest = Math.max(widest, Canvas.width(tickFont, s));
        if (widest <= labelW) break;
        labelW = widest;
      }

      double[] bv = new double[0];
      String[] bl = new String[0];
      if (bar != null) {
        double span = bar.vmax - bar.vmin;
        Ticks.Choice bc = span > 0
            ? Ticks.linear(bar.vmin, bar.vmax, ph / span, Math.max(2.0 * line, ph / 8.0), false)
            : new Ticks.Choice(new double[] {bar.vmin}, true);
        bv = bc.values();
        bl = Ticks.labels(bv, 1.0, true);
      }
      return new Axes(kHz, yc.values(), yl, xc.values(), xl, bv, bl);
    }

    private Margins margins(Axes axes) {
      double maxY = axes == null ? Canvas.width(tickFont, "00.0") : widest(axes.yLabels);
      int left = (int) Math.ceil(outer + line + gap + maxY + pad + tickLen + 1);
      int bottom = 1 + tickLen + pad + line + gap + line + outer;
      boolean titled = style.title() != null && !style.title().isEmpty();
      int top = titled ? outer + tfm.getAscent() + tfm.getDescent() + gap : Math.max(outer, line / 2 + 2);
      int right;
      if (bar != null) {
        double maxBar = axes == null ? Canvas.width(tickFont, "\u221200") : widest(axes.barLabels);
        right = (int) Math.ceil(barGap + barWidth + 2 + tickLen + pad + maxBar
            + (bar.label.isEmpty() ? 0 : gap + line) + outer);
      } else {
        double lastX = axes == null || axes.xLabels.length == 0 ? 0
            : Canvas.width(tickFont, axes.xLabels[axes.xLabels.length - 1]);
        right = (int) Math.ceil(Math.max(outer, lastX / 2 + 2));
      }
      return new Margins(left, right, top, bottom);
    }

    private double widest(String[] labels) {
      double w = 0;
      for (String s : labels) w = Math.max(w, Canvas.width(tickFont, s));
      return w;
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
