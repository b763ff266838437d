package org.spectrolens.decompose;

import java.util.Map;
import org.spectrolens.family.Member;

/**
 * One way of splitting a spectrogram into spectral templates and their activations, a member of
 * the {@link Decompositions} family ({@code decompose --method ID}). The frames (columns) are the
 * samples and the frequency rows the features, as librosa's {@code decompose.decompose}.
 *
 * @param id the method id ({@code pca}, {@code ica}, {@code nmf})
 * @param description one line: what it computes
 * @param fit the split of frames [columns][rows] into {@code k} components
 */
public record Decomposition(String id, String description, Fit fit) implements Member {
  /** The split itself. */
  @FunctionalInterface
  public interface Fit {
    /**
     * @param frames [columns][rows], finite
     * @param k components, at most min(rows, columns)
     * @param seed starts any random initialisation
     */
    Parts apply(double[][] frames, int k, long seed);
  }

  /**
   * @param templates [rows][k] spectral templates
   * @param activations [k][columns] each template's weight per frame
   * @param mean [rows] the mean spectrum removed first (zeros where none is)
   * @param figures per-method figures recorded beside the parts (explained variance, iterations, ...)
   */
  public record Parts(double[][] templates, double[][] activations, double[] mean, Map<String, Object> figures) {}
}
