package org.spectrolens.explain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Npy;
import org.spectrolens.io.NpyStackWriter;
import org.spectrolens.explain.result.ExplainResult;
import org.spectrolens.spectrogram.GridAxes;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.io.Csv;

/**
 * The on-disk form of a batch explanation, one folder:
 * <ul>
 *   <li>{@code <method>.npy}: float32 [N, H, W], the maps on the input grid in [0, 1] (row 0 the
 *       lowest frequency); {@code <method>.raw.npy}: [N, h, w], the raw signed maps;
 *   <li>{@code items.csv}: {@code row,id,source,start,end,label,predicted,target,probability,time_start,time_step}
 *       (start/end empty where the whole file was used, probability that of the target; time_step the
 *       item's own seconds per column, which differ between items whose segments were resized in time
 *       to the fixed width);
 *   <li>{@code explain.json}: the run (model, inputs, classes, input shape), the axes (Hz of every
 *       row, seconds between columns; column t of row r's item is at {@code time_start + t * time_step}),
 *       and per method its files, raw shape, layer, settings and parameters, and seconds.
 * </ul>
 * A wrapper's id {@code smoothgrad:gradcam} is written {@code smoothgrad+gradcam} in file names.
 * A folder written by several workers ({@code --engine spark}) holds the stacks in shards instead,
 * {@code maps/<method>.part-NNNNN.npy} listed in {@code maps/index.json} ({@link MapShards});
 * {@link #read} and {@link #stack} give the same arrays from either form.
 * The writer streams: each batch is written as it comes, so memory holds one batch.
 */
public final class MapStack {
  private MapStack() {}

  /** A method id as a file name stem. */
  public static String fileStem(String method) {
    return method.replace(':', '+');
  }

  /** The maps of one method read back: [N][H*W] and the grid size. */
  public record Maps(float[][] maps, int height, int width) {}

  /**
   * Reads {@code <method>.npy} (or the raw maps with {@code raw}) from an explain folder; where the
   * folder holds its maps in shards instead ({@link MapShards}, what {@code --engine spark} writes),
   * the stack they assemble, the same array.
   */
  public static Maps read(Path dir, String method, boolean raw) {
    Npy.Array a = stack(dir.resolve(fileStem(method) + (raw ? ".raw.npy" : ".npy")));
    if (a.shape().length != 3) throw new SpectrolensException(dir.toString(), method + ": expected a stack [N,H,W]");
    int n = a.shape()[0];
    int hw = a.shape()[1] * a.shape()[2];
    float[][] out = new float[n][hw];
    for (int i = 0; i < n; i++) System.arraycopy(a.data(), i * hw, out[i], 0, hw);
    return new Maps(out, a.shape()[1], a.shape()[2]);
  }

  /**
   * The array of {@code npy}; where that file is absent and it would be a stack of a sharded
   * explain folder ({@code <method>.npy} or {@code <method>.raw.npy} beside {@code maps/index.json}),
   * the stack its shards assemble: any reader given a stack's path reads either form.
   */
  public static Npy.Array stack(Path npy) {
    if (!inShards(npy)) return Npy.read(npy);
    String name = npy.getFileName().toString();
    boolean raw = name.endsWith(".raw.npy");
    return MapShards.read(npy.toAbsolutePath().getParent(), name.substring(0, name.length() - (raw ? ".raw.npy" : ".npy").length()), raw);
  }

  /** Whether {@code npy} is a file, or a stack that {@link #stack} assembles from shards. */
  public static boolean exists(Path npy) {
    return Files.exists(npy) || inShards(npy);
  }

  private static boolean inShards(Path npy) {
    Path dir = npy.toAbsolutePath().getParent();
    return !Files.exists(npy) && dir != null && npy.getFileName().toString().endsWith(".npy") && MapShards.sharded(dir);
  }

  /**
   * The axes of map {@code item} of an explain folder's stacks: rows at the Hz that
   * {@code explain.json} records, columns from the item's first column ({@code items.csv}
   * {@code time_start}; 0 when unknown) at its time step, {@code columns} of them. Null when {@code dir} holds no
   * {@code explain.json} (a grid without axes).
   */
  public static MapAxes axes(Path dir, int item, int columns) {
    Path json = dir.resolve(ExplainResult.FILE);
    if (!Files.isRegularFile(json)) return null;
    GridAxes a = ExplainResult.read(json).axes();
    FrequencyAxis f = a == null ? null : a.frequencyAxis();
    if (f == null) return null;
    if (a.timeAxis(0, columns) == null) return new MapAxes(f, null);
    List<ItemRow> items = Files.isRegularFile(dir.resolve("items.csv")) ? readItems(dir) : List.of();
    return axes(a, item < items.size() ? items.get(item) : null, columns);
  }

  /**
   * The same from what was read already: {@code explain.json}'s axes and the item's row of {@code items.csv}
   * (null when unknown); for a reader that answers many items of one folder.
   */
  public static MapAxes axes(GridAxes a, ItemRow row, int columns) {
    FrequencyAxis f = a == null ? null : a.frequencyAxis();
    if (f == null) return null;
    if (a.timeAxis(0, columns) == null) return new MapAxes(f, null);
    double start = row != null && !Double.isNaN(row.timeStart()) ? row.timeStart() : 0;
    // the item's own seconds per column where recorded (a resized segment's differ from the first item's)
    double step = row != null && row.timeStep() > 0 ? row.timeStep() : Double.NaN;
    return new MapAxes(f, Double.isNaN(step) ? a.timeAxis(start, columns) : org.spectrolens.spectrogram.TimeAxis.of(start, step, columns));
  }

  /** One row of {@code items.csv}; {@code timeStep} NaN where not recorded (a folder written before it was). */
  public record ItemRow(int row, String id, String source, double start, double end, String label, String predicted,
      String target, double probability, double timeStart, double timeStep) {}

  /** Reads {@code items.csv} of an explain folder (with or without its {@code time_step} column). */
  public static List<ItemRow> readItems(Path dir) {
    List<ItemRow> out = new ArrayList<>();
    Path csv = dir.resolve("items.csv");
    int fields = header(csv).endsWith(",time_step") ? 11 : 10;
    for (List<String> c : rows(csv, fields)) {
      out.add(new ItemRow(Integer.parseInt(c.get(0)), c.get(1), c.get(2), number(c.get(3)), number(c.get(4)), c.get(5), c.get(6),
          c.get(7), number(c.get(8)), number(c.get(9)), fields == 11 ? number(c.get(10)) : Double.NaN));
    }
    return out;
  }

  private static String header(Path f) {
    try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      String h = r.readLine();
      return h == null ? "" : h.trim();
    } catch (IOException e) {
      throw new SpectrolensException(f.toString(), "cannot read: " + e.getMessage(), e);
    }
  }

  /** One row of {@code profiles.csv}: the mean importance of a map over a band (axis "hz") or a time span (axis "s"). */
  public record ProfileRow(int row, String method, String axis, double from, double to, double importance) {}

  /** Reads {@code profiles.csv} of an explain folder. */
  public static List<ProfileRow> readProfiles(Path dir) {
    List<ProfileRow> out = new ArrayList<>();
    for (List<String> c : rows(dir.resolve("profiles.csv"), 6)) {
      out.add(new ProfileRow(Integer.parseInt(c.get(0)), c.get(1), c.get(2), number(c.get(3)), number(c.get(4)), number(c.get(5))));
    }
    return out;
  }

  /** The rows of a CSV after its header, each checked to hold {@code fields} fields. */
  private static List<List<String>> rows(Path f, int fields) {
    List<String> lines;
    try {
      lines = Csv.readLines(f);
    } catch (IOException e) {
      throw new SpectrolensException(f.toString(), "cannot read: " + e.getMessage(), e);
    }
    List<List<String>> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      List<String> c = org.spectrolens.io.Csv.split(lines.get(n));
      if (c.size() != fields) throw new SpectrolensException(f.toString(), "line " + (n + 1) + ": expected " + fields + " fields, found " + c.size());
      out.add(c);
    }
    return out;
  }

  private static double number(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** Streams a batch explanation into a folder (one that is published whole when done). */
  public static final class Writer implements BatchExplainer.Sink, AutoCloseable {
    private final Path dir;
    private final InputSet set;
    private final List<String> classes;
    private final Map<String, NpyStackWriter> maps = new LinkedHashMap<>();
    private final Map<String, NpyStackWriter> raws = new LinkedHashMap<>();
    private final Map<String, ExplainResult.MethodFiles> methods = new LinkedHashMap<>();
    private final BufferedWriter items;
    private MapAxes axes;
    /** The smallest and largest seconds per column over the items written. */
    private double minStep = Double.POSITIVE_INFINITY, maxStep = Double.NEGATIVE_INFINITY;

    /** Whether this writer writes the stacks; false where the engine writes the maps in shards itself ({@link MapShards}). */
    private final boolean stacks;

    public Writer(Path dir, InputSet set, List<String> classes) {
      this(dir, set, classes, true);
    }

    /** With {@code stacks} false, everything but the stacks: the engine has written the maps as {@link MapShards}. */
    public Writer(Path dir, InputSet set, List<String> classes, boolean stacks) {
      this.dir = dir;
      this.set = set;
      this.classes = classes;
      this.stacks = stacks;
      try {
        org.spectrolens.io.OutputFolder.recordWrite(dir.resolve("items.csv"));
        Files.createDirectories(dir);
        items = Files.newBufferedWriter(dir.resolve("items.csv"), StandardCharsets.UTF_8);
        items.write("row,id,source,start,end,label,predicted,target,probability,time_start,time_step\n");
      } catch (IOException e) {
        throw new SpectrolensException(dir.toString(), "cannot write: " + e.getMessage(), e);
      }
    }

    @Override
    public void accept(int from, Map<String, Explanation> byMethod) {
      Explanation first = byMethod.values().iterator().next();
      if (axes == null) axes = set.axes(from);
      for (Explanation e : byMethod.values()) {
        String stem = fileStem(e.method());
        if (!methods.containsKey(e.method())) {
          if (stacks) {
            maps.put(e.method(), new NpyStackWriter(dir.resolve(stem + ".npy"), set.size(), e.height(), e.width()));
            raws.put(e.method(), new NpyStackWriter(dir.resolve(stem + ".raw.npy"), set.size(), e.rawHeight(), e.rawWidth()));
          }
          String frequency = e.layer() != null && e.rawHeight() == 1 && e.height() > 1 ? ExplainResult.MethodFiles.TIME_ONLY : null;
          methods.put(e.method(), new ExplainResult.MethodFiles(stacks ? stem + ".npy" : MapShards.pattern(e.method(), false),
              stacks ? stem + ".raw.npy" : MapShards.pattern(e.method(), true), new int[] {e.rawHeight(), e.rawWidth()},
              e.layer(), e.options(), 0.0, frequency));
        }
        for (int i = 0; stacks && i < e.n(); i++) {
          maps.get(e.method()).write(e.maps()[i]);
          raws.get(e.method()).write(e.raw()[i]);
        }
        methods.put(e.method(), methods.get(e.method()).plusSeconds(e.seconds()));
      }
      try {
        for (int i = 0; i < first.n(); i++) {
          InputSet.Item it = set.item(from + i);
          MapAxes a = set.axes(from + i);
          int t = first.targets()[i];
          items.write(String.join(",", Integer.toString(from + i), csv(it.id()), csv(it.source()), num(it.start()), num(it.end()),
              csv(it.label()), csv(classes.get(first.predicted(i))), csv(classes.get(t)), num(first.targetProbability(i)),
              a.times() == null ? "" : num(a.times().start()), a.times() == null ? "" : num(a.times().step())));
          if (a.times() != null) {
            minStep = Math.min(minStep, a.times().step());
            maxStep = Math.max(maxStep, a.times().step());
          }
          items.write('\n');
        }
      } catch (IOException e) {
        throw new SpectrolensException(dir.resolve("items.csv").toString(), "cannot write: " + e.getMessage(), e);
      }
    }

    /** Closes the stacks and writes {@code explain.json}: {@code run} (what was explained and how) beside the per-method records. */
    public void finish(ExplainResult.Run run, BatchExplainer.Run stats) {
      close();
      double[] columnSeconds = maxStep > minStep * 1.01 ? new double[] {minStep, maxStep} : null;
      ExplainResult.of(run, set.size(), classes, axes == null ? null : GridAxes.of(axes.frequencies(), axes.times()), methods, stats.seconds(),
          stats.inputsPerSecond(), columnSeconds).write(dir);
    }

    @Override
    public void close() {
      try {
        items.close();
      } catch (IOException e) {
        throw new SpectrolensException(dir.resolve("items.csv").toString(), "cannot write: " + e.getMessage(), e);
      }
      for (NpyStackWriter w : maps.values()) w.close();
      for (NpyStackWriter w : raws.values()) w.close();
    }
  }

  /**
   * Streams {@code profiles.csv} ({@code row,method,axis,from,to,importance}; axis "hz": the mean
   * importance per band of {@code bandHz}, "s": per time span of {@code spanSeconds} where the
   * columns' times are known), the file {@link #readProfiles} reads.
   */
  public static final class ProfileWriter implements BatchExplainer.Sink, AutoCloseable {
    private final Path file;
    private final BufferedWriter w;
    private final double bandHz;
    private final double spanSeconds;

    public ProfileWriter(Path dir, double bandHz, double spanSeconds) {
      this.file = dir.resolve("profiles.csv");
      this.bandHz = bandHz;
      this.spanSeconds = spanSeconds;
      try {
        org.spectrolens.io.OutputFolder.recordWrite(file);
        Files.createDirectories(dir);
        w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write("row,method,axis,from,to,importance\n");
      } catch (IOException e) {
        throw new SpectrolensException(file.toString(), "cannot write: " + e.getMessage(), e);
      }
    }

    @Override
    public void accept(int from, Map<String, Explanation> byMethod) {
      try {
        for (Explanation e : byMethod.values()) {
          if (e.axes() == null) continue;
          for (int i = 0; i < e.n(); i++) {
            float[][] map = e.map(i);
            for (MapAxes.Band b : e.axes().frequencyBands(map, bandHz)) line(from + i, e.method(), "hz", b);
            List<MapAxes.Band> spans = e.axes().timeSpans(map, spanSeconds);
            if (spans != null) for (MapAxes.Band b : spans) line(from + i, e.method(), "s", b);
          }
        }
      } catch (IOException ex) {
        throw new SpectrolensException(file.toString(), "cannot write: " + ex.getMessage(), ex);
      }
    }

    private void line(int row, String method, String axis, MapAxes.Band b) throws IOException {
      w.write(row + "," + method + "," + axis + "," + b.from() + "," + b.to() + "," + b.importance() + "\n");
    }

    @Override
    public void close() {
      try {
        w.close();
      } catch (IOException e) {
        throw new SpectrolensException(file.toString(), "cannot write: " + e.getMessage(), e);
      }
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String csv(String s) {
    if (s == null) return "";
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
