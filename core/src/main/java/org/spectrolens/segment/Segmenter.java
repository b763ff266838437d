package org.spectrolens.segment;

/**
 * One segmentation method, configured with its parameters. A method labels the cells of a grid
 * ([frequency][time], row 0 the lowest frequency; values in the grid's own unit: dB for a
 * spectrogram, see {@link Segmentation#levels}); 0 is background, 1..n are regions. Each method
 * is one class with a {@link SegmenterDefinition}, listed by {@link Segmenters}.
 */
public interface Segmenter {
  /** The method's id, description and parameters. */
  SegmenterDefinition<?> definition();

  /** The parameters this instance uses, by name. */
  Record parameters();

  /**
   * Labels of every cell, [rows][columns]: 0 background, 1..n regions (every label in 1..n used).
   *
   * @param grid [rows][columns], at least 1x1, finite values
   */
  int[][] label(float[][] grid);

  /**
   * Whether the regions are the connected components of a foreground mask (threshold, Otsu): then
   * morphology acts on the mask and the regions are the components of the result. Otherwise (a
   * partition: Felzenszwalb, k-means, region growing) each region keeps its label through
   * morphology (see {@link Segmentation}).
   */
  default boolean masks() {
    return false;
  }
}
