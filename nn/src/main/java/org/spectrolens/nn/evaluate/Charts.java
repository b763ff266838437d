package org.spectrolens.nn.evaluate;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.nn.train.EpochLog;

/** PNG figures drawn with XChart: training curves and confusion matrices. */
public final class Charts {
  private Charts() {}

  /** Loss (left) and accuracy (right) per epoch, train and validation. */
  public static void curves(Path png, List<EpochLog> log) {
    XYChart loss = new XYChartBuilder().width(600).height(400).title("Loss").xAxisTitle("epoch").yAxisTitle("cross-entropy").build();
    XYChart acc = new XYChartBuilder().width(600).height(400).title("Accuracy").xAxisTitle("epoch").yAxisTitle("accuracy").build();
    for (XYChart c : List.of(loss, acc)) c.getStyler().setChartBackgroundColor(Color.WHITE);
    loss.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE); // losses fall, accuracies rise: keep legends off the lines
    acc.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    double[] x = log.stream().mapToDouble(EpochLog::epoch).toArray();
    if (x.length == 0) return;
    loss.addSeries("train", x, log.stream().mapToDouble(EpochLog::trainLoss).toArray());
    acc.addSeries("train", x, log.stream().mapToDouble(EpochLog::trainAccuracy).toArray());
    if (log.stream().noneMatch(e -> Double.isNaN(e.valLoss()))) {
      loss.addSeries("validation", x, log.stream().mapToDouble(EpochLog::valLoss).toArray());
      acc.addSeries("validation", x, log.stream().mapToDouble(EpochLog::valAccuracy).toArray());
    }
    writePng(png, org.spectrolens.render.Png.beside(BitmapEncoder.getBufferedImage(loss), BitmapEncoder.getBufferedImage(acc)));
  }

  /** The confusion matrix as a heat map of counts (rows = true class), each cell labelled with its count. */
  public static void confusion(Path png, Metrics m) {
    int k = m.classes().size();
    int size = Math.max(420, 90 * k + 200);
    HeatMapChart chart = new HeatMapChartBuilder().width(size).height(size - 40)
        .title("Confusion matrix (" + m.split() + ", n = " + m.n() + ", accuracy " + String.format(java.util.Locale.ROOT, "%.3f", m.accuracy()) + ")")
        .xAxisTitle("predicted").yAxisTitle("true").build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setMin(0);
    int max = 1;
    for (int[] row : m.confusionMatrix()) for (int v : row) max = Math.max(max, v);
    chart.getStyler().setMax(max);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(107, 174, 214), new Color(8, 48, 107)});
    chart.getStyler().setHeatMapValueDecimalPattern("0");
    List<String> classes = m.classes();
    // rows are drawn bottom-up; list true classes top-down as a confusion matrix reads
    List<String> yLabels = new ArrayList<>(classes);
    java.util.Collections.reverse(yLabels);
    List<Number[]> cells = new ArrayList<>();
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) cells.add(new Number[] {p, k - 1 - t, m.confusionMatrix()[t][p]});
    }
    chart.addSeries("count", classes, yLabels, cells);
    BufferedImage img = BitmapEncoder.getBufferedImage(chart);
    writePng(png, img);
  }

  static void writePng(Path png, BufferedImage img) {
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
    });
  }
}
