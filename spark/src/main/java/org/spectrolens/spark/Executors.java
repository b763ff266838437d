package org.spectrolens.spark;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.spectrolens.cli.ScaleOut;
import org.spectrolens.nn.Engines;

/**
 * What one executor JVM holds across tasks: the DJL engine, initialised once with the executor's
 * cores as its threads, and the command's worker (model, inputs, methods), opened once per command
 * line (the model from the copy shipped to this executor, {@link ShippedModel}) and reused by every
 * task of the job.
 *
 * <p>Tasks of one executor take turns on the engine (one lock): DJL's PyTorch engine allows one
 * gradient collector per JVM, and a task with every core of its executor runs as fast as two with
 * half each, so an executor never oversubscribes its cores. Parallelism comes from executors.
 */
final class Executors {
  private Executors() {}

  private static final ReentrantLock ENGINE = new ReentrantLock();
  private static List<String> key;
  private static AutoCloseable worker;
  /** Whether {@link #worker} is the driver's own (local mode), closed by the driver, not here. */
  private static boolean borrowed;

  /** The engine's threads on this executor: its cores ({@code spark.executor.cores}), all of the machine's when unset. */
  static int threads() {
    SparkEnv env = SparkEnv.get();
    int cores = Runtime.getRuntime().availableProcessors();
    return env == null ? cores : env.conf().getInt("spark.executor.cores", cores);
  }

  /** The worker of {@code args} on this JVM, opened on first use (a previous command's worker is closed). */
  static <W extends AutoCloseable> W worker(List<String> args, Class<W> type, Function<List<String>, W> open) {
    return locked(() -> {
      if (!args.equals(key) || !type.isInstance(worker)) {
        release();
        Engines.init(threads());
        worker = open.apply(ShippedModel.local(args)); // the model from the copy shipped to this executor
        key = args;
      }
      return type.cast(worker);
    });
  }

  /**
   * The command line the job's tasks receive. In local mode the tasks run in this JVM: they use the
   * worker the driver already has open ({@link ScaleOut.Job#opened}) instead of opening the model
   * and inputs a second time. Otherwise the model folder is shipped to the executors ({@link ShippedModel}).
   */
  static List<String> prepare(JavaSparkContext sc, ScaleOut.Job job) {
    if (sc.sc().isLocal() && job.opened() != null) {
      locked(() -> {
        release();
        worker = job.opened();
        key = job.args();
        borrowed = true;
        return null;
      });
      return job.args();
    }
    return ShippedModel.ship(sc, job.args());
  }

  /** Runs {@code work} with the engine to itself. */
  static <T> T locked(Supplier<T> work) {
    ENGINE.lock();
    try {
      return work.get();
    } finally {
      ENGINE.unlock();
    }
  }

  /** Forgets the cached worker, closing it (its model's native memory) unless it is the driver's, e.g. after a job run in the driver's own JVM. */
  static void release() {
    locked(() -> {
      if (worker != null && !borrowed) {
        try {
          worker.close();
        } catch (Exception e) {
          // a worker that fails to close holds nothing the next one needs
        }
      }
      worker = null;
      key = null;
      borrowed = false;
      return null;
    });
  }
}
