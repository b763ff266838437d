package org.spectrolens.dataset.channels;

import java.util.List;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * The model input of one clip as channels [C][H][W] on one grid.
 *
 * @param grid the front end's model-input grid: the axes of every channel (Hz per row, seconds
 *     per column) and the picture drawn under explanation maps
 * @param ids the channel ids, in channel order ({@code [spectrogram]} for a single-channel dataset)
 * @param channels [C][H][W], channel c being {@code ids.get(c)}
 */
public record ChannelStack(Spectrogram grid, List<String> ids, float[][][] channels) {
  public ChannelStack {
    if (channels.length != ids.size()) throw new IllegalArgumentException(channels.length + " channels but " + ids.size() + " ids");
    for (float[][] c : channels) {
      if (c.length != grid.rows() || c[0].length != grid.columns()) {
        throw new IllegalArgumentException("a channel of " + c.length + "x" + c[0].length + " on a " + grid.rows() + "x" + grid.columns() + " grid");
      }
    }
  }

  /** The single-channel stack of a front-end grid. */
  public static ChannelStack single(Spectrogram grid) {
    return new ChannelStack(grid, List.of(InputChannels.SPECTROGRAM), new float[][][] {grid.values()});
  }

  public int count() {
    return channels.length;
  }

  /** The channels flat [C*H*W] in C order (channel c, row y, column x at {@code (c*H + y)*W + x}), as dataset items store them. */
  public float[] flat() {
    return flatten(channels);
  }

  /** {@code [C][H][W]} flat in C order. */
  public static float[] flatten(float[][][] channels) {
    int h = channels[0].length;
    int w = channels[0][0].length;
    float[] flat = new float[channels.length * h * w];
    for (int c = 0; c < channels.length; c++) {
      for (int y = 0; y < h; y++) System.arraycopy(channels[c][y], 0, flat, (c * h + y) * w, w);
    }
    return flat;
  }
}
