package org.spectrolens.judge;

/**
 * One step of a parameter-randomisation test: the layer just re-initialised, and the mean
 * similarity of the maps to the trained network's maps.
 *
 * @param layer the stage re-initialised at this step ("none" for the trained network)
 * @param similarity mean Spearman correlation of the absolute maps and mean SSIM, with the items each rests on
 * @param example the first sample's map at this step, [H*W] (for the figure)
 */
public record LayerStep(String layer, Similarity.Mean similarity, float[] example) {
  public double spearman() {
    return similarity.spearman();
  }

  public double ssim() {
    return similarity.ssim();
  }
}
