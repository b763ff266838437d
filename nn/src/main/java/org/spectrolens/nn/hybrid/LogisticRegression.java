package org.spectrolens.nn.hybrid;

import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;

/** Multinomial logistic regression: softmax cross-entropy, AdaGrad (rate 0.1), 50 epochs, minibatch 16, no penalty. */
final class LogisticRegression implements Classifier<LogisticRegression.Settings> {
  /**
   * @param learningRate AdaGrad's learning rate
   * @param epochs passes over the training set
   * @param minibatch vectors per gradient step
   */
  record Settings(@Param(value = "AdaGrad learning rate", min = 0, minOpen = true, max = 10) double learningRate,
      @Param(value = "passes over the training set", min = 1, max = 100_000) int epochs,
      @Param(value = "feature vectors per gradient step", min = 1, max = 1_000_000) int minibatch) {}

  @Override
  public String id() {
    return "logistic";
  }

  @Override
  public Settings defaults() {
    return new Settings(0.1, 50, 16);
  }

  @Override
  public String describe(Settings s) {
    return "multinomial logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad lr " + Params.number(s.learningRate()) + ", "
        + s.epochs() + " epochs, minibatch " + s.minibatch() + ")";
  }

  @Override
  public Trainer<Label> trainer(Settings s, int features, long seed) {
    return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(s.learningRate(), 1e-6), s.epochs(), Integer.MAX_VALUE, s.minibatch(), seed);
  }
}
