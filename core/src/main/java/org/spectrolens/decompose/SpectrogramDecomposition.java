package org.spectrolens.decompose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * A spectrogram split into {@code k} spectral templates (one value per frequency row, in the
 * spectrogram's Hz) and their activations (one value per column, in its seconds), as librosa's
 * {@code decompose.decompose}: the frames (columns) are the samples and the frequency rows the
 * features, so {@code S^T ~ activations^T templates^T}. PCA and ICA remove the mean spectrum
 * first (kept in {@code mean}); NMF needs non-negative values (power or magnitude, not dB).
 *
 * @param method pca, ica or nmf
 * @param templates [rows][k] spectral templates (PCA: principal axes; ICA: mixing columns; NMF: parts)
 * @param activations [k][columns] each template's weight per frame
 * @param mean [rows] the mean spectrum removed first (zeros for NMF)
 * @param figures per-component figures: PCA {@code explained_variance_ratio}; NMF {@code reconstruction_error}, {@code iterations}; ICA {@code iterations}
 */
public record SpectrogramDecomposition(String method, Spectrogram source, double[][] templates, double[][] activations,
    double[] mean, Map<String, Object> figures) {

  /** The method ids. */
  public static final List<String> METHODS = List.of("pca", "ica", "nmf");

  /** Decomposes {@code s} with {@code method} into {@code k} components; {@code seed} starts ICA. */
  public static SpectrogramDecomposition of(Spectrogram s, String method, int k, long seed) {
    double[][] frames = Matrices.transpose(Matrices.checked("spectrogram", s.values())); // [columns][rows]
    int rows = s.rows();
    Map<String, Object> figures = new LinkedHashMap<>();
    double[][] templates;
    double[][] activations;
    double[] mean;
    switch (method) {
      case "pca" -> {
        Pca p = Pca.fit(frames, k);
        templates = Matrices.transpose(p.components());
        activations = Matrices.transpose(p.scores());
        mean = p.mean();
        figures.put("explained_variance_ratio", p.explainedVarianceRatio());
        figures.put("explained_variance", p.explainedVariance());
      }
      case "ica" -> {
        FastIca ica = FastIca.fit(frames, k, seed);
        templates = ica.mixing();
        activations = Matrices.transpose(ica.sources());
        mean = ica.mean();
        figures.put("iterations", ica.iterations());
      }
      case "nmf" -> {
        Nmf nmf = Nmf.fit(frames, k);
        templates = Matrices.transpose(nmf.h());
        activations = Matrices.transpose(nmf.w());
        mean = new double[rows];
        figures.put("reconstruction_error", nmf.reconstructionError());
        figures.put("iterations", nmf.iterations());
        figures.put("loss", "frobenius (1/2 ||S^T - W H||_F^2), Lee-Seung multiplicative updates, nndsvda init");
      }
      default -> throw SpectrolensException.ofParameter("method", "unknown decomposition '" + method + "'; expected one of "
          + String.join(", ", METHODS));
    }
    return new SpectrogramDecomposition(method, s, templates, activations, mean, figures);
  }

  public int components() {
    return activations.length;
  }
}
