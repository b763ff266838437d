package org.spectrolens.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import java.nio.file.Path;
import org.spectrolens.cli.DatasetCommand;
import org.spectrolens.cli.JudgeWorker;
import org.spectrolens.dataset.DatasetBuilder;
import org.spectrolens.cli.PredictCommand;
import org.spectrolens.cli.ScaleOut;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.ExplainSource;
import org.spectrolens.judge.StudyPart;

/** {@code --engine spark}: the heavy commands as Spark jobs, one task per range of whole batches (found by {@link java.util.ServiceLoader}). */
public final class SparkScaleOut implements ScaleOut {
  @Override
  public String id() {
    return "spark";
  }

  @Override
  public ExplainSource explain(Job job, int batch) {
    return new ExplainJob(Sessions.of(job.master(), job.command()), job, batch);
  }

  @Override
  public List<String> predict(Job job, int inputs) {
    JavaSparkContext sc = Sessions.of(job.master(), job.command());
    List<Partitions.Range> parts = Partitions.of(inputs, PREDICT_BATCH, sc.defaultParallelism());
    List<String> args = Executors.prepare(sc, job);
    List<List<String>> lines = sc.parallelize(parts, parts.size())
        .map(r -> {
          PredictCommand.Worker w = Executors.worker(args, PredictCommand.Worker.class, PredictCommand.Worker::open);
          return Executors.locked(() -> w.lines(r.from(), r.to()));
        })
        .collect();
    Executors.release();
    List<String> out = new ArrayList<>();
    lines.forEach(out::addAll);
    return out;
  }

  @Override
  public List<StudyPart> judge(Job job, int items, int batch) {
    JavaSparkContext sc = Sessions.of(job.master(), job.command());
    List<Partitions.Range> parts = Partitions.of(items, batch, sc.defaultParallelism());
    List<String> args = Executors.prepare(sc, job);
    // parts come back through Spark's task results: a retried task's result replaces the lost one, nothing is written twice
    List<StudyPart> out = sc.parallelize(parts, parts.size())
        .map(r -> {
          JudgeWorker w = Executors.worker(args, JudgeWorker.class, JudgeWorker::open);
          return Executors.locked(() -> w.part(r.from(), r.to()));
        })
        .collect();
    Executors.release();
    return out;
  }

  @Override
  public List<DatasetBuilder.BuildPart> dataset(Job job, int items) {
    JavaSparkContext sc = Sessions.of(job.master(), job.command());
    List<Partitions.Range> parts = Partitions.of(items, DATASET_BATCH, sc.defaultParallelism());
    List<String> args = Executors.prepare(sc, job);
    String partial = job.staging().toAbsolutePath().toString();
    // each item's grid is a file of its own name, written atomically: a retried part rewrites the same files
    List<DatasetBuilder.BuildPart> out = sc.parallelize(parts, parts.size())
        .map(r -> Executors.worker(args, DatasetCommand.Worker.class, DatasetCommand.Worker::open).part(Path.of(partial), r.from(), r.to()))
        .collect();
    Executors.release();
    return out;
  }

  /** Segments of {@code dataset} a task featurises at least (the front end needs no engine: tasks run side by side). */
  static final int DATASET_BATCH = 16;

  @Override
  public void tables(Job job, Path dir, List<String> names) {
    // written by the driver itself (ItemTables), so no session is needed
    for (String n : names) ItemTables.parquet(dir, n);
  }

  /** Inputs of {@code predict} run through the network together. */
  static final int PREDICT_BATCH = 32;
}
