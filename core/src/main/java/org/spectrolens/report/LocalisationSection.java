package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.judge.result.JudgeRun;
import org.spectrolens.judge.result.LocalisationResult;
import org.spectrolens.judge.result.MapScores;
import org.spectrolens.judge.result.MetricCatalogue;
import org.spectrolens.judge.result.Plateaus;

/**
 * {@code localisation.json} of {@code localisation}: how much of each map lies where the evidence
 * truly is, beside the random and energy maps and the chance level. Where a map's maximum is a
 * plateau of tied cells, a sentence says how many tie and what the pointing game then counts. The
 * table's columns are the metrics the file holds, headed as the metric registry describes them
 * ({@link MetricCatalogue}), the cells tied at the maximum last.
 */
final class LocalisationSection implements ResultReader {
  /** The plateau metric's id: its column is a mean count of cells, shown last and without a chance level. */
  private static final String TIED = "max_tied_cells";

  @Override
  public String file() {
    return LocalisationResult.FILE;
  }

  @Override
  public Section read(Path dir, String label, JsonNode json) {
    LocalisationResult j = Results.as(json, LocalisationResult.class, dir.resolve(file()));
    List<String> keys = new ArrayList<>(j.metricIds());
    boolean tied = keys.remove(TIED);
    List<Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    MapScores energy = j.baselines().get("energy");
    for (Map.Entry<String, MapScores> m : j.methods().entrySet()) {
      rows.add(row(m.getKey(), m.getValue(), j, keys, tied));
      numbers.put(m.getKey(), scores(m.getValue(), keys, tied));
      double mass = m.getValue().score("relevance_mass");
      double c = j.chance("relevance_mass");
      if (!Double.isNaN(mass) && c > 0) {
        double e = energy == null ? Double.NaN : energy.score("relevance_mass");
        blocks.add(new Block.Text(String.format("%s puts %s of its mass on the truth region, which covers %s of the grid: %s chance%s.",
            m.getKey(), Numbers.percent(mass), Numbers.percent(c), mass > c ? String.format(Locale.ROOT, "%.1f times", mass / c) : "no better than",
            Double.isNaN(e) ? "" : mass > e ? "; more than the energy map's " + Numbers.percent(e)
                : "; no more than the energy map's " + Numbers.percent(e) + ", which only marks where the input is loud")));
      }
      String plateau = plateau(m.getKey(), m.getValue());
      if (plateau != null) blocks.add(new Block.Text(plateau));
    }
    Map<String, Object> references = new LinkedHashMap<>();
    for (Map.Entry<String, MapScores> b : j.baselines().entrySet()) {
      rows.add(row(b.getKey() + " map", b.getValue(), j, keys, tied));
      references.put(b.getKey(), scores(b.getValue(), keys, tied));
    }
    List<String> chanceRow = new ArrayList<>(List.of("chance (the truth region's share)"));
    for (String k : keys) chanceRow.add(Numbers.fmt(j.chance(k)));
    if (tied) chanceRow.add("");
    rows.add(chanceRow);
    JudgeRun options = j.options();
    String layer = options == null || options.layer() == null ? "" : options.layer();
    numbers.put("baselines", references);
    numbers.put("layer", layer);
    numbers.put("chance", j.chance("relevance_mass"));
    List<String> header = new ArrayList<>(List.of("method"));
    for (String k : keys) header.add(MetricCatalogue.column(k).heading());
    if (tied) header.add(MetricCatalogue.column(TIED).heading());
    blocks.add(new Block.Table("Localisation against truth (" + (options == null ? "truth" : options.setting("truth", "truth"))
        + (layer.isEmpty() ? "" : "; CAM methods at " + layer) + "). Pointing game: the share of the map's tied maximum cells within"
        + " the tolerance (the expected hit of a uniformly drawn maximum); any max: Quantus's rule, a hit when any tied maximum is within it",
        header, rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("localisation", "Localisation: " + label + (layer.isEmpty() ? "" : " (CAM layer " + layer + ")"), dir.resolve(file()), blocks, numbers);
  }

  private static List<String> row(String name, MapScores v, LocalisationResult j, List<String> keys, boolean tied) {
    List<String> r = new ArrayList<>(List.of(name));
    for (String k : keys) {
      double x = v.score(k);
      double c = j.chance(k);
      r.add(Numbers.fmt(x) + (c > 0 && !Double.isNaN(x) ? " (" + Numbers.fmt(x / c) + "x chance)" : ""));
    }
    if (tied) {
      double t = v.score(TIED);
      r.add(Double.isNaN(t) ? "n/a" : String.format(Locale.ROOT, "%.1f", t));
    }
    return r;
  }

  private static Map<String, Object> scores(MapScores v, List<String> keys, boolean tied) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : keys) out.put(k, v.score(k));
    if (tied) out.put(TIED, v.score(TIED));
    return out;
  }

  /** A sentence when the method's maximum is a plateau of more than one cell (on some item), else null. */
  private static String plateau(String method, MapScores v) {
    double tied = v.score(TIED);
    if (!(tied > 1)) return null;
    double expected = v.score("pointing_game");
    double any = v.score("pointing_game_any");
    Plateaus p = v.plateaus();
    double items = p == null ? Double.NaN : p.withTiedMaximum();
    double largest = p == null ? Double.NaN : p.largest();
    double all = p == null ? Double.NaN : p.items();
    String where = Double.isNaN(items) ? String.format(Locale.ROOT, "of %.1f tied cells on average", tied)
        : String.format(Locale.ROOT, "of tied cells on %d%s items (up to %d cells; %.1f on average over all items)", (int) items,
            Double.isNaN(all) ? "" : " of " + (int) all, (int) largest, tied);
    return String.format(Locale.ROOT, "%s's maximum is a plateau %s, not one point: its pointing game, %s, is the share of"
        + " those cells within the tolerance of the truth (the chance that a maximum drawn among them hits)%s.", method, where,
        Numbers.fmt(expected), Double.isNaN(any) ? "" : "; counted as Quantus counts it, a hit whenever any of them is within it, it is " + Numbers.fmt(any));
  }
}
