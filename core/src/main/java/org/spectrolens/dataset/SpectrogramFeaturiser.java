package org.spectrolens.dataset;

import java.util.Arrays;
import java.util.List;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.audio.Resampler;
import org.spectrolens.corpus.Segment;
import org.spectrolens.dataset.channels.ChannelSource;
import org.spectrolens.dataset.channels.ChannelStack;
import org.spectrolens.dataset.channels.InputChannels;
import org.spectrolens.filter.Filters;
import org.spectrolens.filter.SpectrogramFilter;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * The dataset front end: reads a segment's span, resamples it to the spec's rate, computes the
 * spectrogram, keeps the rows between the crop limits ({@code --fmax}) and resizes to the model
 * input size (or crops or pads its frames to the width, {@link Fit}). The axes follow every step, so the cached grid still reads in Hz and seconds of
 * the source file. The format's filters ({@link Filters}) are applied to the whole spectrogram
 * before the crop (and so before the channels derived from it). With input channels ({@link InputFormat#channels}), {@link #featuriseChannels}
 * adds them on that grid ({@link InputChannels}). Thread-safe (FrontEnd shares its plans between
 * threads).
 */
public final class SpectrogramFeaturiser implements Featuriser {
  private final InputFormat format;
  private final double minSeconds;
  private final List<SpectrogramFilter> filters;

  /** The front end {@code format}, padding short clips to its {@link InputFormat#minClipSeconds}. */
  public SpectrogramFeaturiser(InputFormat format) {
    this(format, 0);
  }

  /**
   * @param minSeconds clips shorter than this, or than the format's {@code minClipSeconds}, are
   *     zero-padded at the end to it (padded chunks), so that every item covers the same
   *     duration; 0 for the format's own
   */
  public SpectrogramFeaturiser(InputFormat format, double minSeconds) {
    this.format = format;
    this.minSeconds = Math.max(minSeconds, format.minClipSeconds());
    this.filters = Filters.parseAll(format.filters(), "filters");
  }

  @Override
  public Spectrogram featurise(Segment s) {
    Clip clip = AudioFile.read(s.source(), s.start(), s.end());
    return featurise(clip);
  }

  /** The model input of a clip (already cut): the front end's grid (the single channel, or the first one's axes). */
  public Spectrogram featurise(Clip clip) {
    return toGrid(frontEnd(prepare(clip)));
  }

  @Override
  public ChannelStack featuriseChannels(Segment s) {
    return featuriseChannels(AudioFile.read(s.source(), s.start(), s.end()));
  }

  /** Every input channel of a clip (already cut) on the front end's grid; one channel without {@code --channels}. */
  public ChannelStack featuriseChannels(Clip clip) {
    Clip c = prepare(clip);
    Spectrogram full = frontEnd(c);
    Spectrogram grid = toGrid(full);
    if (format.channels().isEmpty()) return ChannelStack.single(grid);
    return InputChannels.stack(format.channels(), new ChannelSource(c, full, grid, this::toGrid));
  }

  /** Resampled to the spec's rate and padded to the minimum length. */
  private Clip prepare(Clip clip) {
    SpectrogramSpec spec = format.spec();
    if (clip.sampleRate() != spec.sampleRate()) clip = Resampler.resample(clip, spec.sampleRate());
    int need = (int) Math.round(minSeconds * spec.sampleRate());
    if (clip.samples().length < need) {
      clip = new Clip(Arrays.copyOf(clip.samples(), need), clip.sampleRate(), clip.source(), clip.offsetSeconds());
    }
    if (clip.samples().length == 0) throw new SkipException("empty segment", clip.source() + " at " + clip.offsetSeconds() + " s");
    return clip;
  }

  /** The front end's spectrogram of a prepared clip, the format's filters applied. */
  private Spectrogram frontEnd(Clip clip) {
    Spectrogram g = FrontEnd.compute(clip, format.spec());
    for (SpectrogramFilter f : filters) {
      f.check(g.rows(), g.columns(), clip.source() + " at " + clip.offsetSeconds() + " s");
      g = f.apply(g);
    }
    return g;
  }

  /** A spectrogram on the front end's full axes, cropped to the format's band and resized (or fitted, {@link Fit}) to its H x W. */
  private Spectrogram toGrid(Spectrogram g) {
    SpectrogramSpec spec = format.spec();
    if (format.crops() && spec.kind() != SpectrogramSpec.Kind.MFCC) {
      double max = Double.isNaN(format.cropMaxHz()) ? Double.POSITIVE_INFINITY : format.cropMaxHz();
      g = g.cropFrequency(format.cropMinHz(), max);
    }
    return format.fit() == null ? g.resize(format.height(), format.width()) : format.fit().apply(g, format.height(), format.width());
  }
}
