package org.spectrolens.report;

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
final class LocalisationSection extends RecordSection<LocalisationResult> {
  /** The plateau metric's id: its column is a mean count of cells, shown last and without a chance level. */
  private static final String TIED = "max_tied_cells";

  LocalisationSection() {
    super(LocalisationResult.FILE, LocalisationResult.class, "localisation");
  }

  @Override
  String title(LocalisationResult j, String label) {
    String layer = layer(j);
    return "Localisation: " + label + (layer.isEmpty() ? "" : " (CAM layer " + layer + ")");
  }

  /** The CAM methods' layer, empty when the file does not say. */
  private static String layer(LocalisationResult j) {
    return j.options() == null || j.options().layer() == null ? "" : j.options().layer();
  }

  @Override
  void body(LocalisationResult j, List<Block> blocks, Map<String, Object> numbers) {
    List<String> keys = new ArrayList<>(j.metricIds());
    boolean tied = keys.remove(TIED);
    List<String> shown = new ArrayList<>(keys);
    if (tied) shown.add(TIED);
    List<List<String>> rows = new ArrayList<>();
    MapScores energy = j.baselines().get("energy");
    String denominator = denominator(j);
    if (denominator != null) blocks.add(new Block.Text(denominator));
    for (Map.Entry<String, MapScores> m : j.methods().entrySet()) {
      rows.add(row(m.getKey(), m.getValue(), j, keys, tied));
      numbers.put(m.getKey(), scores(m.getValue(), shown));
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
      references.put(b.getKey(), scores(b.getValue(), shown));
    }
    List<String> chanceRow = new ArrayList<>(List.of("chance (the truth region's share)"));
    for (String k : keys) chanceRow.add(Numbers.fmt(j.chance(k)));
    if (tied) chanceRow.add("");
    rows.add(chanceRow);
    JudgeRun options = j.options();
    String layer = layer(j);
    numbers.put("baselines", references);
    numbers.put("layer", layer);
    numbers.put("chance", j.chance("relevance_mass"));
    numbers.put("region_share", j.share());
    numbers.put("region_too_large", j.regionTooLarge());
    List<String> header = new ArrayList<>(List.of("method"));
    for (String k : keys) header.add(MetricCatalogue.column(k).heading());
    if (tied) header.add(MetricCatalogue.column(TIED).heading());
    blocks.add(new Block.Table("Localisation against truth (" + (options == null ? "truth" : options.setting("truth", "truth"))
        + (layer.isEmpty() ? "" : "; CAM methods at " + layer) + "). Pointing game: the share of the map's tied maximum cells within"
        + " the tolerance (the expected hit of a uniformly drawn maximum); any max: Quantus's rule, a hit when any tied maximum is within it",
        header, rows));
  }

  /**
   * The truth region's share of the grid, the denominator of every score, and, where it covers more
   * than {@link LocalisationResult#UNDISCRIMINATING_SHARE} of the grid, that localisation cannot
   * discriminate there; null when the share is unknown.
   */
  static String denominator(LocalisationResult j) {
    double share = j.share();
    if (Double.isNaN(share)) return null;
    MapScores random = j.baselines().get("random"), energy = j.baselines().get("energy");
    List<String> refs = new ArrayList<>();
    if (random != null) refs.add("the random map " + Numbers.percent(random.score("relevance_mass")));
    if (energy != null) refs.add("the energy map " + Numbers.percent(energy.score("relevance_mass")));
    String text = String.format("The truth region covers %s of the grid on average: a map that knows nothing puts that much of its"
        + " mass on it%s.", Numbers.percent(share), refs.isEmpty() ? "" : " (" + String.join(", ", refs) + ")");
    if (!j.regionTooLarge()) return text;
    return text + String.format(" With more than %s of the grid inside the region, localisation cannot discriminate here: a perfect map"
        + " can score at most %.1f times chance, so small differences between methods mean little; read them against the random and"
        + " energy rows, or narrow the region (a smaller frequency range, a tighter truth band).",
        Numbers.percent(LocalisationResult.UNDISCRIMINATING_SHARE), 1 / share);
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
