package org.spectrolens.nn.embed;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectrolens.SpectrolensException;
import org.spectrolens.decompose.Pca;
import org.spectrolens.decompose.Tsne;
import org.spectrolens.render.Png;

/**
 * Embeddings laid out in the plane for looking at: t-SNE ({@link Tsne}, exact) or the first two
 * principal components ({@link Pca}), and the scatter figure with one colour per class.
 *
 * @param method tsne or pca
 * @param coordinates [n][2] map coordinates
 * @param detail t-SNE: the final KL divergence; PCA: the variance ratio of the two axes
 */
public record EmbeddingMap(String method, double[][] coordinates, double[] detail) {
  public static final List<String> METHODS = List.of("tsne", "pca");

  /** Lays out {@code embeddings} [n][d] with {@code method}; {@code perplexity} is t-SNE's (NaN: its default). */
  public static EmbeddingMap of(float[][] embeddings, String method, double perplexity) {
    double[][] x = new double[embeddings.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[embeddings[i].length];
      for (int j = 0; j < x[i].length; j++) x[i][j] = embeddings[i][j];
    }
    switch (method) {
      case "tsne" -> {
        Tsne t = Double.isNaN(perplexity) ? Tsne.fit(x) : Tsne.fit(x, perplexity, Tsne.ITERATIONS);
        return new EmbeddingMap(method, t.embedding(), new double[] {t.klDivergence()});
      }
      case "pca" -> {
        if (x.length < 2 || x[0].length < 2) throw SpectrolensException.ofParameter("method", "pca", "needs at least 2 items of 2 values");
        Pca p = Pca.fit(x, 2);
        return new EmbeddingMap(method, p.scores(), p.explainedVarianceRatio());
      }
      default -> throw SpectrolensException.ofParameter("method", "unknown method '" + method + "'; expected tsne or pca");
    }
  }

  /** A scatter of the map, one colour (and legend entry) per class in {@code classes} order. */
  public void scatter(Path png, List<String> labels, List<String> classes, String title) {
    XYChart chart = new XYChartBuilder().width(720).height(600).title(title)
        .xAxisTitle(method.equals("pca") ? String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * detail[0]) : "t-SNE 1")
        .yAxisTitle(method.equals("pca") ? String.format(Locale.ROOT, "PC2 (%.1f%%)", 100 * detail[1]) : "t-SNE 2").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(5);
    for (String c : classes) {
      double[] xs = new double[coordinates.length];
      double[] ys = new double[coordinates.length];
      int n = 0;
      for (int i = 0; i < coordinates.length; i++) {
        if (!labels.get(i).equals(c)) continue;
        xs[n] = coordinates[i][0];
        ys[n] = coordinates[i][1];
        n++;
      }
      if (n == 0) continue;
      chart.addSeries(c + " (" + n + ")", java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)).setMarker(SeriesMarkers.CIRCLE);
    }
    Png.write(png, BitmapEncoder.getBufferedImage(chart));
  }
}
