package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code analysis.json} of {@code analyze}: the maps read against the formants and F0 of each
 * class. The formant alignment is the share of a map's relevance on the formant tracks over the
 * share those tracks cover (1 = chance, above 1: the map goes to the formants); the input's own
 * energy (the {@code energy} reference) says how much of that the spectrogram alone would give.
 */
final class AnalysisResult implements ResultReader {
  @Override
  public String file() {
    return "analysis.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    j.path("classes").forEach(c -> classes.add(c.asText()));
    String layer = j.path("options").path("layer").asText("");
    blocks.add(new Block.Text(String.format(Locale.ROOT,
        "Each of the %d %s items is explained for the class the model predicts; the maps are averaged per true class and read against the"
            + " formants and F0 the %s truth gives%s. Formant alignment is the share of a map's relevance on the formant tracks over the"
            + " share those tracks cover: 1 is chance, above 1 the map goes to the formants.",
        j.path("items").asInt(), j.path("split").asText("test"), j.path("truth").asText("synthesiser's"),
        layer.isEmpty() ? "" : " (CAM methods read at " + layer + ")")));
    // what must be known before the numbers are read (rows without signal, resized time), as analyze wrote it
    j.path("notes").forEach(n -> blocks.add(new Block.Text("Note: " + n.asText() + ".")));
    // the truth itself: what a phonetician checks first
    List<List<String>> truth = new ArrayList<>();
    for (String c : classes) {
      JsonNode t = j.path("class_truth").path(c);
      if (t.isMissingNode()) continue;
      truth.add(List.of(c, t.path("n").asText(), hz(t, "f0"), hz(t, "f1"), hz(t, "f2"), hz(t, "f3")));
    }
    if (!truth.isEmpty()) {
      blocks.add(new Block.Table("Median truth per class (Hz)", List.of("class", "items", "F0", "F1", "F2", "F3"), truth));
    }
    List<String> header = new ArrayList<>(List.of("method"));
    header.addAll(classes);
    header.add("mean");
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    double energyMean = Double.NaN;
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      JsonNode al = m.getValue().path("alignment");
      List<String> row = new ArrayList<>(List.of(m.getKey() + (m.getValue().path("reference").asBoolean() ? " (reference)" : "")));
      double sum = 0;
      int k = 0;
      String best = null;
      String worst = null;
      double bestV = Double.NEGATIVE_INFINITY;
      double worstV = Double.POSITIVE_INFINITY;
      for (String c : classes) {
        double v = Numbers.num(al.path(c), "formants");
        row.add(Numbers.fmt(v));
        if (Double.isNaN(v)) continue;
        sum += v;
        k++;
        if (v > bestV) { bestV = v; best = c; }
        if (v < worstV) { worstV = v; worst = c; }
      }
      double mean = k == 0 ? Double.NaN : sum / k;
      row.add(Numbers.fmt(mean));
      rows.add(row);
      numbers.put(m.getKey(), Map.of("formant_alignment", mean));
      if (m.getValue().path("reference").asBoolean()) {
        energyMean = mean;
        continue;
      }
      if (k > 0) {
        String verdict = mean > 1.1 ? "above chance: its class means lie on the formants"
            : mean < 0.9 ? "below chance: its class means avoid the formant tracks" : "at chance: it does not single out the formants";
        String vsEnergy = Double.isNaN(energyMean) ? ""
            : String.format(Locale.ROOT, "; the spectrogram's own energy gives %.2f, so the map %s", energyMean,
                mean > energyMean ? "adds to what the energy shows" : "shows less than the energy alone");
        blocks.add(new Block.Text(String.format(Locale.ROOT, "%s: formant alignment %.2f over the %d classes, %s (strongest for /%s/ at %.2f,"
            + " weakest for /%s/ at %.2f)%s.", m.getKey(), mean, k, verdict, best, bestV, worst, worstV, vsEnergy)));
      }
    }
    if (!rows.isEmpty()) blocks.add(new Block.Table("Formant alignment per class (1 = chance)", header, rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, caption(png)));
    numbers.put("layer", layer);
    return new Section("analysis", "Acoustic reading: " + label, dir.resolve(file()), blocks, numbers);
  }

  private static String hz(JsonNode t, String f) {
    double v = Numbers.num(t, f);
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String caption(Path png) {
    String n = png.getFileName().toString();
    return switch (n) {
      case "class_means.png" -> "Class-mean maps per method, with the class's median formants marked (" + n + ")";
      case "band_profiles.png" -> "Band profiles: each class's mean relevance per frequency band (" + n + ")";
      case "confusion_overlap.png" -> "Overlap of class-mean maps against the confusions (" + n + ")";
      default -> n;
    };
  }
}
