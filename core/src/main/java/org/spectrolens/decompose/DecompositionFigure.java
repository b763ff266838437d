package org.spectrolens.decompose;

import java.awt.Color;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectrolens.render.Png;

/** A decomposition's figure: the templates over frequency (Hz, or row for an array without axes; left) beside their activations over time (s, right). */
public final class DecompositionFigure {
  private DecompositionFigure() {}

  public static void write(Path png, SpectrogramDecomposition d) {
    String what = d.method().toUpperCase(java.util.Locale.ROOT);
    // a bare array or a map has index rows, not Hz
    org.spectrolens.spectrogram.FrequencyAxis axis = d.source().frequencies();
    XYChart left = new XYChartBuilder().width(560).height(420).title(what + " templates")
        .xAxisTitle(axis.scale().isFrequency() ? "frequency (Hz)" : "row").yAxisTitle("weight").build();
    XYChart right = new XYChartBuilder().width(560).height(420).title(what + " activations")
        .xAxisTitle("time (s)").yAxisTitle("activation").build();
    double[] hz = new double[axis.length()];
    for (int r = 0; r < hz.length; r++) hz[r] = axis.scale().isFrequency() ? axis.value(r) : r;
    double[] s = d.source().times().seconds();
    for (int c = 0; c < d.components(); c++) {
      double[] t = new double[hz.length];
      for (int r = 0; r < hz.length; r++) t[r] = d.templates()[r][c];
      left.addSeries("#" + (c + 1), hz, t).setMarker(SeriesMarkers.NONE);
      right.addSeries("#" + (c + 1), s, d.activations()[c]).setMarker(SeriesMarkers.NONE);
    }
    for (XYChart ch : new XYChart[] {left, right}) ch.getStyler().setChartBackgroundColor(Color.WHITE);
    left.getStyler().setXAxisDecimalPattern("0");
    right.getStyler().setXAxisDecimalPattern("0.0#");
    for (XYChart ch : new XYChart[] {left, right}) ch.getStyler().setXAxisTickMarkSpacingHint(120);
    Png.write(png, Png.beside(BitmapEncoder.getBufferedImage(left), BitmapEncoder.getBufferedImage(right)));
  }
}
