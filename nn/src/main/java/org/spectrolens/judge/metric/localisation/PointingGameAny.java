package org.spectrolens.judge.metric.localisation;

import org.spectrolens.judge.Described;
import org.spectrolens.judge.Judged;
import org.spectrolens.judge.LocalisationMetric;
import java.util.Set;

/**
 * The pointing game as Quantus's {@code PointingGame} scores it: 1 when any of the map's tied
 * maximum cells lies within the tolerance zone of the truth ({@link PointingGame#zone}), else 0.
 * Kept beside {@link PointingGame} for parity with Quantus: on a plateau it counts a hit for the
 * whole plateau, so a constant map scores 1 on every item. Chance: the zone's share of the grid
 * (what a map with a unique, uniformly placed maximum scores). NaN for an empty mask. Higher is
 * better.
 */
public final class PointingGameAny extends Described implements LocalisationMetric {
  public PointingGameAny() {
    super("pointing_game_any", Category.LOCALISATION, Direction.HIGHER, Set.of(Need.TRUTH),
        "1 when any of the map's tied maximum cells lies within the tolerance of the truth (Quantus's rule); chance = the share of the grid within it.");
  }

  @Override
  public double[] perSample(Judged j) {
    double[] out = new double[j.n()];
    for (int i = 0; i < out.length; i++) {
      boolean hit = PointingGame.inZone(PointingGame.maxima(j.map(i)), PointingGame.zone(j, j.truth(i))) > 0;
      out[i] = LocalisationMetric.share(j.truth(i)) > 0 ? (hit ? 1 : 0) : Double.NaN;
    }
    return out;
  }

  @Override
  public double[] chance(Judged j) {
    return new PointingGame().chance(j);
  }

  @Override
  public String heading() {
    return "pointing game (any max)";
  }
}
