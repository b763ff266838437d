package org.spectrolens.judge.metric.localisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.MapMetric;
import org.spectrolens.judge.Ties;
import java.util.Set;

/**
 * How many cells share the map's maximum value, per item (1 for a unique peak). A coarse map
 * upsampled by cell has a plateau for a maximum: a 2x2 layer read on a 64x64 grid ties 1,024
 * cells. Reported beside the pointing game, whose score on a plateau is the share of the tied
 * cells near the truth ({@link PointingGame}). Descriptive: neither direction is better.
 */
public final class MaximumPlateau extends Described implements MapMetric {
  /** The id, also the key the result files' plateau counts are derived from. */
  public static final String ID = Ties.MAX_TIED_CELLS;

  public MaximumPlateau() {
    super(ID, Category.LOCALISATION, Direction.NEITHER, Set.of(),
        "Cells tied at the map's maximum (1 for a unique peak; a coarse map upsampled by cell ties a whole block).");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) out[i] = Ties.maximumCells(j.map(i));
    return out;
  }

  @Override
  public String heading() {
    return "cells tied at max";
  }
}
