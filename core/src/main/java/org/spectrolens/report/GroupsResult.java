package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code metrics.by-group.json} of {@code evaluate --by}: accuracy per speaker group (men, women, children, ...). */
final class GroupsResult implements ResultReader {
  @Override
  public String file() {
    return "metrics.by-group.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    String low = null;
    String high = null;
    double lowV = Double.POSITIVE_INFINITY;
    double highV = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, JsonNode> g : Numbers.fields(j.path("groups"))) {
      double acc = Numbers.num(g.getValue(), "accuracy");
      int n = g.getValue().path("n").asInt();
      rows.add(List.of(g.getKey(), Numbers.percent(acc), Numbers.percent(Numbers.num(g.getValue(), "balanced_accuracy")), "" + n));
      numbers.put(g.getKey(), Map.of("accuracy", acc, "n", n));
      if (acc < lowV) { lowV = acc; low = g.getKey(); }
      if (acc > highV) { highV = acc; high = g.getKey(); }
    }
    JsonNode all = j.path("overall");
    rows.add(List.of("all", Numbers.percent(Numbers.num(all, "accuracy")), Numbers.percent(Numbers.num(all, "balanced_accuracy")),
        all.path("n").asText()));
    String by = j.path("by").asText("group");
    if (rows.size() > 2) {
      // one error in n items moves the accuracy by 1/n: a gap smaller than that is no gap
      blocks.add(new Block.Text(String.format(Locale.ROOT, "By %s, accuracy ranges from %s (%s) to %s (%s)%s.", by, Numbers.percent(lowV), low,
          Numbers.percent(highV), high, highV - lowV < 0.01 ? ": the model serves every group alike" : ": a gap to look at in the maps per group")));
    }
    blocks.add(new Block.Table("Accuracy per " + by, List.of(by, "accuracy", "balanced", "items"), rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("groups", "Speaker groups: " + label, dir.resolve(file()), blocks, numbers);
  }
}
