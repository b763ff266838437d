package org.spectrolens.nn.hybrid;

import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * C-SVM with an RBF kernel (libsvm through Tribuo): C 1, gamma 1 / features (sklearn's
 * {@code gamma='scale'} on standardised features), one-vs-one, Platt-scaled probabilities.
 */
final class SupportVectorMachine implements Classifier<SupportVectorMachine.Settings> {
  /** @param cost C, the penalty of a margin violation */
  record Settings(@Param(value = "C: the penalty of a margin violation", min = 0, minOpen = true, max = 1e6) double cost) {}

  @Override
  public String id() {
    return "svm";
  }

  @Override
  public Settings defaults() {
    return new Settings(1);
  }

  @Override
  public String describe(Settings s) {
    return "C-SVM, RBF kernel, C " + Params.number(s.cost()) + ", gamma 1/features, probability estimates (libsvm 3.25 via Tribuo)";
  }

  @Override
  public Trainer<Label> trainer(Settings s, int features, long seed) {
    SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
    p.setCost(s.cost());
    p.setGamma(1.0 / Math.max(1, features));
    p.setProbability();
    libsvm.svm.svm_set_print_string_function(line -> { }); // libsvm prints its progress to stdout otherwise
    return new LibSVMClassificationTrainer(p, seed);
  }
}
