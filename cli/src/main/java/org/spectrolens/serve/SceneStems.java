package org.spectrolens.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrolens.scene.SceneIndex;

/**
 * The monitoring scene's truth for a clip ({@code synth-scene}'s {@code events.csv} through
 * {@link SceneIndex}) and its stems ({@code stems/<id>.event.wav}, {@code <id>.rest.wav}, which sum
 * to the clip), where the scene corpus lies under a served folder.
 */
final class SceneStems {
  /** The stems a clip has, as the audio endpoint's {@code kind}. */
  static final List<String> KINDS = List.of("event", "rest");
  private static final Map<Path, Optional<SceneIndex>> INDEXES = new ConcurrentHashMap<>();

  private SceneStems() {}

  /** The clip's row with its events, or null where {@code source} is not a served scene clip. */
  static SceneIndex.Entry entry(ServedFolders folders, Path source) {
    Optional<Path> root = SceneIndex.find(source);
    if (root.isEmpty() || folders.inside(root.get().resolve("events.csv")) == null || folders.inside(root.get().resolve("clips.csv")) == null) {
      return null;
    }
    Optional<SceneIndex> index = INDEXES.computeIfAbsent(root.get(), r -> {
      try {
        return Optional.of(SceneIndex.read(r));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    });
    try {
      return index.map(i -> i.of(source.toString())).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The real path of the clip's stem of {@code kind} under a served folder, or null. */
  static Path file(ServedFolders folders, Path source, String kind) {
    if (!KINDS.contains(kind)) return null;
    Optional<Path> root = SceneIndex.find(source);
    if (root.isEmpty()) return null;
    String name = source.getFileName().toString();
    String id = name.endsWith(".wav") ? name.substring(0, name.length() - 4) : name;
    return folders.inside(root.get().resolve("stems").resolve(id + "." + kind + ".wav"));
  }
}
