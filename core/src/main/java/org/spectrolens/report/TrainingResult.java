package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;

/** {@code metrics.json} of {@code train} or {@code evaluate}: accuracy, per-class figures, the confusion matrix. */
final class TrainingResult implements ResultReader {
  @Override
  public String file() {
    return "metrics.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    double acc = Numbers.num(j, "accuracy");
    double bal = Numbers.num(j, "balanced_accuracy");
    int n = j.path("n").asInt();
    List<String> classes = new ArrayList<>();
    j.path("classes").forEach(c -> classes.add(c.asText()));
    blocks.add(new Block.Text(String.format("%s reaches %s accuracy (balanced %s) on the %d items of the %s split of %d classes.",
        j.path("model").asText("The model"), Numbers.percent(acc), Numbers.percent(bal), n, j.path("split").asText("test"), classes.size())));
    JsonNode cm = j.path("confusion_matrix");
    if (cm.isArray() && cm.size() == classes.size()) {
      for (int a = 0; a < cm.size(); a++) {
        if (!cm.get(a).isArray() || cm.get(a).size() != classes.size()) {
          throw new SpectrolensException(dir.resolve(file()).toString(), "confusion_matrix row " + a + " holds "
              + (cm.get(a).isArray() ? cm.get(a).size() + " values" : "no list") + ", expected " + classes.size() + " (one per class)");
        }
      }
      // the largest off-diagonal cell: the confusion a reader should look at first
      int bi = -1;
      int bj = -1;
      int best = 0;
      for (int a = 0; a < cm.size(); a++) for (int b = 0; b < cm.size(); b++) {
        if (a != b && cm.get(a).get(b).asInt() > best) {
          best = cm.get(a).get(b).asInt();
          bi = a;
          bj = b;
        }
      }
      if (bi >= 0) {
        int row = 0;
        for (JsonNode v : cm.get(bi)) row += v.asInt();
        blocks.add(new Block.Text(String.format("The most frequent confusion is %s taken for %s: %d of %d items (%s).", classes.get(bi),
            classes.get(bj), best, row, Numbers.percent(best / (double) Math.max(1, row)))));
      } else {
        blocks.add(new Block.Text("No item of one class was taken for another."));
      }
      List<String> header = new ArrayList<>(List.of("true \\ predicted"));
      header.addAll(classes);
      List<List<String>> rows = new ArrayList<>();
      for (int a = 0; a < cm.size(); a++) {
        List<String> r = new ArrayList<>(List.of(classes.get(a)));
        for (JsonNode v : cm.get(a)) r.add(v.asText());
        rows.add(r);
      }
      blocks.add(new Block.Table("Confusion matrix (counts)", header, rows));
    }
    List<List<String>> per = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : Numbers.fields(j.path("per_class"))) {
      JsonNode c = e.getValue();
      per.add(List.of(e.getKey(), Numbers.fmt(Numbers.num(c, "precision")), Numbers.fmt(Numbers.num(c, "recall")),
          Numbers.fmt(Numbers.num(c, "f1")), c.path("support").asText()));
    }
    if (!per.isEmpty()) blocks.add(new Block.Table("Per class", List.of("class", "precision", "recall", "F1", "items"), per));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("accuracy", acc);
    numbers.put("balanced_accuracy", bal);
    numbers.put("n", n);
    return new Section("training", "Accuracy: " + label, dir.resolve(file()), blocks, numbers);
  }
}
