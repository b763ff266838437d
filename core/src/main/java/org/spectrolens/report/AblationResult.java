package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ablation.json} of {@code ablation}: the paper's frequency cut-off check, one model per
 * upper frequency; accuracy and each method's formant alignment per cut-off.
 */
final class AblationResult implements ResultReader {
  @Override
  public String file() {
    return "ablation.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    JsonNode cutoffs = j.path("cutoffs");
    if (cutoffs.size() > 0) Numbers.fields(cutoffs.get(0).path("alignment")).forEach(e -> methods.add(e.getKey()));
    List<String> header = new ArrayList<>(List.of("upper frequency (Hz)", "accuracy", "balanced"));
    for (String m : methods) header.add(m + " formant alignment");
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    String best = null;
    double bestAcc = Double.NEGATIVE_INFINITY;
    String worst = null;
    double worstAcc = Double.POSITIVE_INFINITY;
    for (JsonNode c : cutoffs) {
      String fmax = c.path("fmax").asText();
      double acc = Numbers.num(c, "accuracy");
      List<String> r = new ArrayList<>(List.of(fmax, Numbers.percent(acc), Numbers.percent(Numbers.num(c, "balanced_accuracy"))));
      for (String m : methods) r.add(Numbers.fmt(Numbers.num(c.path("alignment").path(m), "formants")));
      rows.add(r);
      numbers.put(fmax, Map.of("accuracy", acc));
      if (acc > bestAcc) { bestAcc = acc; best = fmax; }
      if (acc < worstAcc) { worstAcc = acc; worst = fmax; }
    }
    blocks.add(new Block.Text("One dataset, model and reading per upper frequency of the input (the paper limited its spectrograms to"
        + " 4000 Hz); if the vowels' evidence lies in F1 and F2, accuracy should hold down to the cut-off that still keeps F2."));
    if (rows.size() > 1) {
      blocks.add(new Block.Text(String.format(Locale.ROOT, "Accuracy is highest with the cut-off at %s (%s) and lowest at %s (%s).", best,
          Numbers.percent(bestAcc), worst, Numbers.percent(worstAcc))));
    }
    blocks.add(new Block.Table("Accuracy and formant alignment (1 = chance) per cut-off, task " + j.path("task").asText(), header, rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("ablation", "Frequency cut-off ablation: " + label, dir.resolve(file()), blocks, numbers);
  }
}
