package org.spectrolens.nn.hybrid;

import org.spectrolens.family.Member;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A classic classifier of a hybrid model, from Tribuo (Apache-2.0). One class per member,
 * registered in {@link Classifiers}; adding one is one file and a line there.
 */
public interface Classifier extends Member {
  /** The id after {@code hybrid:} in {@code --model}. */
  @Override
  String id();

  /** One line: the classifier and its hyper-parameters ({@link #describe}). */
  @Override
  default String description() {
    return describe();
  }

  /** The hyper-parameters, in words, for the model's config and the docs. */
  String describe();

  /**
   * A Tribuo trainer for standardised feature vectors of {@code features} values.
   *
   * @param seed seeds every random choice (SGD order, bootstrap samples, feature subsets)
   */
  Trainer<Label> trainer(int features, long seed);
}
