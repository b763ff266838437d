package org.spectrolens.dataset;

/**
 * One row of a dataset's {@code manifest.csv}: a segment of a recording, its label and split,
 * and the cached model-input grid ({@code file}, relative to the dataset directory).
 *
 * @param id unique id (also the cache file's name)
 * @param source the audio file, as given to the dataset builder
 * @param start segment start in the source (s)
 * @param end segment end in the source (s)
 * @param label class name
 * @param speaker speaker id ("" when unknown)
 * @param split "train" or "test"
 * @param fold k-fold index (-1 when not k-fold)
 * @param file cache file relative to the dataset directory ({@code items/<id>.npy}, float32 [H, W])
 * @param timeStart time (s, in the source) of the centre of column 0 of the cached grid
 * @param timeStep seconds between column centres of the cached grid
 * @param sourceRate the source recording's own sample rate in Hz, before any resampling to the
 *     front end's rate (0: unknown, a cache written before this was recorded)
 */
public record DatasetItem(
    String id, String source, double start, double end, String label, String speaker,
    String split, int fold, String file, double timeStart, double timeStep, int sourceRate) implements java.io.Serializable {

  /** manifest.csv's header. */
  public static final String HEADER = "id,source,start,end,label,speaker,split,fold,file,time_start,time_step,source_rate";
  /** The header of caches written before {@code source_rate} was recorded (still read; rate 0). */
  public static final String HEADER_WITHOUT_RATE = "id,source,start,end,label,speaker,split,fold,file,time_start,time_step";

  /** An item whose source rate is unknown (0). */
  public DatasetItem(String id, String source, double start, double end, String label, String speaker,
      String split, int fold, String file, double timeStart, double timeStep) {
    this(id, source, start, end, label, speaker, split, fold, file, timeStart, timeStep, 0);
  }

  /** This item with its source rate. */
  public DatasetItem withSourceRate(int rate) {
    return new DatasetItem(id, source, start, end, label, speaker, split, fold, file, timeStart, timeStep, rate);
  }
}
