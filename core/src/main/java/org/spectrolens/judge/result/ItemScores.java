package org.spectrolens.judge.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;

/**
 * One row of a judging folder's {@code items.csv} ({@code id,label,map,<metric>...}, as
 * {@code judge.Study.itemRows} writes it): the per-item scores behind a study's means, for readers
 * that go item by item (the explorer's items table).
 *
 * @param id the dataset item
 * @param label its true class
 * @param map the method or reference map scored ({@code random}, {@code energy})
 * @param scores metric id to score, in the file's column order; NaN where undefined
 */
public record ItemScores(String id, String label, String map, Map<String, Double> scores) {
  /** The file's name in a judging folder. */
  public static final String FILE = "items.csv";

  public ItemScores {
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
  }

  /** Reads a judging folder's {@code items.csv}; a malformed file is one clear error naming the line. */
  public static List<ItemScores> read(Path file) {
    List<String> lines;
    try {
      lines = Csv.readLines(file);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).startsWith("id,label,map")) {
      throw new SpectrolensException(file.toString(), "line 1: expected a header starting 'id,label,map'");
    }
    List<String> metrics = Csv.split(lines.get(0)).subList(3, Csv.split(lines.get(0)).size());
    List<ItemScores> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      List<String> c = Csv.split(lines.get(n));
      if (c.size() != 3 + metrics.size()) {
        throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": expected " + (3 + metrics.size()) + " fields, found " + c.size());
      }
      Map<String, Double> scores = new LinkedHashMap<>();
      for (int k = 0; k < metrics.size(); k++) {
        try {
          scores.put(metrics.get(k), Double.parseDouble(c.get(3 + k)));
        } catch (NumberFormatException e) {
          throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": " + metrics.get(k) + " is not a number: '" + c.get(3 + k) + "'");
        }
      }
      out.add(new ItemScores(c.get(0), c.get(1), c.get(2), scores));
    }
    return out;
  }
}
