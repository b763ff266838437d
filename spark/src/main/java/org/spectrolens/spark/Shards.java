package org.spectrolens.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.MapAxes;

/**
 * A partition's explanations on disk, in the staging folder of the output: {@code part-NNNNN.bin},
 * written under a name of its own attempt and renamed into place, so a task that is retried (or
 * runs twice, speculatively) leaves one whole shard of that name, never two or half of one. The
 * maps themselves are not in it: they are the part's {@code MapShards}, written before it, so a
 * part whose record is there has its maps there too.
 */
final class Shards {
  private Shards() {}

  /** One method's explanation of one batch, without the axes (the driver has them). */
  record MethodBatch(String method, String layer, int[] targets, float[][] logits, float[][] raw, int rawHeight, int rawWidth,
      float[][] maps, int height, int width, LinkedHashMap<String, Object> options, double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    static MethodBatch of(Explanation e) {
      return new MethodBatch(e.method(), e.layer(), e.targets(), e.logits(), e.raw(), e.rawHeight(), e.rawWidth(), e.maps(), e.height(),
          e.width(), new LinkedHashMap<>(e.options()), e.seconds());
    }

    /** This batch's record without its maps (they are in the part's {@code MapShards}). */
    MethodBatch withoutMaps() {
      return new MethodBatch(method, layer, targets, logits, null, rawHeight, rawWidth, null, height, width, options, seconds);
    }

    /** This record with its maps read back. */
    MethodBatch withMaps(float[][] maps, float[][] raw) {
      return new MethodBatch(method, layer, targets, logits, raw, rawHeight, rawWidth, maps, height, width, options, seconds);
    }

    /** How many inputs (the targets' count: the maps may have been left out). */
    int n() {
      return targets.length;
    }

    Explanation explanation(MapAxes axes) {
      return new Explanation(method, layer, targets, logits, raw, rawHeight, rawWidth, maps, height, width, options, seconds, axes);
    }
  }

  /** Every method's explanation of the inputs from {@code from} on, one batch. */
  record Batch(int from, List<MethodBatch> methods) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Batch of(int from, Map<String, Explanation> byMethod) {
      List<MethodBatch> m = new ArrayList<>();
      for (Explanation e : byMethod.values()) m.add(MethodBatch.of(e));
      return new Batch(from, m);
    }
  }

  static Path file(Path staging, int part) {
    return staging.resolve(String.format(Locale.ROOT, "part-%05d.bin", part));
  }

  /** Writes partition {@code part}'s batches; {@code attempt} names the temporary file of this try. */
  static void write(Path staging, int part, long attempt, List<Batch> batches) {
    Path target = file(staging, part);
    Path tmp = staging.resolve(target.getFileName() + "." + attempt + ".tmp");
    try {
      Files.createDirectories(staging);
      try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
        out.writeObject(new ArrayList<>(batches));
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SpectrolensException(target.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Batch> read(Path staging, int part) {
    Path f = file(staging, part);
    try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 20))) {
      return (List<Batch>) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new SpectrolensException(f.toString(), "cannot read: " + e.getMessage(), e);
    }
  }
}
