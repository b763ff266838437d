package org.spectrolens.nn.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.spectrolens.SpectrolensException;

/** Classifiers take parameter records as every family does: set by name, checked by the one range check. */
class ClassifierParametersTest {
  @Test
  void theDefaultsDescribeAsBeforeAndAParameterIsSetByName() {
    assertEquals("k-nearest neighbours, k 5, Euclidean, voting (Tribuo)", Classifiers.of("hybrid:knn").describe());
    assertEquals("k-nearest neighbours, k 3, Euclidean, voting (Tribuo)", Classifiers.of("hybrid:knn:k=3").describe());
    assertEquals("C-SVM, RBF kernel, C 2.5, gamma 1/features, probability estimates (libsvm 3.25 via Tribuo)",
        Classifiers.of("hybrid:svm:cost=2.5").describe());
    assertEquals("multinomial logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad lr 0.1, 50 epochs, minibatch 16)",
        Classifiers.of("logistic").describe());
    assertEquals("random-forest", Classifiers.of("hybrid:random-forest:trees=7").id());
  }

  @Test
  void aValueOutOfRangeReadsAsEveryRangeErrorDoes() {
    SpectrolensException e = assertThrows(SpectrolensException.class, () -> Classifiers.of("hybrid:knn:k=0"));
    assertEquals("model: knn.k: must lie in [1, 10000], found 0", e.getMessage());
    SpectrolensException c = assertThrows(SpectrolensException.class, () -> Classifiers.of("hybrid:svm:cost=0"));
    assertEquals("model: svm.cost: must lie in (0, 1000000], found 0", c.getMessage());
  }
}
