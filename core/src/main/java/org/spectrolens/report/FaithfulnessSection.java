package org.spectrolens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spectrolens.judge.result.FaithfulnessResult;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.result.MapScores;
import org.spectrolens.judge.result.Masking;
import org.spectrolens.judge.result.MetricCatalogue;

/**
 * {@code faithfulness.json} of {@code faithfulness}: the monitoring thesis's Tables 3.1 to 3.4 (mean
 * of the top-50% weights, Average Drop and Increase, prediction change, deletion and insertion AUCs)
 * and ROAD and Faithfulness Correlation, every method beside the random and energy maps. The
 * table's columns are the metrics the file holds, each headed as the metric registry describes it
 * ({@link MetricCatalogue}): a metric registered from outside the library shows without an edit here.
 */
final class FaithfulnessSection extends RecordSection<FaithfulnessResult> {
  FaithfulnessSection() {
    super(FaithfulnessResult.FILE, FaithfulnessResult.class, "faithfulness");
  }

  @Override
  String title(FaithfulnessResult j, String label) {
    return "Faithfulness: " + label;
  }

  @Override
  void body(FaithfulnessResult j, List<Block> blocks, Map<String, Object> numbers) {
    JudgeRun options = j.options();
    String samples = options == null || options.samples() == null ? "?" : options.samples().toString();
    Masking masking = j.masking();
    String baseline = masking.baseline() == null ? "floor" : masking.baseline();
    String units = masking.units() == null ? "grid 32x32" : masking.units();
    MapScores random = j.baselines().get("random");
    MapScores energy = j.baselines().get("energy");
    blocks.add(new Block.Text("Faithfulness on " + samples + " samples (masking baseline: " + baseline + "; removal units: "
        + units + "). Each method is set beside a random map"
        + " (chance) and the energy map (the input spectrogram itself): a method that cannot beat the energy map says no more than the"
        + " spectrogram does."));
    // only the metrics that were computed, in the order they ran: a run may have asked for some (metrics)
    List<MetricCatalogue.Column> shown = new ArrayList<>();
    for (String id : j.metricIds()) shown.add(MetricCatalogue.column(id));
    for (Map.Entry<String, MapScores> m : j.methods().entrySet()) {
      blocks.add(new Block.Text(verdict(m.getKey(), m.getValue(), random, energy, samples)));
      numbers.put(m.getKey(), scores(m.getValue(), j.metricIds()));
    }
    List<String> header = new ArrayList<>(List.of("map"));
    for (MetricCatalogue.Column c : shown) header.add(c.headingWithArrow());
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, MapScores> m : j.methods().entrySet()) rows.add(row(shown, m.getKey(), m.getValue()));
    rows.add(row(shown, "random map (chance)", random));
    rows.add(row(shown, "energy map (the input)", energy));
    blocks.add(new Block.Table("Faithfulness (the thesis's Tables 3.1 to 3.4 and more); ↓ lower is better, ↑ higher is better", header, rows));
  }

  private static List<String> row(List<MetricCatalogue.Column> columns, String name, MapScores v) {
    List<String> r = new ArrayList<>(List.of(name));
    for (MetricCatalogue.Column c : columns) r.add(Numbers.fmt(score(v, c.id())));
    return r;
  }

  /** One sentence on the deletion curve, the most direct test: are the cells a method marks the ones the model needs? */
  static String verdict(String method, MapScores m, MapScores random, MapScores energy, String samples) {
    double d = score(m, "deletion_auc_prob");
    double dr = score(random, "deletion_auc_prob");
    double de = score(energy, "deletion_auc_prob");
    double ins = score(m, "insertion_auc_prob");
    double ie = score(energy, "insertion_auc_prob");
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
