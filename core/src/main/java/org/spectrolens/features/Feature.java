package org.spectrolens.features;

import org.spectrolens.family.Member;

/**
 * One frame-wise feature: a class per feature, registered in {@link Features}. Its javadoc states
 * the definition it follows (librosa's, with the defaults), its units and its columns.
 */
public interface Feature extends Member {
  /** The name given on the command line ({@code --features centroid,chroma}). */
  @Override
  String id();

  /** One line for {@code features --list}: definition, units, columns. */
  @Override
  String description();

  /**
   * The feature of one analysed clip, one value per STFT frame and column.
   *
   * @throws org.spectrolens.SpectrolensException when the input cannot give it (too short, no samples)
   */
  FeatureTrack compute(Analysis a);
}
