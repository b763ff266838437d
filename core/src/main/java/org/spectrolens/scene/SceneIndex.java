package org.spectrolens.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;

/**
 * What a written scene says about each clip: its kinds and SNR ({@code clips.csv}) and its events
 * ({@code events.csv}), by clip id.
 */
public final class SceneIndex {
  /** One clip's row of clips.csv with its events.csv rows. */
  public record Entry(String id, String label, List<SoundKind> kinds, double snrDb, List<SceneEvent> events) {
    public boolean holds(SoundKind k) {
      return kinds.contains(k);
    }
  }

  private final Path root;
  private final Map<String, Entry> entries;

  private SceneIndex(Path root, Map<String, Entry> entries) {
    this.root = root;
    this.entries = entries;
  }

  /** The scene a clip file {@code <scene>/<label>/<id>.wav} belongs to (its grandparent, holding scene.json), if any. */
  public static Optional<Path> find(Path clipFile) {
    Path abs = clipFile.toAbsolutePath().normalize();
    Path root = abs.getParent() == null ? null : abs.getParent().getParent();
    return root != null && Files.isRegularFile(root.resolve(SceneCorpus.Provenance.FILE)) ? Optional.of(root) : Optional.empty();
  }

  /** {@link #find}, or a one-line error naming the clip. */
  public static Path rootOf(Path clipFile) {
    return find(clipFile).orElseThrow(() -> new SpectrolensException(clipFile.toString(),
        "not a clip of a synth-scene corpus (no " + SceneCorpus.Provenance.FILE + " two levels up)"));
  }

  public static SceneIndex read(Path root) {
    Map<String, List<SceneEvent>> events = new HashMap<>();
    List<String> ev = lines(root.resolve("events.csv"));
    for (int n = 1; n < ev.size(); n++) {
      String[] f = ev.get(n).split(",", -1);
      if (f.length != 6) throw new SpectrolensException(root.resolve("events.csv").toString(), "line " + (n + 1) + ": expected 6 fields");
      events.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new SceneEvent(SoundKind.fromId(f[1]), Double.parseDouble(f[2]),
          Double.parseDouble(f[3]), f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]), f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5])));
    }
    Map<String, Entry> entries = new HashMap<>();
    List<String> cl = lines(root.resolve("clips.csv"));
    for (int n = 1; n < cl.size(); n++) {
      String[] f = cl.get(n).split(",", -1);
      if (f.length != 4) throw new SpectrolensException(root.resolve("clips.csv").toString(), "line " + (n + 1) + ": expected 4 fields");
      List<SoundKind> kinds = new ArrayList<>();
      for (String k : f[2].split(";")) kinds.add(SoundKind.fromId(k));
      entries.put(f[0], new Entry(f[0], f[1], kinds, Double.parseDouble(f[3]), events.getOrDefault(f[0], List.of())));
    }
    return new SceneIndex(root, entries);
  }

  public Path root() {
    return root;
  }

  /** The entry of clip {@code id}, or of the clip file {@code <id>.wav}. */
  public Entry of(String idOrFile) {
    String id = Path.of(idOrFile).getFileName().toString();
    if (id.endsWith(".wav")) id = id.substring(0, id.length() - 4);
    Entry e = entries.get(id);
    if (e == null) throw new SpectrolensException(root.resolve("clips.csv").toString(), "no clip '" + id + "'");
    return e;
  }

  private static List<String> lines(Path p) {
    try {
      return Csv.readLines(p).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new SpectrolensException(p.toString(), "cannot read: " + e.getMessage());
    }
  }
}
