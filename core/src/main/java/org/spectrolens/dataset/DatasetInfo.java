package org.spectrolens.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.spectrolens.SpectrolensException;
import org.spectrolens.dataset.channels.InputChannels;
import org.spectrolens.io.Finite;
import java.util.List;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.FrequencyScale;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The {@code dataset.json} of a dataset cache: everything needed to cut and featurise new audio
 * exactly as this dataset was (the front end), and to read its grids in Hz.
 *
 * @param format cache format version
 * @param id content id of the dataset (changes when the front end, items or split change)
 * @param task vowels, voicing, chunks, ...
 * @param classes class names in index order
 * @param spec the spectrogram front end
 * @param cropMinHz lowest row frequency kept before resizing
 * @param cropMaxHz highest row frequency kept before resizing ({@code --fmax}); NaN = none
 * @param height rows of every cached grid (model input height)
 * @param width columns of every cached grid (model input width)
 * @param frequencyScale scale id of the cached grid's rows
 * @param frequencyStart warped value of row 0 of the cached grid
 * @param frequencyStep warped step between rows of the cached grid
 * @param split how train/test were drawn: stratified, speaker, kfold or speaker-kfold (see corpus.Split)
 * @param seed the split's seed
 * @param testFraction fraction of each class's items in test (1/k for k-fold)
 * @param minClipSeconds clips shorter than this were zero-padded at the end to it (the chunk
 *     window of a padded-chunks dataset); 0 = none, and in dataset.json files from before the
 *     field, which are read as they were featurised then
 * @param filters the spectrogram filters applied before cropping and resizing ({@link InputFormat#filters});
 *     empty (and absent from the JSON) when none
 * @param channels the input channels of every item, in order ({@code --channels}); empty (and
 *     absent from the JSON) for the single-channel dataset of the front end, whose items are
 *     [H, W]; items of a multi-channel dataset are [C, H, W]
 * @param fit how the grids reached the width without resizing ({@link InputFormat#fit}); null
 *     (and absent from the JSON) when they were resized
 */
public record DatasetInfo(
    int format, String id, String task, List<String> classes, SpectrogramSpec spec,
    double cropMinHz, double cropMaxHz, int height, int width,
    String frequencyScale, double frequencyStart, double frequencyStep,
    String split, long seed, double testFraction, double minClipSeconds,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> filters,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> channels,
    @JsonInclude(JsonInclude.Include.NON_NULL) Fit fit) {

  public static final int FORMAT = 1;

  public DatasetInfo {
    filters = filters == null ? List.of() : List.copyOf(filters);
    channels = InputChannels.canonical(channels);
  }

  /** A resized dataset. */
  public DatasetInfo(
      int format, String id, String task, List<String> classes, SpectrogramSpec spec,
      double cropMinHz, double cropMaxHz, int height, int width,
      String frequencyScale, double frequencyStart, double frequencyStep,
      String split, long seed, double testFraction, double minClipSeconds, List<String> filters, List<String> channels) {
    this(format, id, task, classes, spec, cropMinHz, cropMaxHz, height, width, frequencyScale, frequencyStart,
        frequencyStep, split, seed, testFraction, minClipSeconds, filters, channels, null);
  }

  /** A single-channel dataset. */
  public DatasetInfo(
      int format, String id, String task, List<String> classes, SpectrogramSpec spec,
      double cropMinHz, double cropMaxHz, int height, int width,
      String frequencyScale, double frequencyStart, double frequencyStep,
      String split, long seed, double testFraction, double minClipSeconds, List<String> filters) {
    this(format, id, task, classes, spec, cropMinHz, cropMaxHz, height, width, frequencyScale, frequencyStart,
        frequencyStep, split, seed, testFraction, minClipSeconds, filters, List.of());
  }

  /** A single-channel dataset without filters. */
  public DatasetInfo(
      int format, String id, String task, List<String> classes, SpectrogramSpec spec,
      double cropMinHz, double cropMaxHz, int height, int width,
      String frequencyScale, double frequencyStart, double frequencyStep,
      String split, long seed, double testFraction, double minClipSeconds) {
    this(format, id, task, classes, spec, cropMinHz, cropMaxHz, height, width, frequencyScale, frequencyStart,
        frequencyStep, split, seed, testFraction, minClipSeconds, List.of());
  }

  /** A dataset whose clips were not padded. */
  public DatasetInfo(
      int format, String id, String task, List<String> classes, SpectrogramSpec spec,
      double cropMinHz, double cropMaxHz, int height, int width,
      String frequencyScale, double frequencyStart, double frequencyStep,
      String split, long seed, double testFraction) {
    this(format, id, task, classes, spec, cropMinHz, cropMaxHz, height, width, frequencyScale, frequencyStart,
        frequencyStep, split, seed, testFraction, 0);
  }

  /**
   * Refuses a dataset.json (or a model's copy of it) that would fail later or give wrong numbers:
   * classes present and distinct, a front end that {@link SpectrogramSpec#check passes its
   * checks}, a grid of [1, 4096] x [1, 4096], a known frequency scale and finite axis numbers.
   *
   * @param name the file, subject of the error
   * @return this
   */
  public DatasetInfo check(String name) {
    if (classes == null || classes.isEmpty()) throw new SpectrolensException(name, "no classes");
    if (classes.stream().anyMatch(c -> c == null || c.isEmpty())) throw new SpectrolensException(name, "an empty class name");
    if (new java.util.HashSet<>(classes).size() != classes.size()) throw new SpectrolensException(name, "a class is listed twice: " + classes);
    if (spec == null) throw new SpectrolensException(name, "no spectrogram spec");
    try {
      spec.check();
    } catch (SpectrolensException e) {
      throw new SpectrolensException(name, "spec: " + e.getMessage());
    }
    if (height < 1 || height > 4096 || width < 1 || width > 4096) {
      throw new SpectrolensException(name, "grid size must be [1, 4096] x [1, 4096], found " + height + "x" + width);
    }
    try {
      FrequencyScale.fromId(String.valueOf(frequencyScale));
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException(name, e.getMessage());
    }
    Finite.check(name, "frequencyStart", frequencyStart);
    Finite.check(name, "frequencyStep", frequencyStep);
    Finite.check(name, "cropMinHz", cropMinHz);
    if (!Double.isNaN(cropMaxHz)) Finite.check(name, "cropMaxHz", cropMaxHz);
    if (!(minClipSeconds >= 0 && minClipSeconds < Double.POSITIVE_INFINITY)) {
      throw new SpectrolensException(name, "minClipSeconds must be a finite number >= 0, found " + minClipSeconds);
    }
    InputChannels.check(channels, name);
    try {
      InputChannels.check(channels, spec);
    } catch (SpectrolensException e) {
      throw new SpectrolensException(name, "channels: " + e.problem());
    }
    return this;
  }

  /** C of the [C, H, W] model input this dataset's items make: 1 without channels. */
  public int channelCount() {
    return InputChannels.expand(channels).size();
  }

  /** The Hz of every row of the cached grids. */
  public FrequencyAxis frequencyAxis() {
    return FrequencyAxis.of(FrequencyScale.fromId(frequencyScale), frequencyStart, frequencyStep, height);
  }

  /**
   * True when {@code other} featurises audio identically (same spec, crop, input size and channels), so a
   * model trained on one can be evaluated on the other.
   */
  public boolean sameFrontEnd(DatasetInfo other) {
    return spec.equals(other.spec) && sameDouble(cropMinHz, other.cropMinHz)
        && sameDouble(cropMaxHz, other.cropMaxHz) && height == other.height && width == other.width
        && filters.equals(other.filters)
        && channels.equals(other.channels) && java.util.Objects.equals(fit, other.fit);
  }

  private static boolean sameDouble(double a, double b) {
    return Double.compare(a, b) == 0;
  }
}
