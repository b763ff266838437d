package org.spectrolens.nn.hybrid;

import org.spectrolens.params.Param;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/** k-nearest neighbours: k 5, Euclidean distance on standardised features, majority vote, brute-force search. */
final class NearestNeighbours implements Classifier<NearestNeighbours.Settings> {
  /** @param k neighbours that vote */
  record Settings(@Param(value = "neighbours that vote", min = 1, max = 10_000) int k) {}

  @Override
  public String id() {
    return "knn";
  }

  @Override
  public Settings defaults() {
    return new Settings(5);
  }

  @Override
  public String describe(Settings s) {
    return "k-nearest neighbours, k " + s.k() + ", Euclidean, voting (Tribuo)";
  }

  @Override
  public Trainer<Label> trainer(Settings s, int features, long seed) {
    return new KNNTrainer<>(s.k(), new L2Distance(), 1, new VotingCombiner(), KNNModel.Backend.STREAMS,
        NeighboursQueryFactoryType.BRUTE_FORCE);
  }
}
