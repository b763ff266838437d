package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.spectrolens.SpectrolensException;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.ExplainSource;

/**
 * An engine that runs a command's heavy part on many workers (the {@code spark} module's), found
 * on the class path with {@link ServiceLoader}: the CLI compiles without it, and {@code --engine
 * ID} selects it when its jar is there. Every worker rebuilds the command from the same command
 * line ({@link Job#args}) with the same library code, so a worker computes exactly what this
 * process would; the engine only decides where each part runs and hands the parts back in order.
 */
public interface ScaleOut {
  /** What {@code --engine} names this engine by. */
  String id();

  /**
   * One run of a command on the engine.
   *
   * @param command the command's name ({@code explain}, {@code faithfulness}, ...)
   * @param args the whole command line, as given (workers parse it again)
   * @param master where to run ({@code --master}; null: the engine's default)
   * @param staging a folder inside the output being written, for the workers' parts (removed before it is published)
   * @param opened the worker this process already has open for the same command line (its model and
   *     inputs), or null: an engine whose tasks run in this JVM (Spark's local mode) uses it instead of
   *     opening them a second time; it stays this process's to close
   */
  record Job(String command, List<String> args, String master, Path staging, AutoCloseable opened) {
    /** This job with {@code worker} as the one this process has open. */
    public Job opened(AutoCloseable worker) {
      return new Job(command, args, master, staging, worker);
    }
  }

  /** The batches of {@code explain}: inputs split into partitions of whole batches, explained by workers, replayed in order. */
  ExplainSource explain(Job job, int batch);

  /** {@code predict}: the printed line of each input, in input order. */
  List<String> predict(Job job, int inputs);

  /**
   * A judging command ({@code faithfulness}, {@code localisation}): the sample's {@code items} in
   * parts of whole batches of {@code batch}, each judged on a worker ({@link JudgeWorker#part}), in item order.
   */
  List<org.spectrolens.judge.StudyPart> judge(Job job, int items, int batch);

  /**
   * {@code dataset}: the recipe's {@code items} featurised in parts on workers
   * ({@link DatasetCommand.Worker#part}), each writing its grids into {@link Job#staging} (the
   * cache folder being written); the parts, in any order.
   */
  List<org.spectrolens.dataset.DatasetBuilder.BuildPart> dataset(Job job, int items);

  /** Writes {@code <name>.parquet} beside each {@code <name>.csv} of {@code dir} (an output folder being written). */
  void tables(Job job, Path dir, List<String> names);

  /** The engine with this id on the class path, or the one-line error saying how to get it. */
  static ScaleOut find(String id) {
    for (ScaleOut s : ServiceLoader.load(ScaleOut.class)) if (s.id().equals(id)) return s;
    throw new SpectrolensException("--engine", "'" + id + "' is not on the class path (build it with `mvn -B -DskipTests package`,"
        + " which the ./spectrolens launcher adds when spark/target/lib exists; see docs/spark.md)");
  }
}
