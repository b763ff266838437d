package org.spectrolens.nn.hybrid;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Multinomial logistic regression: softmax cross-entropy, AdaGrad (rate 0.1), 50 epochs, minibatch 16, no penalty. */
final class LogisticRegression implements Classifier {
  static final int EPOCHS = 50;
  static final int MINIBATCH = 16;

  @Override
  public String id() {
    return "logistic";
  }

  @Override
  public String describe() {
    return "multinomial logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad lr 0.1, " + EPOCHS
        + " epochs, minibatch " + MINIBATCH + ")";
  }

  @Override
  public Trainer<Label> trainer(int features, long seed) {
    return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 1e-6), EPOCHS, Integer.MAX_VALUE, MINIBATCH, seed);
  }
}
