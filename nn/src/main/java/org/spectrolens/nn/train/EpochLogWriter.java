package org.spectrolens.nn.train;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.render.Png;

/**
 * The training log: {@code train_log.csv} rewritten after every epoch (so a killed run keeps it),
 * and at the end {@code curves.png}, loss and accuracy per epoch drawn with XChart.
 */
public final class EpochLogWriter implements TrainingListener {
  public static final String LOG = "train_log.csv";
  public static final String CURVES = "curves.png";

  private final Path dir;

  /** Writes into the model folder {@code dir}. */
  public EpochLogWriter(Path dir) {
    this.dir = dir;
  }

  @Override
  public void onEpoch(Training t, EpochLog row) {
    writeCsv(t.log());
  }

  @Override
  public void onTrainingEnd(Training t) {
    writeCsv(t.log());
    if (!t.log().isEmpty()) curves(dir.resolve(CURVES), t.log());
  }

  private void writeCsv(List<EpochLog> log) {
    StringBuilder sb = new StringBuilder(EpochLog.CSV_HEADER).append('\n');
    for (EpochLog r : log) sb.append(r.csv()).append('\n');
    AtomicFiles.writeString(dir.resolve(LOG), sb.toString());
  }

  /** Loss (left) and accuracy (right) per epoch, train and validation. */
  static void curves(Path png, List<EpochLog> log) {
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
    Png.write(png, Png.beside(BitmapEncoder.getBufferedImage(loss), BitmapEncoder.getBufferedImage(acc)));
  }
}
