package org.spectrolens.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.spectrolens.dataset.channels.InputChannels;
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
 * @param minClipSeconds clips shorter than this are zero-padded at the end to it before the
 *     spectrogram (the window of a padded-chunks dataset, so a short recording is featurised as
 *     its last chunk was); 0 = none. Left out of the JSON when 0, so the content id of other
 *     datasets does not change.
 * @param filters spectrogram filters ({@code org.spectrolens.filter.Filters} texts, applied in
 *     order to the whole spectrogram before cropping and resizing); empty = none, and then left out
 *     of the JSON so the content id of other datasets does not change
 * @param channels the input channels in order ({@code --channels}, ids of {@link InputChannels});
 *     empty for the front end's grid alone (the single-channel dataset), and then left out of the
 *     JSON so the content id of other datasets does not change
 * @param fit how the grid reaches the input width without resizing ({@link Fit}: crop or pad);
 *     null to resize, and then left out of the JSON so the content id of other datasets does not change
 */
public record InputFormat(SpectrogramSpec spec, double cropMinHz, double cropMaxHz, int height, int width,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) double minClipSeconds,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> filters,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> channels,
    @JsonInclude(JsonInclude.Include.NON_NULL) Fit fit) {
  public InputFormat {
    if (height < 1 || width < 1) throw new IllegalArgumentException("input size must be positive: " + height + "x" + width);
    if (!(minClipSeconds >= 0)) throw new IllegalArgumentException("minimum clip length must be >= 0 s: " + minClipSeconds);
    filters = filters == null ? List.of() : List.copyOf(filters);
    channels = InputChannels.canonical(channels);
  }

  /** A resizing front end. */
  public InputFormat(SpectrogramSpec spec, double cropMinHz, double cropMaxHz, int height, int width, double minClipSeconds,
      List<String> filters, List<String> channels) {
    this(spec, cropMinHz, cropMaxHz, height, width, minClipSeconds, filters, channels, null);
  }

  /** A single-channel front end with filters. */
  public InputFormat(SpectrogramSpec spec, double cropMinHz, double cropMaxHz, int height, int width, double minClipSeconds,
      List<String> filters) {
    this(spec, cropMinHz, cropMaxHz, height, width, minClipSeconds, filters, List.of());
  }

  /** A single-channel front end without filters. */
  public InputFormat(SpectrogramSpec spec, double cropMinHz, double cropMaxHz, int height, int width, double minClipSeconds) {
    this(spec, cropMinHz, cropMaxHz, height, width, minClipSeconds, List.of());
  }

  /** A front end that pads nothing. */
  public InputFormat(SpectrogramSpec spec, double cropMinHz, double cropMaxHz, int height, int width) {
    this(spec, cropMinHz, cropMaxHz, height, width, 0);
  }

  /** The front end a dataset (or a model's training set) was built with, padding and filters included. */
  public static InputFormat of(DatasetInfo info) {
    return new InputFormat(info.spec(), info.cropMinHz(), info.cropMaxHz(), info.height(), info.width(), info.minClipSeconds(),
        info.filters(), info.channels(), info.fit());
  }

  /** This front end with clips padded to {@code seconds} (0 for none). */
  public InputFormat withMinClipSeconds(double seconds) {
    return new InputFormat(spec, cropMinHz, cropMaxHz, height, width, seconds, filters, channels, fit);
  }

  /** This front end with input channels {@code ids} (checked: {@link InputChannels#parse}). */
  public InputFormat withChannels(List<String> ids) {
    return new InputFormat(spec, cropMinHz, cropMaxHz, height, width, minClipSeconds, filters, ids, fit);
  }

  /** C of the [C, H, W] items: 1 without channels. */
  public int channelCount() {
    return InputChannels.expand(channels).size();
  }

  /** This front end with these filter texts applied before cropping and resizing. */
  public InputFormat withFilters(List<String> texts) {
    return new InputFormat(spec, cropMinHz, cropMaxHz, height, width, minClipSeconds, texts, channels, fit);
  }

  /** This front end reaching the input width by {@code f} (null: resizing). */
  public InputFormat withFit(Fit f) {
    return new InputFormat(spec, cropMinHz, cropMaxHz, height, width, minClipSeconds, filters, channels, f);
  }

  public boolean crops() {
    return cropMinHz > 0 || !Double.isNaN(cropMaxHz);
  }
}
