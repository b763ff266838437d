package org.spectrolens.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.Json;
import org.spectrolens.io.Npy;

/**
 * An explain folder's maps in shards instead of one stack per method: {@code maps/<method>.part-NNNNN.npy}
 * (float32 [n, H, W], the maps of item rows {@code from} to {@code to - 1}) and
 * {@code maps/<method>.raw.part-NNNNN.npy} ([n, h, w]), listed in {@code maps/index.json}. Each
 * shard is written whole under its final name ({@link Npy#write} renames a temporary file into
 * place), so a task that runs twice leaves one copy; the index is written last, by whoever commits
 * the folder. Read back through {@link MapStack#read}, which assembles the stack a single file would hold.
 */
public final class MapShards {
  private MapShards() {}

  /** The folder of the shards and their index, inside an explain folder. */
  public static final String DIR = "maps";
  /** The index's name inside {@link #DIR}. */
  public static final String INDEX = "index.json";

  /**
   * One shard file.
   *
   * @param method the method id
   * @param raw whether it holds raw maps ({@code <method>.raw.npy}'s rows) rather than maps on the input grid
   * @param file its name inside {@code maps/}
   * @param from the first item row it holds
   * @param to one past its last item row
   * @param shape its array's shape, [to - from, H, W]
   */
  public record Shard(String method, boolean raw, String file, int from, int to, int[] shape) {}

  /**
   * {@code maps/index.json}.
   *
   * @param count item rows in all (every method's shards cover rows 0 to count - 1, each once)
   * @param dtype the shards' element type (always float32, little-endian, C order)
   * @param shards every shard, in method and row order
   */
  public record Index(int count, String dtype, List<Shard> shards) {
    public static final String FLOAT32 = "float32";
  }

  /** The file name of part {@code part} of {@code method}'s maps (raw or not). */
  public static String fileName(String method, boolean raw, int part) {
    return String.format(Locale.ROOT, "%s%s.part-%05d.npy", MapStack.fileStem(method), raw ? ".raw" : "", part);
  }

  /** The glob of a method's shards, as {@code explain.json} records it. */
  public static String pattern(String method, boolean raw) {
    return DIR + "/" + MapStack.fileStem(method) + (raw ? ".raw" : "") + ".part-*.npy";
  }

  /** Writes one shard of {@code rows} maps of {@code h x w} (each flat, C order) into {@code explainDir/maps/}. */
  public static Shard write(Path explainDir, String method, boolean raw, int part, int from, float[][] rows, int h, int w) {
    float[] all = new float[rows.length * h * w];
    for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, all, i * h * w, h * w);
    String name = fileName(method, raw, part);
    int[] shape = {rows.length, h, w};
    Npy.write(explainDir.resolve(DIR).resolve(name), new Npy.Array(shape, all));
    return new Shard(method, raw, name, from, from + rows.length, shape);
  }

  /** Writes {@code maps/index.json}: the last file of a sharded folder. */
  public static void writeIndex(Path explainDir, Index index) {
    try {
      AtomicFiles.writeString(explainDir.resolve(DIR).resolve(INDEX), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(index) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code explainDir} holds its maps in shards. */
  public static boolean sharded(Path explainDir) {
    return Files.isRegularFile(explainDir.resolve(DIR).resolve(INDEX));
  }

  /** Reads {@code maps/index.json}. */
  public static Index index(Path explainDir) {
    Path f = explainDir.resolve(DIR).resolve(INDEX);
    Index index;
    try {
      index = Json.MAPPER.readValue(f.toFile(), Index.class);
    } catch (IOException e) {
      throw new SpectrolensException(f.toString(), "not a readable shard index: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (index.shards() == null || index.count() < 0) throw new SpectrolensException(f.toString(), "not a shard index: no count or shards");
    if (!Index.FLOAT32.equals(index.dtype())) throw new SpectrolensException(f.toString(), "dtype '" + index.dtype() + "', expected float32");
    return index;
  }

  /**
   * The stack [count, H, W] of one method's maps (raw or not) assembled from its shards, each
   * checked against the index: present, of the shape the index records, the rows of all shards
   * covering every item once.
   */
  public static Npy.Array read(Path explainDir, String method, boolean raw) {
    Path maps = explainDir.resolve(DIR);
    Path indexFile = maps.resolve(INDEX);
    Index index = index(explainDir);
    List<Shard> mine = new ArrayList<>();
    // by file stem: a wrapper's id smoothgrad:gradcam and its file name smoothgrad+gradcam name the same maps
    for (Shard s : index.shards()) if (s.method() != null && MapStack.fileStem(method).equals(MapStack.fileStem(s.method())) && s.raw() == raw) mine.add(s);
    String what = method + (raw ? " (raw)" : "");
    if (mine.isEmpty()) throw new SpectrolensException(indexFile.toString(), "lists no shards of " + what);
    mine.sort(Comparator.comparingInt(Shard::from));
    int h = -1, w = -1, next = 0;
    for (Shard s : mine) {
      if (s.file() == null || s.shape() == null || s.shape().length != 3 || s.shape()[0] != s.to() - s.from()) {
        throw new SpectrolensException(indexFile.toString(), "shard " + s.file() + " of " + what + ": shape " + Arrays.toString(s.shape())
            + " does not hold rows " + s.from() + " to " + (s.to() - 1));
      }
      if (s.from() != next) throw new SpectrolensException(indexFile.toString(), what + ": rows " + next + " to " + (s.from() - 1)
          + " are in no shard or in two (next shard " + s.file() + " starts at row " + s.from() + ")");
      if (h >= 0 && (s.shape()[1] != h || s.shape()[2] != w)) {
        throw new SpectrolensException(indexFile.toString(), "shard " + s.file() + " of " + what + " is " + s.shape()[1] + "x" + s.shape()[2]
            + ", the others " + h + "x" + w);
      }
      h = s.shape()[1];
      w = s.shape()[2];
      next = s.to();
    }
    if (next != index.count()) throw new SpectrolensException(indexFile.toString(), what + ": the shards end at row " + (next - 1)
        + " of " + index.count());
    float[] all = new float[index.count() * h * w];
    for (Shard s : mine) {
      Path f = maps.resolve(s.file()).normalize();
      if (!f.startsWith(maps.normalize())) throw new SpectrolensException(indexFile.toString(), "shard '" + s.file() + "' is not a file in " + DIR);
      if (!Files.isRegularFile(f)) throw new SpectrolensException(f.toString(), "missing (" + DIR + "/" + INDEX + " lists it for rows "
          + s.from() + " to " + (s.to() - 1) + " of " + what + ")");
      Npy.Array a = readShaped(f, s.shape(), DIR + "/" + INDEX + " says");
      System.arraycopy(a.data(), 0, all, s.from() * h * w, a.data().length);
    }
    return new Npy.Array(new int[] {index.count(), h, w}, all);
  }

  /**
   * One shard file, refused in one line naming it where its shape is not {@code shape}
   * ({@code "shape [..], <source> [..]"}, {@code source} saying where the expected shape comes from).
   */
  public static Npy.Array readShaped(Path f, int[] shape, String source) {
    Npy.Array a = Npy.read(f);
    if (!Arrays.equals(a.shape(), shape)) {
      throw new SpectrolensException(f.toString(), "shape " + Arrays.toString(a.shape()) + ", " + source + " " + Arrays.toString(shape));
    }
    return a;
  }
}
