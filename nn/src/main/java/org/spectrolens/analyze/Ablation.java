package org.spectrolens.analyze;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.spectrolens.io.Csv;
import org.spectrolens.analyze.Readings.Alignment;
import org.spectrolens.analyze.Readings.MethodReading;
import org.spectrolens.render.PanelFigure;
import org.spectrolens.render.PanelFigure.Panel;

/**
 * A frequency cut-off ablation (the paper's suggested check): one model per upper frequency,
 * each read with {@link Analyzer}; accuracy, formant alignment and the band profile per cut-off.
 *
 * @param task the task of every dataset
 * @param cutoffs one entry per cut-off, in the order given
 */
public record Ablation(String task, List<Cutoff> cutoffs) {
  /**
   * One cut-off.
   *
   * @param fmax the name of the cut-off ({@code 2000}, ..., {@code full})
   * @param topHz the highest frequency the grid holds
   * @param accuracy test accuracy of its model
   * @param balancedAccuracy test balanced accuracy
   * @param bands the uniform bands of its profiles
   * @param bandProfile per method (and energy): mean share of map mass per band over all items
   * @param alignment per method: formant (and F0) alignment over all items
   */
  public record Cutoff(String fmax, @JsonProperty("top_hz") double topHz, double accuracy,
      @JsonProperty("balanced_accuracy") double balancedAccuracy, List<FrequencyBand> bands,
      @JsonProperty("band_profile") Map<String, double[]> bandProfile, Map<String, Alignment> alignment) {

    /** The cut-off's row of an {@link AcousticReading}. */
    public static Cutoff of(String fmax, AcousticReading a, double balancedAccuracy) {
      Map<String, double[]> profile = new LinkedHashMap<>();
      Map<String, Alignment> alignment = new LinkedHashMap<>();
      for (MethodReading m : a.methods().values()) {
        profile.put(m.method(), m.bandProfile().get("all"));
        alignment.put(m.method(), m.alignment().get("all"));
      }
      double top = a.bands().isEmpty() ? Double.NaN : a.bands().get(a.bands().size() - 1).toHz();
      return new Cutoff(fmax, top, a.accuracy(), balancedAccuracy, a.bands(), profile, alignment);
    }
  }

  /** {@code fmax,top_hz,accuracy,balanced_accuracy,method,formants,harmonics,<band>...}, one row per cut-off and method. */
  public String csv() {
    List<FrequencyBand> widest = cutoffs.stream().map(Cutoff::bands).max((x, y) -> Integer.compare(x.size(), y.size())).orElse(List.of());
    StringBuilder s = new StringBuilder("fmax,top_hz,accuracy,balanced_accuracy,method,formants,harmonics");
    for (FrequencyBand b : widest) s.append(',').append(Csv.field(b.name()));
    s.append('\n');
    for (Cutoff c : cutoffs) {
      for (Map.Entry<String, double[]> e : c.bandProfile().entrySet()) {
        Alignment al = c.alignment().get(e.getKey());
        s.append(String.format(Locale.ROOT, "%s,%.1f,%.6f,%.6f,%s,%s,%s", Csv.field(c.fmax()), c.topHz(), c.accuracy(),
            c.balancedAccuracy(), Csv.field(e.getKey()), num(al.formants()), num(al.harmonics())));
        for (int b = 0; b < widest.size(); b++) s.append(',').append(b < e.getValue().length ? num(e.getValue()[b]) : "");
        s.append('\n');
      }
    }
    return s.toString();
  }

  /** Accuracy per cut-off (left) and one method's band profile per cut-off (right). */
  public void figure(Path png, String method) {
    CategoryChart acc = new CategoryChartBuilder().width(460).height(380).title("Test accuracy per cut-off")
        .xAxisTitle("fmax (Hz)").yAxisTitle("accuracy").build();
    acc.getStyler().setChartBackgroundColor(Color.WHITE);
    acc.getStyler().setLegendVisible(false);
    acc.getStyler().setYAxisMin(0.0);
    acc.getStyler().setYAxisMax(1.0);
    acc.addSeries("accuracy", cutoffs.stream().map(Cutoff::fmax).toList(), cutoffs.stream().map(c -> (Number) c.accuracy()).toList());
    XYChart prof = new XYChartBuilder().width(620).height(380).title(method + ": band profile per cut-off")
        .xAxisTitle("Hz").yAxisTitle("share of map mass").build();
    prof.getStyler().setChartBackgroundColor(Color.WHITE);
    for (Cutoff c : cutoffs) {
      double[] y = c.bandProfile().get(method);
      if (y == null || java.util.Arrays.stream(y).anyMatch(Double::isNaN)) continue;
      XYSeries s = prof.addSeries("fmax " + c.fmax(), c.bands().stream().mapToDouble(FrequencyBand::centreHz).toArray(), y);
      s.setMarker(SeriesMarkers.NONE);
    }
    List<Panel> panels = new ArrayList<>(List.of(new Panel(BitmapEncoder.getBufferedImage(acc), ""),
        new Panel(BitmapEncoder.getBufferedImage(prof), "")));
    PanelFigure.defaults().withTitle("Frequency cut-off ablation (" + task + ")").write(panels, png);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
  }
}
