package org.spectrolens.spark;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkEnv;
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

  /** Runs {@code work} with the engine to itself. */
  static <T> T locked(Supplier<T> work) {
    ENGINE.lock();
    try {
      return work.get();
    } finally {
      ENGINE.unlock();
    }
  }

  /** Closes the cached worker (its model's native memory), e.g. after a job run in the driver's own JVM. */
  static void release() {
    locked(() -> {
      if (worker != null) {
        try {
          worker.close();
        } catch (Exception e) {
          // a worker that fails to close holds nothing the next one needs
        }
      }
      worker = null;
      key = null;
      return null;
    });
  }
}
