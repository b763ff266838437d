package org.spectrolens.explain;

import java.util.List;
import java.util.Map;
import org.spectrolens.nn.model.TrainedModel;

/**
 * The maps of one method for a batch: the raw map of each input on the grid the method computes
 * it on (a layer's [h, w] for the CAM family, the input's [H, W] for gradient and perturbation
 * methods; signed, not normalised), and the processed map on the input grid [H, W] with values in
 * [0, 1], row 0 the lowest frequency. With the input grid's axes, every cell reads in Hz and s.
 *
 * @param method method id
 * @param layer the layer the maps come from (null for input-gradient and perturbation methods)
 * @param targets the class explained for each input
 * @param logits the network's logits for each (unperturbed) input
 * @param raw raw maps, [n][rawHeight * rawWidth]
 * @param rawHeight rows of a raw map
 * @param rawWidth columns of a raw map
 * @param maps processed maps, [n][height * width]
 * @param height rows of the input grid
 * @param width columns of the input grid
 * @param options the shared settings and the method's parameters that decided the maps
 * @param seconds wall time of the whole batch
 * @param axes Hz of the input grid's rows and s of its columns (null when unknown)
 */
public record Explanation(String method, String layer, int[] targets, float[][] logits, float[][] raw, int rawHeight,
    int rawWidth, float[][] maps, int height, int width, Map<String, Object> options, double seconds, MapAxes axes) {

  /** How many inputs. */
  public int n() {
    return maps.length;
  }

  /** The processed map of input {@code i} as [H][W], row 0 the lowest frequency. */
  public float[][] map(int i) {
    return grid(maps[i], height, width);
  }

  /** The raw map of input {@code i} as [h][w]. */
  public float[][] rawMap(int i) {
    return grid(raw[i], rawHeight, rawWidth);
  }

  /** Class probabilities of input {@code i} (softmax of its logits). */
  public double[] probabilities(int i) {
    return TrainedModel.softmax(logits[i]);
  }

  /** The predicted class of input {@code i}. */
  public int predicted(int i) {
    return TrainedModel.argmax(logits[i]);
  }

  /** The probability of the explained class of input {@code i}. */
  public double targetProbability(int i) {
    return probabilities(i)[targets[i]];
  }

  /** Mean importance of input {@code i}'s map per frequency band of {@code bandHz} (needs the axes). */
  public List<MapAxes.Band> bandProfile(int i, double bandHz) {
    return axes.frequencyBands(map(i), bandHz);
  }

  /** Mean importance of input {@code i}'s map per time span of {@code spanSeconds} (null without a time axis). */
  public List<MapAxes.Band> timeProfile(int i, double spanSeconds) {
    return axes.timeSpans(map(i), spanSeconds);
  }

  static float[][] grid(float[] flat, int h, int w) {
    float[][] g = new float[h][w];
    for (int y = 0; y < h; y++) System.arraycopy(flat, y * w, g[y], 0, w);
    return g;
  }
}
