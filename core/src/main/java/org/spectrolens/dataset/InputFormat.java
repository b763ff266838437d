package org.spectrolens.dataset;

import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The front end of a dataset: how audio becomes a model input (the parts of {@link DatasetInfo}
 * that must match between a model and the data it sees).
 *
 * @param spec the spectrogram front end
 * @param cropMinHz rows below this are cropped before resizing
 * @param cropMaxHz rows above this are cropped before resizing ({@code --fmax}); NaN = none
 * @param height model input rows
 * @param width model input columns
 */
public record InputFormat(SpectrogramSpec spec, double cropMinHz, double cropMaxHz, int height, int width) {
  public InputFormat {
    if (height < 1 || width < 1) throw new IllegalArgumentException("input size must be positive: " + height + "x" + width);
  }

  /** The front end a dataset (or a model's training set) was built with. */
  public static InputFormat of(DatasetInfo info) {
    return new InputFormat(info.spec(), info.cropMinHz(), info.cropMaxHz(), info.height(), info.width());
  }

  public boolean crops() {
    return cropMinHz > 0 || !Double.isNaN(cropMaxHz);
  }
}
