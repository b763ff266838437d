package org.spectrolens.nn.hybrid;

import org.spectrolens.params.Param;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;

/** 100 CART trees (Gini, unlimited depth) on bootstrap samples, sqrt(features) candidate features per split, majority vote. */
final class RandomForest implements Classifier<RandomForest.Settings> {
  /** @param trees trees in the forest */
  record Settings(@Param(value = "trees in the forest", min = 1, max = 10_000) int trees) {}

  @Override
  public String id() {
    return "random-forest";
  }

  @Override
  public Settings defaults() {
    return new Settings(100);
  }

  @Override
  public String describe(Settings s) {
    return "random forest, " + s.trees() + " CART trees (Gini), sqrt(features) per split, voting (Tribuo)";
  }

  @Override
  public Trainer<Label> trainer(Settings s, int features, long seed) {
    float fraction = (float) Math.min(1.0, Math.ceil(Math.sqrt(features)) / features);
    return new RandomForestTrainer<>(new CARTClassificationTrainer(Integer.MAX_VALUE, fraction, seed), new VotingCombiner(), s.trees(), seed);
  }
}
