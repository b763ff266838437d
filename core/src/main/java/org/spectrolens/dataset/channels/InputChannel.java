package org.spectrolens.dataset.channels;

import org.spectrolens.family.Member;

/**
 * One input channel of a multi-channel dataset (a member of the {@link InputChannels} family):
 * a [H][W] grid on the dataset's one model-input grid, row r at the Hz of the front end's row r,
 * column t at the seconds of its column t, so every channel of an item reads on the same axes.
 * Implementations are stateless and thread-safe.
 */
public interface InputChannel extends Member {
  /** The id used in {@code --channels} and recorded in dataset.json. */
  @Override
  String id();

  /** One line for help and docs: what the channel holds, in which unit. */
  @Override
  String description();

  /**
   * True when the channel is computed from the audio (so a {@code .npy} model-input grid cannot
   * be turned into it); false when the model-input grid alone defines it.
   */
  boolean needsAudio();

  /**
   * True when the channel needs the front end's rows in Hz (so an MFCC front end, whose rows are
   * cepstral coefficients, is refused).
   */
  default boolean needsHzRows() {
    return true;
  }

  /** The channel's values [H][W] on {@code in.grid()}'s axes. */
  float[][] compute(ChannelSource in);
}
