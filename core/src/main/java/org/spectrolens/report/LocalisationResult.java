package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code localisation.json} of {@code localisation}: how much of each map lies where the evidence
 * truly is, beside the random and energy maps and the chance level. Where a map's maximum is a
 * plateau of tied cells, a sentence says how many tie and what the pointing game then counts.
 */
final class LocalisationResult implements ResultReader {
  private static final List<String> KEYS = List.of("relevance_mass", "relevance_rank", "pointing_game", "pointing_game_any");
  private static final String TIED = "max_tied_cells";

  @Override
  public String file() {
    return "localisation.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    JsonNode chance = j.path("chance");
    List<Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    JsonNode energy = j.path("baselines").path("energy");
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      rows.add(row(m.getKey(), m.getValue(), chance));
      numbers.put(m.getKey(), scores(m.getValue()));
      double mass = Numbers.num(m.getValue(), "relevance_mass");
      double c = Numbers.num(chance, "relevance_mass");
      if (!Double.isNaN(mass) && c > 0) {
        double e = Numbers.num(energy, "relevance_mass");
        blocks.add(new Block.Text(String.format("%s puts %s of its mass on the truth region, which covers %s of the grid: %s chance%s.",
            m.getKey(), Numbers.percent(mass), Numbers.percent(c), mass > c ? String.format(Locale.ROOT, "%.1f times", mass / c) : "no better than",
            Double.isNaN(e) ? "" : mass > e ? "; more than the energy map's " + Numbers.percent(e)
                : "; no more than the energy map's " + Numbers.percent(e) + ", which only marks where the input is loud")));
      }
      String plateau = plateau(m.getKey(), m.getValue());
      if (plateau != null) blocks.add(new Block.Text(plateau));
    }
    Map<String, Object> references = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> b : Numbers.fields(j.path("baselines"))) {
      rows.add(row(b.getKey() + " map", b.getValue(), chance));
      references.put(b.getKey(), scores(b.getValue()));
    }
    List<String> chanceRow = new ArrayList<>(List.of("chance (the truth region's share)"));
    for (String k : KEYS) chanceRow.add(Numbers.fmt(Numbers.num(chance, k)));
    chanceRow.add("");
    rows.add(chanceRow);
    String layer = j.path("options").path("layer").asText("");
    numbers.put("baselines", references);
    numbers.put("layer", layer);
    numbers.put("chance", Numbers.num(chance, "relevance_mass"));
    blocks.add(new Block.Table("Localisation against truth (" + j.path("truth").asText(j.path("options").path("truth").asText("truth"))
        + (layer.isEmpty() ? "" : "; CAM methods at " + layer) + "). Pointing game: the share of the map's tied maximum cells within"
        + " the tolerance (the expected hit of a uniformly drawn maximum); any max: Quantus's rule, a hit when any tied maximum is within it",
        List.of("method", "relevance mass", "relevance rank", "pointing game", "pointing game (any max)", "cells tied at max"), rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("localisation", "Localisation: " + label + (layer.isEmpty() ? "" : " (CAM layer " + layer + ")"), dir.resolve(file()), blocks, numbers);
  }

  private static List<String> row(String name, JsonNode v, JsonNode chance) {
    List<String> r = new ArrayList<>(List.of(name));
    for (String k : KEYS) {
      double x = Numbers.num(v, k);
      double c = Numbers.num(chance, k);
      r.add(Numbers.fmt(x) + (c > 0 && !Double.isNaN(x) ? " (" + Numbers.fmt(x / c) + "x chance)" : ""));
    }
    double tied = Numbers.num(v, TIED);
    r.add(Double.isNaN(tied) ? "n/a" : String.format(Locale.ROOT, "%.1f", tied));
    return r;
  }

  private static Map<String, Object> scores(JsonNode v) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : KEYS) out.put(k, Numbers.num(v, k));
    out.put(TIED, Numbers.num(v, TIED));
    return out;
  }

  /** A sentence when the method's maximum is a plateau of more than one cell (on some item), else null. */
  private static String plateau(String method, JsonNode v) {
    double tied = Numbers.num(v, TIED);
    if (!(tied > 1)) return null;
    double expected = Numbers.num(v, "pointing_game");
    double any = Numbers.num(v, "pointing_game_any");
    double items = Numbers.num(v, "items_with_tied_maximum");
    double largest = Numbers.num(v, "largest_tied_maximum");
    double all = Numbers.num(v, "items");
    String where = Double.isNaN(items) ? String.format(Locale.ROOT, "of %.1f tied cells on average", tied)
        : String.format(Locale.ROOT, "of tied cells on %d%s items (up to %d cells; %.1f on average over all items)", (int) items,
            Double.isNaN(all) ? "" : " of " + (int) all, (int) largest, tied);
    return String.format(Locale.ROOT, "%s's maximum is a plateau %s, not one point: its pointing game, %s, is the share of"
        + " those cells within the tolerance of the truth (the chance that a maximum drawn among them hits)%s.", method, where,
        Numbers.fmt(expected), Double.isNaN(any) ? "" : "; counted as Quantus counts it, a hit whenever any of them is within it, it is " + Numbers.fmt(any));
  }
}
