package org.spectrolens.nn.hybrid;

import java.util.function.BiFunction;
import org.spectrolens.family.Parameterised;
import org.spectrolens.params.Params;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A classic classifier of a hybrid model, from Tribuo (Apache-2.0), with its hyper-parameters as
 * a parameter record ({@link org.spectrolens.params.Param} ranges, as every family's). One class
 * per member, registered in {@link Classifiers}; adding one is one file and a line there.
 *
 * @param <P> the hyper-parameter record
 */
public interface Classifier<P extends Record> extends Parameterised<P, Classifier.Configured> {
  /** The id after {@code hybrid:} in {@code --model}. */
  @Override
  String id();

  /** One line: the classifier and its default hyper-parameters. */
  @Override
  default String description() {
    return describe(defaults());
  }

  /** The hyper-parameters, in words, for the model's config and the docs. */
  String describe(P params);

  /**
   * A Tribuo trainer for standardised feature vectors of {@code features} values.
   *
   * @param seed seeds every random choice (SGD order, bootstrap samples, feature subsets)
   */
  Trainer<Label> trainer(P params, int features, long seed);

  @Override
  default Configured create(P params) {
    Params.check(params);
    return new Configured(id(), describe(params), (features, seed) -> trainer(params, features, seed));
  }

  /**
   * A classifier with its hyper-parameters set: what a hybrid model trains.
   *
   * @param id the classifier's id
   * @param describe its hyper-parameters in words
   * @param trainers a trainer for a number of features and a seed
   */
  record Configured(String id, String describe, BiFunction<Integer, Long, Trainer<Label>> trainers) {
    /** A Tribuo trainer for {@code features} values, seeded with {@code seed}. */
    public Trainer<Label> trainer(int features, long seed) {
      return trainers.apply(features, seed);
    }
  }
}
