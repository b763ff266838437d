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
import org.spectrolens.io.AtomicFiles;

/** PNG figures drawn with XChart: confusion matrices (the training curves are drawn by the training log). */
public final class Charts {
  private Charts() {}

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
