package org.spectrolens.dataset;

import org.spectrolens.corpus.Segment;
import org.spectrolens.dataset.channels.ChannelStack;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * Turns a segment into its model-input grid (fixed height x width, axes in Hz and seconds of the
 * source). Called from several threads at once: implementations must be thread-safe.
 */
@FunctionalInterface
public interface Featuriser {
  /**
   * @throws SkipException when this segment cannot be used (missing or undecodable audio, ...);
   *     it is counted and the build goes on (or fails with --strict)
   */
  Spectrogram featurise(Segment segment);

  /**
   * Every input channel of a segment, [C][H][W] on one grid (what the dataset builder stores);
   * by default the single channel {@link #featurise} gives.
   */
  default ChannelStack featuriseChannels(Segment segment) {
    return ChannelStack.single(featurise(segment));
  }

  /** A per-segment problem: counted under {@code reason}, with {@code detail} as the example. */
  final class SkipException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public SkipException(String reason, String detail) {
      super(detail);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
