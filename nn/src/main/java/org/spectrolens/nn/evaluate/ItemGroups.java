package org.spectrolens.nn.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.spectrolens.SpectrolensException;
import org.spectrolens.corpus.Speakers;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.io.Csv;
import org.spectrolens.dataset.DatasetItem;

/**
 * Which group each dataset item belongs to for a per-speaker or per-group breakdown
 * ({@code --by}): {@code speaker} is the item's speaker; {@code group} is the {@code group}
 * column of the corpus's {@code speakers.csv}, or else its {@code sex} column read as men, women
 * and children (the built-in corpus writes male, female, child); any other name is a column of
 * {@code speakers.csv}. Rows are found by utterance id (the recording's name without extension,
 * also as {@code wavs/<id>.wav}), or by speaker where the file has no {@code id} column. Items
 * without a row are in group {@value #UNKNOWN}.
 */
public final class ItemGroups {
  public static final String UNKNOWN = "unknown";
  private static final Map<String, String> SEX_TO_GROUP = Map.of("male", "men", "female", "women", "child", "children");

  private ItemGroups() {}

  /**
   * The grouping of {@code dataset}'s items by {@code by}.
   *
   * @param speakersCsv the table of speakers; null: {@code speakers.csv} found beside the
   *     recordings (in the folder of the first item's source or up to two folders above it)
   * @throws SpectrolensException for a column the table lacks, or no table where one is needed
   */
  public static Function<DatasetItem, String> by(String by, CachedDataset dataset, Path speakersCsv) {
    if (by.equals("speaker") && speakersCsv == null
        && dataset.items().stream().anyMatch(i -> !i.speaker().isEmpty())) {
      return i -> i.speaker().isEmpty() ? UNKNOWN : i.speaker();
    }
    Path file = speakersCsv != null ? speakersCsv : find(dataset, by);
    Table t = Table.read(file);
    if (by.equals("group") && !t.header.contains("group")) {
      if (!t.header.contains("sex")) {
        throw SpectrolensException.ofParameter("by", "group needs a 'group' or 'sex' column in " + file + " (columns: "
            + String.join(", ", t.header) + ")");
      }
      Function<DatasetItem, String> sex = t.column("sex", file);
      return i -> SEX_TO_GROUP.getOrDefault(sex.apply(i), sex.apply(i));
    }
    return t.column(by, file);
  }

  private static Path find(CachedDataset dataset, String by) {
    if (!dataset.items().isEmpty()) {
      Path dir = Path.of(dataset.items().get(0).source()).toAbsolutePath().getParent();
      for (int up = 0; up < 3 && dir != null; up++, dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve(Speakers.FILE_NAME))) return dir.resolve(Speakers.FILE_NAME);
      }
    }
    throw SpectrolensException.ofParameter("by", "'" + by + "' needs a speakers.csv, and none lies beside the dataset's "
        + "recordings; give one with `speakers` FILE");
  }

  /** speakers.csv with every column: rows keyed by id (or by speaker without an id column). */
  private record Table(List<String> header, String keyColumn, Map<String, List<String>> rows) {
    static Table read(Path file) {
      List<String> lines;
      try {
        lines = Csv.readLines(file);
      } catch (IOException e) {
        throw new SpectrolensException(file.toString(), Files.exists(file) ? "cannot read: " + e.getMessage() : "no such file");
      }
      if (lines.isEmpty()) throw new SpectrolensException(file.toString(), "empty; expected a header line");
      List<String> header = Csv.split(lines.get(0).replace("\uFEFF", "")).stream().map(String::trim).toList();
      String key = header.contains("id") ? "id" : header.contains("speaker") ? "speaker" : null;
      if (key == null) throw new SpectrolensException(file.toString(), "line 1: expected an 'id' or 'speaker' column");
      int k = header.indexOf(key);
      Map<String, List<String>> rows = new HashMap<>();
      for (int n = 1; n < lines.size(); n++) {
        if (lines.get(n).isBlank()) continue;
        List<String> f = Csv.split(lines.get(n)).stream().map(String::trim).toList();
        if (f.size() != header.size()) {
          throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": expected " + header.size() + " fields, found " + f.size());
        }
        rows.put(f.get(k), f);
      }
      return new Table(header, key, rows);
    }

    Function<DatasetItem, String> column(String name, Path file) {
      int c = header.indexOf(name);
      if (c < 0) {
        throw SpectrolensException.ofParameter("by", "no column '" + name + "' in " + file + " (columns: " + String.join(", ", header) + ")");
      }
      return item -> {
        List<String> row = keyColumn.equals("id") ? byId(item) : rows.get(item.speaker());
        return row == null || row.get(c).isEmpty() ? UNKNOWN : row.get(c);
      };
    }

    private List<String> byId(DatasetItem item) {
      String name = Path.of(item.source()).getFileName().toString();
      String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      for (String k : List.of(id, "wavs/" + name, "wavs/" + id, name, item.id())) {
        List<String> row = rows.get(k);
        if (row != null) return row;
      }
      return null;
    }
  }
}
