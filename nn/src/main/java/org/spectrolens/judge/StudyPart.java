package org.spectrolens.judge;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part of a study judged in parts (items {@code [first, first + targets.length)} of the
 * sample, e.g. one Spark task's): what {@link Study#merge} needs to give the whole sample's study.
 *
 * @param first the place of the part's first item in the whole sample
 * @param targets the class each item's maps explain (its predicted class)
 * @param methods how many of {@code entries} are methods (the rest are the reference maps)
 * @param entries per map set, in {@link Study#all} order
 * @param forwardPasses the part's forward passes for the metrics
 * @param metricSeconds the part's time in the metrics
 */
public record StudyPart(int first, int[] targets, int methods, List<EntryPart> entries, long forwardPasses, double metricSeconds)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One map set's part: per-item scores by metric id, the maps, the curves computed (by kind), seconds. */
  public record EntryPart(String name, LinkedHashMap<String, double[]> perSample, float[][] maps, Map<Curves.Kind, Curves> curves,
      double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
