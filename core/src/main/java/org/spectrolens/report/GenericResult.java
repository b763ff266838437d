package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A result whose numbers the report shows as they are (every scalar, by its path in the JSON) with
 * the figures beside it: {@code explain.json} (the maps of each method, with their times).
 */
final class GenericResult implements ResultReader {
  static final int MAX_ROWS = 80;

  private final String file;
  private final String kind;
  private final String title;
  private final String intro;

  GenericResult(String file, String kind, String title, String intro) {
    this.file = file;
    this.kind = kind;
    this.title = title;
    this.intro = intro;
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public Section read(Path dir, String label, JsonNode j) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Text(intro));
    List<List<String>> rows = Numbers.leaves(j, "", MAX_ROWS, new ArrayList<>());
    blocks.add(new Block.Table(file + (rows.size() >= MAX_ROWS ? " (first " + MAX_ROWS + " values; all in the JSON)" : ""),
        List.of("value", ""), rows));
    List<Path> figures = new ArrayList<>(Numbers.pngs(dir));
    Path more = dir.resolve("figures");
    if (java.nio.file.Files.isDirectory(more)) {
      try (var s = java.nio.file.Files.list(more)) {
        s.sorted().limit(6).forEach(d -> {
          Path p = d.resolve("methods.png");
          if (java.nio.file.Files.isRegularFile(p)) figures.add(p);
        });
      } catch (java.io.IOException e) {
        // figures are optional
      }
    }
    for (Path png : figures) blocks.add(new Block.Figure(png, dir.relativize(png).toString()));
    return new Section(kind, title + ": " + label, dir.resolve(file), blocks, Map.of("json", j));
  }
}
