package org.spectrolens.judge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.explain.BatchExplainer;
import org.spectrolens.explain.Explanation;
import org.spectrolens.explain.InputSet;

/**
 * Every method's maps of a whole input set, made by the explain engine ({@link BatchExplainer},
 * a batch of inputs at a time, each input's random streams keyed by its row): the maps the
 * judging commands judge.
 *
 * @param maps by method id, [n][H*W] in [0, 1]
 * @param seconds by method id, the engine's time for the method
 */
public record MethodMaps(Map<String, float[][]> maps, Map<String, Double> seconds) {

  public static MethodMaps of(BatchExplainer engine, InputSet set) {
    return of(engine, set, line -> { });
  }

  /**
   * The maps of items {@code [from, to)} only (a part of a set judged in parts), {@code from} a
   * multiple of the engine's batch: explained in the batches the whole set is, so they are its maps.
   */
  public static MethodMaps of(BatchExplainer engine, InputSet set, int from, int to) {
    if (from % engine.batch() != 0) throw new IllegalArgumentException("a part starts at a whole batch: " + from);
    Map<String, float[][]> maps = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (int b = from; b < to; b += engine.batch()) {
      for (Map.Entry<String, Explanation> e : engine.explain(set, b, Math.min(to, b + engine.batch())).entrySet()) {
        float[][] all = maps.computeIfAbsent(e.getKey(), k -> new float[to - from][]);
        float[][] part = e.getValue().maps();
        System.arraycopy(part, 0, all, b - from, part.length);
        seconds.merge(e.getKey(), e.getValue().seconds(), Double::sum);
      }
    }
    return new MethodMaps(maps, seconds);
  }

  /** As above, with about ten progress lines ({@code "explained 64 of 200 items (12 s)"}). */
  public static MethodMaps of(BatchExplainer engine, InputSet set, java.util.function.Consumer<String> progress) {
    long t0 = System.nanoTime();
    int[] tenth = {0}; // the last tenth of the set reported
    Map<String, float[][]> maps = new LinkedHashMap<>();
    BatchExplainer.Run run = engine.run(set, (from, byMethod) -> {
      for (Map.Entry<String, Explanation> e : byMethod.entrySet()) {
        float[][] all = maps.computeIfAbsent(e.getKey(), k -> new float[set.size()][]);
        float[][] part = e.getValue().maps();
        System.arraycopy(part, 0, all, from, part.length);
      }
    }, done -> {
      if (done == set.size() || 10L * done / set.size() > tenth[0]) {
        tenth[0] = (int) (10L * done / set.size());
        progress.accept(String.format(java.util.Locale.ROOT, "explained %d of %d items (%.0f s)", done, set.size(), (System.nanoTime() - t0) / 1e9));
      }
    });
    return new MethodMaps(maps, run.methodSeconds());
  }
}
