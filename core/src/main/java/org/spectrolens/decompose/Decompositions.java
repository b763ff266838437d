package org.spectrolens.decompose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.family.Family;

/** The family of {@link Decomposition}s: PCA, FastICA and NMF built in; {@link #register} adds one. */
public final class Decompositions {
  /** Principal components of the mean-removed frames (scikit-learn's PCA, full SVD). */
  static final Decomposition PCA = new Decomposition("pca", "principal components of the mean-removed frames (sklearn PCA)",
      (frames, k, seed) -> {
        Pca p = Pca.fit(frames, k);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("explained_variance_ratio", p.explainedVarianceRatio());
        figures.put("explained_variance", p.explainedVariance());
        return new Decomposition.Parts(Matrices.transpose(p.components()), Matrices.transpose(p.scores()), p.mean(), figures);
      });

  /** Independent components (FastICA, logcosh, parallel; seeded start). */
  static final Decomposition ICA = new Decomposition("ica", "independent components (sklearn FastICA, logcosh, seeded)",
      (frames, k, seed) -> {
        FastIca ica = FastIca.fit(frames, k, seed);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("iterations", ica.iterations());
        return new Decomposition.Parts(ica.mixing(), Matrices.transpose(ica.sources()), ica.mean(), figures);
      });

  /** Non-negative parts (Lee-Seung multiplicative updates on the Frobenius loss, NNDSVDa start). */
  static final Decomposition NMF = new Decomposition("nmf", "non-negative parts (sklearn NMF, Frobenius loss, multiplicative updates)",
      (frames, k, seed) -> {
        Nmf nmf = Nmf.fit(frames, k);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reconstruction_error", nmf.reconstructionError());
        figures.put("iterations", nmf.iterations());
        figures.put("loss", "frobenius (1/2 ||S^T - W H||_F^2), Lee-Seung multiplicative updates, nndsvda init");
        return new Decomposition.Parts(Matrices.transpose(nmf.h()), Matrices.transpose(nmf.w()), new double[frames[0].length], figures);
      });

  private static final Family<Decomposition> FAMILY = new Family<>("decomposition", "method", List.of(PCA, ICA, NMF));

  private Decompositions() {}

  /** The family: every registered decomposition, built-in ones first. */
  public static Family<Decomposition> family() {
    return FAMILY;
  }

  /** Adds a decomposition; its id must be new. */
  public static void register(Decomposition d) {
    FAMILY.register(d);
  }
}
