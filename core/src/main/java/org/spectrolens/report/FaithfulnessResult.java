package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code faithfulness.json} of {@code faithfulness}: the monitoring thesis's Tables 3.1 to 3.4 (mean
 * of the top-50% weights, Average Drop and Increase, prediction change, deletion and insertion AUCs)
 * and ROAD and Faithfulness Correlation, every method beside the random and energy maps.
 */
final class FaithfulnessResult implements ResultReader {
  /** The columns: key, heading, and whether lower is better (null: no direction). */
  private record Column(String key, String heading, Boolean lowerBetter) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("mean_top50_weight", "mean top-50% weight", null),
      new Column("average_drop", "Average Drop", true),
      new Column("average_increase", "Average Increase", false),
      new Column("prediction_change", "prediction change", null),
      new Column("deletion_auc_prob", "deletion AUC (prob.)", true),
      new Column("insertion_auc_prob", "insertion AUC (prob.)", false),
      new Column("deletion_auc_acc", "deletion AUC (acc.)", true),
      new Column("insertion_auc_acc", "insertion AUC (acc.)", false),
      new Column("road_morf_auc", "ROAD MoRF AUC", true),
      new Column("road_lerf_auc", "ROAD LeRF AUC", false),
      new Column("faithfulness_correlation", "faithfulness corr.", false),
      new Column("sparseness", "sparseness (Gini)", null));

  @Override
  public String file() {
    return "faithfulness.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    JsonNode options = j.path("options");
    String samples = options.path("samples").asText("?");
    String baseline = options.path("baseline").asText("floor");
    JsonNode random = j.path("baselines").path("random");
    JsonNode energy = j.path("baselines").path("energy");
    blocks.add(new Block.Text("Faithfulness on " + samples + " samples (masking baseline: " + baseline + "; grid "
        + options.path("grid").asText("32x32") + ", unit " + options.path("unit").asText("cell") + "). Each method is set beside a random map"
        + " (chance) and the energy map (the input spectrogram itself): a method that cannot beat the energy map says no more than the"
        + " spectrogram does."));
    Map<String, Object> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      blocks.add(new Block.Text(verdict(m.getKey(), m.getValue(), random, energy, samples)));
      Map<String, Object> mine = new LinkedHashMap<>();
      for (Column c : COLUMNS) mine.put(c.key(), Numbers.num(m.getValue(), c.key()));
      numbers.put(m.getKey(), mine);
    }
    // only the metrics that were computed: a run may have asked for some (--metrics)
    List<Column> shown = new ArrayList<>();
    for (Column c : COLUMNS) {
      boolean any = !Double.isNaN(Numbers.num(random, c.key()));
      for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) any |= !Double.isNaN(Numbers.num(m.getValue(), c.key()));
      if (any) shown.add(c);
    }
    List<String> header = new ArrayList<>(List.of("map"));
    for (Column c : shown) header.add(c.heading() + (c.lowerBetter() == null ? "" : c.lowerBetter() ? " ↓" : " ↑"));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) rows.add(row(shown, m.getKey(), m.getValue()));
    rows.add(row(shown, "random map (chance)", random));
    rows.add(row(shown, "energy map (the input)", energy));
    blocks.add(new Block.Table("Faithfulness (the thesis's Tables 3.1 to 3.4 and more); ↓ lower is better, ↑ higher is better", header, rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("faithfulness", "Faithfulness: " + label, dir.resolve(file()), blocks, numbers);
  }

  private static List<String> row(List<Column> columns, String name, JsonNode v) {
    List<String> r = new ArrayList<>(List.of(name));
    for (Column c : columns) r.add(Numbers.fmt(Numbers.num(v, c.key())));
    return r;
  }

  /** One sentence on the deletion curve, the most direct test: are the cells a method marks the ones the model needs? */
  static String verdict(String method, JsonNode m, JsonNode random, JsonNode energy, String samples) {
    double d = Numbers.num(m, "deletion_auc_prob");
    double dr = Numbers.num(random, "deletion_auc_prob");
    double de = Numbers.num(energy, "deletion_auc_prob");
    double ins = Numbers.num(m, "insertion_auc_prob");
    double ie = Numbers.num(energy, "insertion_auc_prob");
    if (Double.isNaN(d) || Double.isNaN(dr)) return method + ": no deletion curve was computed.";
    StringBuilder s = new StringBuilder();
    s.append(method).append("'s deletion AUC, ").append(Numbers.fmt(d)).append(d < dr ? ", is below" : ", is not below")
        .append(" the random map's ").append(Numbers.fmt(dr));
    if (!Double.isNaN(de)) s.append(d < de ? " and below the energy map's " : " but not below the energy map's ").append(Numbers.fmt(de));
    s.append(" on ").append(samples).append(" samples: ");
    if (d < dr && (Double.isNaN(de) || d < de)) s.append("the cells it marks matter to the model more than loudness alone does");
    else if (d < dr) s.append("the cells it marks matter to the model, but no more than the loudest cells do");
    else s.append("removing the cells it marks first hurts the model no more than removing cells at random");
    if (!Double.isNaN(ins) && !Double.isNaN(ie)) {
      s.append("; its insertion AUC is ").append(Numbers.fmt(ins)).append(ins > ie ? " (above" : " (not above").append(" the energy map's ")
          .append(Numbers.fmt(ie)).append(")");
    }
    return s.append('.').toString();
  }
}
