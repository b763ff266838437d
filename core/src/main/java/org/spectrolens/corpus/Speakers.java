package org.spectrolens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;
import org.spectrolens.io.IoErrors;

/**
 * Who speaks each recording: a {@code speakers.csv} whose header names at least an {@code id}
 * and a {@code speaker} column (other columns are ignored). An id is an utterance id
 * (LJSpeech {@code LJ001-0001}), or a file's path relative to the corpus root, with or without
 * its extension.
 */
public final class Speakers {
  public static final String FILE_NAME = "speakers.csv";
  private static final Speakers NONE = new Speakers(Map.of());
  private final Map<String, String> byId;

  private Speakers(Map<String, String> byId) {
    this.byId = Map.copyOf(byId);
  }

  public static Speakers none() {
    return NONE;
  }

  /** {@code file} when given, else {@code <root>/speakers.csv} when present, else none. */
  public static Speakers find(Path root, Path file) {
    if (file != null) return read(file);
    Path dflt = root.resolve(FILE_NAME);
    return Files.isRegularFile(dflt) ? read(dflt) : none();
  }

  public static Speakers read(Path file) {
    List<String> lines;
    try {
      lines = Csv.readLines(file);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), Files.exists(file) ? "cannot read: " + IoErrors.reason(e) : "no such file");
    }
    if (lines.isEmpty()) throw new SpectrolensException(file.toString(), "empty; expected a header with 'id' and 'speaker' columns");
    List<String> header = Csv.split(lines.get(0).replace("\uFEFF", "")).stream().map(String::trim).toList();
    int id = header.indexOf("id");
    int speaker = header.indexOf("speaker");
    if (id < 0 || speaker < 0) {
      throw new SpectrolensException(file.toString(), "line 1: expected a header naming 'id' and 'speaker' columns, found '" + lines.get(0) + "'");
    }
    Map<String, String> map = new HashMap<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      List<String> f = Csv.split(lines.get(n));
      if (f.size() <= Math.max(id, speaker)) {
        throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": expected " + header.size() + " fields, found " + f.size());
      }
      String key = f.get(id).trim();
      String before = map.put(key, f.get(speaker).trim());
      if (before != null && !before.equals(f.get(speaker).trim())) {
        throw new SpectrolensException(file.toString(), "line " + (n + 1) + ": id '" + key + "' given two speakers");
      }
    }
    return new Speakers(map);
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }

  /** The speaker of the first of {@code ids} that is listed. */
  public Optional<String> of(String... ids) {
    for (String i : ids) {
      String s = byId.get(i);
      if (s != null) return Optional.of(s);
    }
    return Optional.empty();
  }
}
