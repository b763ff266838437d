package org.spectrolens.scene;

import java.nio.file.Path;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.SpectrogramFeaturiser;
import org.spectrolens.spectrogram.SpectrogramSpec;

/**
 * Truth masks from stems (the ideal binary mask of source separation, Wang 2005): on a model's
 * input grid, the cells where the target's energy exceeds the rest's by {@code marginDb}, among
 * cells where the target is within {@code floorDb} of its own loudest cell (so the leakage of a
 * tone in silence, or an event's far tails, are not "its" cells).
 *
 * <p>Energies are computed on exactly the grid the model sees: the dataset's front end (spec,
 * sample rate, padding) with power 2 and no dB, cropped to its frequency range and resized to its
 * input size by area averaging ({@link SpectrogramFeaturiser}). Any front end whose values are
 * energies works (stft, mel, cqt); MFCC is refused. Masks are {@code boolean[H][W]}, row 0 the
 * lowest frequency, as {@code DatasetInfo#frequencyAxis()} reads them.
 *
 * <p>On a scene dataset ({@code spectrolens dataset --task chunks} over a {@code synth-scene}
 * folder) {@link #ofItem} is the truth of an item: its clip's event stem against its rest stem.
 */
public final class IdealBinaryMask {
  /** Local criterion: the target must exceed the rest by this much (dB); 0 is the classic IBM. */
  public static final double DEFAULT_MARGIN_DB = 0;
  /** Cells more than this far below the target's loudest cell (dB) are never the target's. */
  public static final double DEFAULT_FLOOR_DB = 60;

  private IdealBinaryMask() {}

  /**
   * The energy (power, linear) of {@code clip} on the input grid of {@code format}: [H][W], row
   * 0 the lowest frequency. The clip is resampled, padded, cropped and resized exactly as the
   * dataset featurises audio.
   */
  public static float[][] energy(Clip clip, InputFormat format) {
    SpectrogramSpec spec = format.spec();
    if (spec.kind() == SpectrogramSpec.Kind.MFCC) {
      throw SpectrolensException.ofParameter("truth", "truth masks need an energy front end (stft, mel or cqt), not mfcc");
    }
    SpectrogramSpec power = spec.withDb(false, Double.NaN).withPower(2);
    InputFormat f = new InputFormat(power, format.cropMinHz(), format.cropMaxHz(), format.height(), format.width(), format.minClipSeconds());
    return new SpectrogramFeaturiser(f).featurise(clip).values();
  }

  /** The mask of {@code target} against {@code rest} (two clips of equal length) on the grid of {@code format}, default margin and floor. */
  public static boolean[][] of(Clip target, Clip rest, InputFormat format) {
    return of(energy(target, format), energy(rest, format), DEFAULT_MARGIN_DB, DEFAULT_FLOOR_DB);
  }

  /**
   * The mask from two energy grids of one shape: {@code target > rest * 10^(marginDb/10)} and
   * {@code target >= max(target) * 10^(-floorDb/10)} and {@code target > 0}.
   */
  public static boolean[][] of(float[][] target, float[][] rest, double marginDb, double floorDb) {
    if (target.length != rest.length || (target.length > 0 && target[0].length != rest[0].length)) {
      throw new IllegalArgumentException("energy grids of different shapes");
    }
    double max = 0;
    for (float[] row : target) for (float v : row) max = Math.max(max, v);
    double floor = max * Math.pow(10, -floorDb / 10);
    double ratio = Math.pow(10, marginDb / 10);
    boolean[][] m = new boolean[target.length][];
    for (int r = 0; r < target.length; r++) {
      m[r] = new boolean[target[r].length];
      for (int c = 0; c < target[r].length; c++) {
        double t = target[r][c];
        m[r][c] = t > 0 && t >= floor && t > rest[r][c] * ratio;
      }
    }
    return m;
  }

  /**
   * The truth of a dataset item cut from a scene clip ({@code <scene>/<label>/<id>.wav}): its event
   * stem against its rest stem over the item's span, on the dataset's input grid.
   *
   * @throws SpectrolensException when the item's clip has no stems (not a synth-scene corpus)
   */
  public static boolean[][] ofItem(DatasetItem item, DatasetInfo info) {
    Path source = Path.of(item.source());
    Clip event = AudioFile.read(SceneCorpus.eventStem(source), item.start(), item.end());
    Clip rest = AudioFile.read(SceneCorpus.restStem(source), item.start(), item.end());
    return of(event, rest, InputFormat.of(info));
  }

  /**
   * True when the item's clip belongs to a synth-scene corpus (its stems can be read): the test a
   * truth provider uses to choose {@link #ofItem} for a dataset.
   */
  public static boolean covers(DatasetItem item) {
    return SceneIndex.find(Path.of(item.source())).isPresent();
  }

  /**
   * {@code sum_k weights[k] * grids[k]}, cell by cell: the energy of several independent sources
   * taken together. Masks of sources against the sum of the others' energies never overlap (with a
   * margin >= 0), which masks against the energy of the mixed signal (with its cross terms) cannot
   * promise.
   */
  public static float[][] sum(double[] weights, float[][]... grids) {
    float[][] out = new float[grids[0].length][grids[0][0].length];
    for (int k = 0; k < grids.length; k++) {
      for (int r = 0; r < out.length; r++) for (int c = 0; c < out[r].length; c++) out[r][c] += (float) (weights[k] * grids[k][r][c]);
    }
    return out;
  }

  /** Share of the grid a mask covers (the chance level of a localisation score on it). */
  public static double area(boolean[][] mask) {
    long on = 0;
    long all = 0;
    for (boolean[] row : mask) {
      for (boolean b : row) if (b) on++;
      all += row.length;
    }
    return all == 0 ? 0 : on / (double) all;
  }
}
