package org.spectrolens.decompose;

import java.util.Map;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * A spectrogram split into {@code k} spectral templates (one value per frequency row, in the
 * spectrogram's Hz) and their activations (one value per column, in its seconds), as librosa's
 * {@code decompose.decompose}: the frames (columns) are the samples and the frequency rows the
 * features, so {@code S^T ~ activations^T templates^T}. PCA and ICA remove the mean spectrum
 * first (kept in {@code mean}); NMF needs non-negative values (power or magnitude, not dB).
 *
 * @param method the {@link Decompositions} member's id (pca, ica, nmf)
 * @param templates [rows][k] spectral templates (PCA: principal axes; ICA: mixing columns; NMF: parts)
 * @param activations [k][columns] each template's weight per frame
 * @param mean [rows] the mean spectrum removed first (zeros for NMF)
 * @param figures per-component figures: PCA {@code explained_variance_ratio}; NMF {@code reconstruction_error}, {@code iterations}; ICA {@code iterations}
 */
public record SpectrogramDecomposition(String method, Spectrogram source, double[][] templates, double[][] activations,
    double[] mean, Map<String, Object> figures) {

  /** Decomposes {@code s} with the {@link Decompositions} member {@code method} into {@code k} components; {@code seed} starts ICA. */
  public static SpectrogramDecomposition of(Spectrogram s, String method, int k, long seed) {
    Decomposition d = Decompositions.family().get(method);
    double[][] frames = Matrices.transpose(Matrices.checked("spectrogram", s.values())); // [columns][rows]
    Decomposition.Parts p = d.fit().apply(frames, k, seed);
    return new SpectrogramDecomposition(d.id(), s, p.templates(), p.activations(), p.mean(), p.figures());
  }

  public int components() {
    return activations.length;
  }
}
