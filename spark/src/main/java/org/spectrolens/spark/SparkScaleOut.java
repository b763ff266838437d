package org.spectrolens.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.spectrolens.cli.PredictCommand;
import org.spectrolens.cli.ScaleOut;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.ExplainSource;

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
    SparkSession spark = Sessions.of(job.master(), job.command());
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Partitions.Range> parts = Partitions.of(inputs, PREDICT_BATCH, sc.defaultParallelism());
    List<String> args = job.args();
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

  /** Inputs of {@code predict} run through the network together. */
  static final int PREDICT_BATCH = 32;
}
