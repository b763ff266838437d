package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code discriminativity.json}: on mixtures of a positive and a negative clip, how much of each class's map lies on its own source. */
final class DiscriminativityResult implements ResultReader {
  @Override
  public String file() {
    return "discriminativity.json";
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> m : Numbers.fields(j.path("methods"))) {
      JsonNode v = m.getValue();
      double pos = Numbers.num(v, "own_share_positive");
      double neg = Numbers.num(v, "own_share_negative");
      double chance = Numbers.num(v, "chance");
      rows.add(List.of(m.getKey(), Numbers.percent(pos), Numbers.percent(neg), Numbers.percent(chance)));
      numbers.put(m.getKey(), Map.of("own_share_positive", pos, "own_share_negative", neg, "chance", chance));
      blocks.add(new Block.Text(String.format("%s: the positive class's map puts %s of its mass on the patient event and the negative class's"
          + " %s on the room sounds, against %s by chance%s.", m.getKey(), Numbers.percent(pos), Numbers.percent(neg), Numbers.percent(chance),
          pos > chance && neg > chance ? ": each class's map marks its own source" : ": the maps do not separate the sources")));
    }
    blocks.add(new Block.Table("Class discriminativity on mixtures (the thesis's Figure 3.11, as numbers)",
        List.of("method", "positive map on the event", "negative map on the rest", "chance"), rows));
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section("discriminativity", "Class discriminativity: " + label, dir.resolve(file()), blocks, numbers);
  }
}
