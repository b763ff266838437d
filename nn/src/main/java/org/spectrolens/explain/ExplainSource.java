package org.spectrolens.explain;

import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * What explains a whole set batch by batch into a sink: a {@link BatchExplainer} in this process,
 * or an engine that explains partitions of the set elsewhere (the {@code spark} module) and replays
 * their batches, in order, into the same sink, so every output is written by the same code.
 */
@FunctionalInterface
public interface ExplainSource {
  /** Explains every input of the set; {@code progress} (may be null) hears the count done after each batch. */
  BatchExplainer.Run run(InputSet set, BatchExplainer.Sink sink, IntConsumer progress);

  /**
   * True where the source writes the maps itself, as {@link MapShards} of the output folder (its
   * tasks write a shard each, {@link #finish} the index): the sink then writes no stacks.
   */
  default boolean writesMaps() {
    return false;
  }

  /** Writes this source's own files into the output folder {@code dir} once the maps and tables are written, before it is published. */
  default void finish(Path dir) {}
}
