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
import org.spectrolens.io.OutputFolder;

/**
 * {@code explain} as one Spark job: each task explains a range of whole batches on its executor
 * (the command rebuilt there from the same command line) and writes them as one shard into the
 * output's staging folder; the driver then hands the shards' batches, in order, to the same
 * writers the single-machine path uses, so the folder is that path's, plus {@code items.parquet}.
 */
final class ExplainJob implements ExplainSource {
  private final JavaSparkContext sc;
  private final ScaleOut.Job job;
  private final int batch;

  ExplainJob(JavaSparkContext sc, ScaleOut.Job job, int batch) {
    this.sc = sc;
    this.job = job;
    this.batch = batch;
  }

  @Override
  public BatchExplainer.Run run(InputSet set, BatchExplainer.Sink sink, IntConsumer progress) {
    long t0 = System.nanoTime();
    List<Partitions.Range> parts = Partitions.of(set.size(), batch, sc.defaultParallelism());
    Path staging = job.staging().toAbsolutePath();
    OutputFolder.recordWrite(staging.resolve("part")); // the staging folder is the output's own, removed before it is published
    List<String> args = Executors.prepare(sc, job);
    String dir = staging.toString();
    int b = batch;
    sc.parallelize(parts, parts.size()).foreach(r -> explainPart(args, Path.of(dir), r, b));
    Executors.release();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (Partitions.Range r : parts) {
      for (Shards.Batch s : Shards.read(staging, r.index())) {
        Map<String, Explanation> byMethod = new LinkedHashMap<>();
        for (Shards.MethodBatch m : s.methods()) {
          byMethod.put(m.method(), m.explanation(set.axes(s.from())));
          seconds.merge(m.method(), m.seconds(), Double::sum);
        }
        sink.accept(s.from(), byMethod);
      }
      if (progress != null) progress.accept(r.to());
    }
    delete(staging);
    return new BatchExplainer.Run(set.size(), (System.nanoTime() - t0) / 1e9, seconds);
  }

  /** On an executor: explains range {@code r} batch by batch and writes its shard. */
  static void explainPart(List<String> args, Path staging, Partitions.Range r, int batch) {
    ExplainCommand.Worker w = Executors.worker(args, ExplainCommand.Worker.class, ExplainCommand.Worker::open);
    List<Shards.Batch> out = new ArrayList<>();
    for (int from = r.from(); from < r.to(); from += batch) {
      int f = from;
      int to = Math.min(r.to(), from + batch);
      out.add(Shards.Batch.of(f, Executors.locked(() -> w.explain(f, to))));
    }
    TaskContext task = TaskContext.get();
    Shards.write(staging, r.index(), task == null ? 0 : task.taskAttemptId(), out);
  }

  @Override
  public void finish(Path dir) {
    ItemTables.parquet(dir, "items");
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
