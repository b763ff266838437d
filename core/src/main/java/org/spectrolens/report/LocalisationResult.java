package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code localisation.json} of {@code localisation}: how much of each map lies where the evidence truly is. */
final class LocalisationResult implements ResultReader {
  private static final List<String> KEYS = List.of("relevance_mass", "relevance_rank", "pointing_game");

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
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      List<String> r = new ArrayList<>(List.of(m.getKey()));
      Map<String, Object> mine = new LinkedHashMap<>();
      for (String k : KEYS) {
        double v = Numbers.num(m.getValue(), k);
        double c = Numbers.num(chance, k);
        r.add(Numbers.fmt(v) + (c > 0 ? " (" + Numbers.fmt(v / c) + "x chance)" : ""));
        mine.put(k, v);
      }
      rows.add(r);
      numbers.put(m.getKey(), mine);
      double mass = Numbers.num(m.getValue(), "relevance_mass");
      double c = Numbers.num(chance, "relevance_mass");
      if (!Double.isNaN(mass) && c > 0) {
        blocks.add(new Block.Text(String.format("%s puts %s of its mass on the truth region, which covers %s of the grid: %s chance.",
            m.getKey(), Numbers.percent(mass), Numbers.percent(c), mass > c ? String.format(java.util.Locale.ROOT, "%.1f times", mass / c) : "no better than")));
      }
    }
    List<String> chanceRow = new ArrayList<>(List.of("chance (the truth region's share)"));
    for (String k : KEYS) chanceRow.add(Numbers.fmt(Numbers.num(chance, k)));
    rows.add(chanceRow);
    String layer = j.path("options").path("layer").asText("");
    numbers.put("layer", layer);
    numbers.put("chance", Numbers.num(chance, "relevance_mass"));
    blocks.add(new Block.Table("Localisation against truth (" + j.path("truth").asText(j.path("options").path("truth").asText("truth"))
        + (layer.isEmpty() ? "" : "; CAM methods at " + layer) + ")",
        List.of("method", "relevance mass", "relevance rank", "pointing game"), rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("localisation", "Localisation: " + label + (layer.isEmpty() ? "" : " (CAM layer " + layer + ")"), dir.resolve(file()), blocks, numbers);
  }
}
