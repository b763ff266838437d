package org.spectrolens.nn.hybrid;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/** k-nearest neighbours: k 5, Euclidean distance on standardised features, majority vote, brute-force search. */
final class NearestNeighbours implements Classifier {
  static final int K = 5;

  @Override
  public String id() {
    return "knn";
  }

  @Override
  public String describe() {
    return "k-nearest neighbours, k " + K + ", Euclidean, voting (Tribuo)";
  }

  @Override
  public Trainer<Label> trainer(int features, long seed) {
    return new KNNTrainer<>(K, new L2Distance(), 1, new VotingCombiner(), KNNModel.Backend.STREAMS,
        NeighboursQueryFactoryType.BRUTE_FORCE);
  }
}
