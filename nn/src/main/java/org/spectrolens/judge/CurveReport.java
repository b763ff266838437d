package org.spectrolens.judge;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.render.PanelFigure;

/**
 * The deletion and insertion curves of a {@link Study} as a table ({@code method,curve,class,fraction,value};
 * curve is deletion_prob, insertion_prob, deletion_acc or insertion_acc; class is {@code all} or a
 * class name, the mean over the samples of that true class: the thesis's Figures 3.5 and 3.6)
 * and as a figure with one panel per curve kind, every method and both reference maps.
 */
public final class CurveReport {
  private static final String[] KINDS = {"deletion_prob", "insertion_prob", "deletion_acc", "insertion_acc"};

  private CurveReport() {}

  /**
   * True when one of {@code metrics} reads the deletion or insertion curves; otherwise the curves
   * are not worth their forward passes (about 200 per item and map at 1% steps) and are not drawn.
   */
  public static boolean needed(List<? extends Metric> metrics) {
    return metrics.stream().anyMatch(m -> m instanceof CurveArea);
  }

  /** The rows of curves.csv, header first. */
  public static List<String> rows(Study study, List<String> classes) {
    List<String> out = new ArrayList<>();
    out.add("method,curve,class,fraction,value");
    for (Study.Entry e : study.all()) {
      for (String kind : KINDS) {
        Curves c = curves(e, kind);
        for (int label = -1; label < classes.size(); label++) {
          double[] mean = c.mean(kind.endsWith("prob") ? c.probability() : c.correct(), e.judged(), label);
          if (Double.isNaN(mean[0])) continue;
          String cls = label < 0 ? "all" : classes.get(label);
          for (int k = 0; k < mean.length; k++) {
            out.add(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.6f", e.name(), kind, cls, c.fractions()[k], mean[k]));
          }
        }
      }
    }
    return out;
  }

  /** Writes curves.csv atomically. */
  public static void writeCsv(Path csv, Study study, List<String> classes) {
    String text = String.join("\n", rows(study, classes)) + "\n";
    AtomicFiles.writeString(csv, text);
  }

  /** Writes the four panels (deletion/insertion x probability/accuracy, all samples) as one PNG. */
  public static void writePng(Path png, Study study, String subtitle) {
    List<PanelFigure.Panel> panels = new ArrayList<>();
    for (String kind : KINDS) {
      String title = (kind.startsWith("deletion") ? "Deletion" : "Insertion") + (kind.endsWith("prob") ? ": target probability" : ": accuracy");
      XYChart chart = new XYChartBuilder().width(560).height(400).title(title)
          .xAxisTitle("fraction of units " + (kind.startsWith("deletion") ? "removed" : "inserted"))
          .yAxisTitle(kind.endsWith("prob") ? "probability" : "accuracy").build();
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      chart.getStyler().setMarkerSize(0);
      chart.getStyler().setLegendPosition(kind.startsWith("deletion") ? Styler.LegendPosition.InsideNE : Styler.LegendPosition.InsideSE);
      for (Study.Entry e : study.all()) {
        Curves c = curves(e, kind);
        double[] mean = c.mean(kind.endsWith("prob") ? c.probability() : c.correct(), e.judged(), -1);
        var series = chart.addSeries(e.name(), c.fractions(), mean);
        if (e.name().equals(ReferenceMaps.RANDOM) || e.name().equals(ReferenceMaps.ENERGY)) {
          series.setLineStyle(new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
      }
      BufferedImage img = BitmapEncoder.getBufferedImage(chart);
      panels.add(new PanelFigure.Panel(img, ""));
    }
    PanelFigure.defaults().withColumns(2).withTitle(subtitle).write(panels, png);
  }

  /**
   * Writes the per-class curves (the thesis's Figures 3.5 and 3.6) as one PNG: one panel per
   * method and reference map, the target probability's deletion (solid) and insertion (dashed)
   * curve for each true class.
   */
  public static void writePerClassPng(Path png, Study study, List<String> classes, String subtitle) {
    List<PanelFigure.Panel> panels = new ArrayList<>();
    java.awt.BasicStroke dashed = new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    for (Study.Entry e : study.all()) {
      XYChart chart = new XYChartBuilder().width(520).height(380).title(e.name() + ": deletion (solid), insertion (dashed)")
          .xAxisTitle("fraction of units").yAxisTitle("target probability").build();
      chart.getStyler().setChartBackgroundColor(Color.WHITE);
      chart.getStyler().setMarkerSize(0);
      chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
      for (int label = 0; label < classes.size(); label++) {
        for (Curves.Kind kind : Curves.Kind.values()) {
          Curves c = Curves.of(e.judged(), kind);
          double[] mean = c.mean(c.probability(), e.judged(), label);
          if (Double.isNaN(mean[0])) continue;
          var series = chart.addSeries(classes.get(label) + " " + kind.id(), c.fractions(), mean);
          if (kind == Curves.Kind.INSERTION) series.setLineStyle(dashed);
        }
      }
      panels.add(new PanelFigure.Panel(BitmapEncoder.getBufferedImage(chart), ""));
    }
    PanelFigure.defaults().withColumns(3).withTitle(subtitle).write(panels, png);
  }

  private static Curves curves(Study.Entry e, String kind) {
    return Curves.of(e.judged(), kind.startsWith("deletion") ? Curves.Kind.DELETION : Curves.Kind.INSERTION);
  }
}
