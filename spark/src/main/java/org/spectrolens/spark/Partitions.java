package org.spectrolens.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Item ranges {@code [from, to)} for the tasks of a job: whole batches each, so every batch is the single-machine path's. */
final class Partitions {
  private Partitions() {}

  /** One task's items. */
  record Range(int index, int from, int to) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Tasks a job's parallelism is split into: several per slot, so a lost executor costs little and slots stay busy. */
  static final int TASKS_PER_SLOT = 4;

  /**
   * {@code n} items in ranges of whole batches of {@code batch}, about {@link #TASKS_PER_SLOT}
   * ranges per slot of {@code parallelism}.
   */
  static List<Range> of(int n, int batch, int parallelism) {
    int batches = (n + batch - 1) / batch;
    int tasks = Math.max(1, Math.min(batches, parallelism * TASKS_PER_SLOT));
    int perTask = (batches + tasks - 1) / tasks;
    List<Range> out = new ArrayList<>();
    for (int from = 0; from < n; from += perTask * batch) out.add(new Range(out.size(), from, Math.min(n, from + perTask * batch)));
    return out;
  }
}
