package org.spectrolens.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.judge.result.MapScores;

/**
 * A reader of a result file the library writes from a typed record (the judging results): it
 * reads the file through that record, lets the section say its text, tables and numbers, and
 * shows the folder's figures after them, as every section does.
 *
 * @param <R> the result record
 */
abstract class RecordSection<R> implements ResultReader {
  private final String file;
  private final Class<R> type;
  private final String kind;

  /**
   * @param file the result file's name
   * @param type its record
   * @param kind the section's kind ({@link Section#kind})
   */
  RecordSection(String file, Class<R> type, String kind) {
    this.file = file;
    this.type = type;
    this.kind = kind;
  }

  @Override
  public final String file() {
    return file;
  }

  @Override
  public final Section read(Path dir, String label, JsonNode json) {
    R result = Results.as(json, type, dir.resolve(file));
    List<Block> blocks = new ArrayList<>();
    Map<String, Object> numbers = new LinkedHashMap<>();
    body(result, blocks, numbers);
    for (Path png : Numbers.pngs(dir)) blocks.add(new Block.Figure(png, png.getFileName().toString()));
    return new Section(kind, title(result, label), dir.resolve(file), blocks, numbers);
  }

  /** The section's title for the folder {@code label}. */
  abstract String title(R result, String label);

  /** Adds the section's text and tables to {@code blocks} and its figures by name to {@code numbers} (what {@code report --json} writes). */
  abstract void body(R result, List<Block> blocks, Map<String, Object> numbers);

  /** A score, NaN when the map set or the score is absent. */
  static double score(MapScores s, String id) {
    return s == null ? Double.NaN : s.score(id);
  }

  /** The scores {@code ids} of a map set by id, in that order (NaN where absent). */
  static Map<String, Object> scores(MapScores s, List<String> ids) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String id : ids) out.put(id, score(s, id));
    return out;
  }

  /** A number that may be absent from the file: NaN then. */
  static double number(Double v) {
    return v == null ? Double.NaN : v;
  }
}
