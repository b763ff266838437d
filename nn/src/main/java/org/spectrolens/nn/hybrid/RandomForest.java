package org.spectrolens.nn.hybrid;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;

/** 100 CART trees (Gini, unlimited depth) on bootstrap samples, sqrt(features) candidate features per split, majority vote. */
final class RandomForest implements Classifier {
  static final int TREES = 100;

  @Override
  public String id() {
    return "random-forest";
  }

  @Override
  public String describe() {
    return "random forest, " + TREES + " CART trees (Gini), sqrt(features) per split, voting (Tribuo)";
  }

  @Override
  public Trainer<Label> trainer(int features, long seed) {
    float fraction = (float) Math.min(1.0, Math.ceil(Math.sqrt(features)) / features);
    return new RandomForestTrainer<>(new CARTClassificationTrainer(Integer.MAX_VALUE, fraction, seed), new VotingCombiner(), TREES, seed);
  }
}
