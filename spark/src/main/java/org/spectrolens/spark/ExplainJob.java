package org.spectrolens.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.spectrolens.SpectrolensException;
import org.spectrolens.cli.ExplainCommand;
import org.spectrolens.cli.ScaleOut;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.ExplainSource;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.InputSet;
import org.spectrolens.explain.MapShards;
import org.spectrolens.io.Npy;
import org.spectrolens.io.OutputFolder;

/**
 * {@code explain} as one Spark job: each task explains a range of whole batches on its executor
 * (the command rebuilt there from the same command line) and writes its maps as shards of the
 * output folder ({@link MapShards}: {@code maps/<method>.part-NNNNN.npy}) and the rest of its
 * batches (targets, logits, settings, times) as one record into the output's staging folder; the
 * driver replays the parts' batches, in order, with their maps read back from the shards, into the
 * writers the single-machine path uses (items, profiles, figures; no stacks) and writes the
 * shards' index at commit. The folder is the single-machine path's with the stacks in shards, plus
 * {@code items.parquet}.
 */
final class ExplainJob implements ExplainSource {
  private final JavaSparkContext sc;
  private final ScaleOut.Job job;
  private final int batch;
  /** The shards written, for the index (filled by {@link #run}). */
  private final List<MapShards.Shard> shards = new ArrayList<>();
  private int count;

  ExplainJob(JavaSparkContext sc, ScaleOut.Job job, int batch) {
    this.sc = sc;
    this.job = job;
    this.batch = batch;
  }

  @Override
  public boolean writesMaps() {
    return true;
  }

  @Override
  public BatchExplainer.Run run(InputSet set, BatchExplainer.Sink sink, IntConsumer progress) {
    long t0 = System.nanoTime();
    List<Partitions.Range> parts = Partitions.of(set.size(), batch, sc.defaultParallelism());
    Path staging = job.staging().toAbsolutePath();
    Path out = staging.getParent(); // the staging folder is a folder of the output being written
    OutputFolder.recordWrite(staging.resolve("part")); // the staging folder is the output's own, removed before it is published
    OutputFolder.recordWrite(out.resolve(MapShards.DIR).resolve(MapShards.INDEX)); // tasks elsewhere cannot record it
    List<String> args = Executors.prepare(sc, job);
    String dir = staging.toString();
    int b = batch;
    sc.parallelize(parts, parts.size()).foreach(r -> explainPart(args, Path.of(dir), r, b));
    Executors.release();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (Partitions.Range r : parts) {
      List<Shards.Batch> batches = Shards.read(staging, r.index());
      Map<String, Npy.Array[]> maps = new LinkedHashMap<>();
      for (Shards.MethodBatch m : batches.get(0).methods()) maps.put(m.method(), readShards(out, m, r));
      for (Shards.Batch s : batches) {
        Map<String, Explanation> byMethod = new LinkedHashMap<>();
        for (Shards.MethodBatch m : s.methods()) {
          Npy.Array[] a = maps.get(m.method());
          Shards.MethodBatch whole = m.withMaps(rows(a[0], s.from() - r.from(), m.n()), rows(a[1], s.from() - r.from(), m.n()));
          byMethod.put(m.method(), whole.explanation(set.axes(s.from())));
          seconds.merge(m.method(), m.seconds(), Double::sum);
        }
        sink.accept(s.from(), byMethod);
      }
      if (progress != null) progress.accept(r.to());
    }
    count = set.size();
    delete(staging);
    removeLeftovers(out.resolve(MapShards.DIR));
    return new BatchExplainer.Run(set.size(), (System.nanoTime() - t0) / 1e9, seconds);
  }

  /** Part {@code r}'s shards of method {@code m} (maps, raw maps), read back and noted for the index. */
  private Npy.Array[] readShards(Path out, Shards.MethodBatch m, Partitions.Range r) {
    Npy.Array[] a = new Npy.Array[2];
    for (int k = 0; k < 2; k++) {
      boolean raw = k == 1;
      String name = MapShards.fileName(m.method(), raw, r.index());
      int[] shape = {r.to() - r.from(), raw ? m.rawHeight() : m.height(), raw ? m.rawWidth() : m.width()};
      a[k] = MapShards.readShaped(out.resolve(MapShards.DIR).resolve(name), shape, "expected");
      shards.add(new MapShards.Shard(m.method(), raw, name, r.from(), r.to(), shape));
    }
    return a;
  }

  /** Rows {@code from} to {@code from + n - 1} of a stack [N, H, W], each flat. */
  private static float[][] rows(Npy.Array a, int from, int n) {
    int hw = a.shape()[1] * a.shape()[2];
    float[][] out = new float[n][hw];
    for (int i = 0; i < n; i++) System.arraycopy(a.data(), (from + i) * hw, out[i], 0, hw);
    return out;
  }

  /** On an executor: explains range {@code r} batch by batch and writes its map shards, then its record. */
  static void explainPart(List<String> args, Path staging, Partitions.Range r, int batch) {
    ExplainCommand.Worker w = Executors.worker(args, ExplainCommand.Worker.class, ExplainCommand.Worker::open);
    List<Shards.Batch> out = new ArrayList<>();
    for (int from = r.from(); from < r.to(); from += batch) {
      int f = from;
      int to = Math.min(r.to(), from + batch);
      out.add(Shards.Batch.of(f, Executors.locked(() -> w.explain(f, to))));
    }
    // each shard is renamed into place whole: a second attempt of this part rewrites the same files with the same maps
    List<Shards.Batch> records = new ArrayList<>();
    for (Shards.Batch b : out) records.add(new Shards.Batch(b.from(), b.methods().stream().map(Shards.MethodBatch::withoutMaps).toList()));
    for (int k = 0; k < out.get(0).methods().size(); k++) {
      Shards.MethodBatch first = out.get(0).methods().get(k);
      List<float[]> maps = new ArrayList<>();
      List<float[]> raws = new ArrayList<>();
      for (Shards.Batch b : out) {
        maps.addAll(List.of(b.methods().get(k).maps()));
        raws.addAll(List.of(b.methods().get(k).raw()));
      }
      MapShards.write(staging.getParent(), first.method(), false, r.index(), r.from(), maps.toArray(float[][]::new), first.height(), first.width());
      MapShards.write(staging.getParent(), first.method(), true, r.index(), r.from(), raws.toArray(float[][]::new), first.rawHeight(),
          first.rawWidth());
    }
    TaskContext task = TaskContext.get();
    Shards.write(staging, r.index(), task == null ? 0 : task.taskAttemptId(), records);
  }

  @Override
  public void finish(Path dir) {
    // by method in the order explained, maps before raw maps, then by row (a stable sort of the parts' order)
    List<String> order = shards.stream().map(MapShards.Shard::method).distinct().toList();
    shards.sort(java.util.Comparator.comparingInt((MapShards.Shard s) -> order.indexOf(s.method())).thenComparing(MapShards.Shard::raw));
    MapShards.writeIndex(dir, new MapShards.Index(count, MapShards.Index.FLOAT32, List.copyOf(shards)));
    ItemTables.parquet(dir, "items");
  }

  /** Temporary files of task attempts that died before renaming them (a retried attempt wrote the shard whole). */
  private static void removeLeftovers(Path maps) {
    if (!Files.isDirectory(maps)) return;
    try (Stream<Path> files = Files.list(maps)) {
      for (Path f : files.toList()) if (f.getFileName().toString().endsWith(".tmp")) Files.delete(f);
    } catch (IOException e) {
      throw new SpectrolensException(maps.toString(), "cannot clean: " + e.getMessage(), e);
    }
  }

  private static void delete(Path staging) {
    try (Stream<Path> files = Files.list(staging)) {
      for (Path f : files.toList()) Files.delete(f);
      Files.delete(staging);
    } catch (IOException e) {
      throw new SpectrolensException(staging.toString(), "cannot remove: " + e.getMessage(), e);
    }
  }
}
