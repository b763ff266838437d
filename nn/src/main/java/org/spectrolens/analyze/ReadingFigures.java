package org.spectrolens.analyze;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectrolens.analyze.Readings.ClassTruth;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.render.PanelFigure.Panel;
import org.spectrolens.render.SpectrogramImage;
import org.spectrolens.render.Track;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.spectrogram.TimeAxis;

/** The PNG figures of an {@link AcousticReading}. */
public final class ReadingFigures {
  private ReadingFigures() {}

  /**
   * One panel per class: each method's band profile (share of map mass per band, the energy
   * reference dashed) with the class's median F0, F1, F2, F3 from the truth as vertical markers.
   */
  public static void bandProfiles(Path png, AcousticReading a) {
    List<Panel> panels = new ArrayList<>();
    double[] x = a.bands().stream().mapToDouble(FrequencyBand::centreHz).toArray();
    for (String cls : a.classes()) {
      XYChart chart = new XYChartBuilder().width(520).height(340).title("/" + cls + "/").xAxisTitle("Hz")
          .yAxisTitle("share of map mass").build();
      chart.getStyler().setChartBackgroundColor(Color.WHITE).setMarkerSize(0).setLegendFont(chart.getStyler().getLegendFont()
          .deriveFont(10f));
      double top = 0;
      for (MethodReading m : a.methods().values()) {
        double[] y = m.bandProfile().get(cls);
        if (y == null || java.util.Arrays.stream(y).anyMatch(Double::isNaN)) continue;
        XYSeries s = chart.addSeries(m.method(), x, y);
        if (m.reference()) s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        s.setMarker(SeriesMarkers.NONE);
        for (double v : y) top = Math.max(top, v);
      }
      ClassTruth t = a.classTruth().get(cls);
      if (t != null && top > 0) {
        String[] names = {"F0", "F1", "F2", "F3"};
        double[] hz = {t.f0(), t.f1(), t.f2(), t.f3()};
        for (int k = 0; k < 4; k++) {
          if (Double.isNaN(hz[k])) continue;
          XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s %.0f Hz", names[k], hz[k]), new double[] {hz[k], hz[k]},
              new double[] {0, top});
          s.setLineColor(Color.GRAY);
          s.setMarker(SeriesMarkers.NONE);
          s.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {2, 3}, 0));
        }
      }
      panels.add(new Panel(BitmapEncoder.getBufferedImage(chart), ""));
    }
    PanelFigure.defaults().withColumns(Math.min(3, panels.size()))
        .withTitle("Band profiles (" + a.task() + ", " + a.split() + ", truth: " + a.truth() + ")").write(panels, png);
  }

  /** The time axis's title of class-mean maps whose segments were resized to one width. */
  static final String RELATIVE_TIME = "Relative time in segment (0-1)";

  /**
   * Class-mean maps: one row per method (energy first), one column per class, axes in Hz and s.
   * Where segments of different lengths were resized to the grid's width, a column is not the same
   * time in every item, so the axis is relative time within the segment, 0 to 1 (issue 25). Rows
   * above the sources' Nyquist frequency lie above a red line.
   */
  public static void classMeans(Path png, AcousticReading a, FrequencyAxis rows, SpectrogramSpec spec) {
    List<Panel> panels = new ArrayList<>();
    double[] cs = a.columnSeconds();
    int w = cs.length;
    boolean relative = a.stretched();
    TimeAxis time = relative ? TimeAxis.of(0.5 / w, 1.0 / w, w) : TimeAxis.of(cs[0], w > 1 ? cs[1] - cs[0] : 0.01, w);
    for (MethodReading m : a.methods().values()) {
      for (int c = 0; c < a.classes().size(); c++) {
        Spectrogram s = new Spectrogram(m.classMeans()[c], rows, time, spec);
        List<Track> marks = new ArrayList<>(formantMarks(a.classTruth().get(a.classes().get(c)), time, rows));
        if (a.signalTopHz() != null) {
          marks.add(Track.constant("no signal above", a.signalTopHz(), time.start(), time.seconds(Math.max(1, w - 1)))
              .withColor(NO_SIGNAL));
        }
        SpectrogramImage style = SpectrogramImage.defaults().withFigureSize(300, 240).withColorBar(false).withTracks(marks);
        panels.add(Panel.of((relative ? style.withTimeTitle(RELATIVE_TIME) : style).render(s), m.method() + " /" + a.classes().get(c) + "/"));
      }
    }
    String title = relative ? "Class-mean maps (segments resized to " + w + " columns: time relative to each segment)"
        : "Class-mean maps (time from segment start)";
    PanelFigure.defaults().withColumns(a.classes().size()).withTitle(title).write(panels, png);
  }

  /** The colour of the line above which rows hold no signal of the sources. */
  static final int NO_SIGNAL = 0xFF3030;

  /**
   * The class's median F1, F2 and F3 as dashed cyan lines across the map (those inside the band):
   * where the class-mean map should be bright if the model listens to the formants.
   */
  static List<Track> formantMarks(ClassTruth truth, TimeAxis time, FrequencyAxis rows) {
    List<Track> out = new ArrayList<>();
    if (truth == null) return out;
    double t0 = time.start();
    double t1 = time.seconds(Math.max(1, time.length() - 1));
    double[] hz = {truth.f1(), truth.f2(), truth.f3()};
    for (int k = 0; k < hz.length; k++) {
      if (!(hz[k] >= rows.lowerEdgeHz(0) && hz[k] <= rows.upperEdgeHz(rows.length() - 1))) continue;
      out.add(Track.constant("F" + (k + 1), hz[k], t0, t1).withColor(0x00E5FF));
    }
    return out;
  }

  /** The model's confusion matrix (row-normalised) beside each method's class-mean overlap matrix. */
  public static void confusionAndOverlap(Path png, AcousticReading a) {
    List<Panel> panels = new ArrayList<>();
    panels.add(new Panel(heatMap("confusion (rows: true)", a.classes(), a.confusionNormalized()), ""));
    for (MethodReading m : a.methods().values()) {
      int k = a.classes().size();
      double[][] overlap = new double[k][k];
      for (int i = 0; i < k; i++) overlap[i][i] = 1;
      for (Readings.Pair p : m.confusionOverlap().pairs()) {
        int i = a.classes().indexOf(p.a()), j = a.classes().indexOf(p.b());
        overlap[i][j] = overlap[j][i] = p.overlap();
      }
      String title = String.format(Locale.ROOT, "%s overlap (rho %.2f, p %.3f)", m.method(), m.confusionOverlap().spearman(),
          m.confusionOverlap().permutationP());
      panels.add(new Panel(heatMap(title, a.classes(), overlap), ""));
    }
    PanelFigure.defaults().withColumns(Math.min(4, panels.size())).withTitle("Confusion against class-mean map overlap")
        .write(panels, png);
  }

  private static BufferedImage heatMap(String title, List<String> classes, double[][] values) {
    int k = classes.size();
    HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(360, 60 * k + 160)).height(Math.max(330, 60 * k + 130))
        .title(title).build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(1);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 48, 107)});
    chart.getStyler().setHeatMapValueDecimalPattern("0.00");
    chart.getStyler().setLegendVisible(false);
    List<String> y = new ArrayList<>(classes);
    java.util.Collections.reverse(y);
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < k; t++) for (int p = 0; p < k; p++) cells.add(new Number[] {p, k - 1 - t, values[t][p]});
    chart.addSeries("v", classes, y, cells);
    return BitmapEncoder.getBufferedImage(chart);
  }
}
