package org.spectrolens.truth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.acoustics.FormantTrack;
import org.spectrolens.acoustics.FormantTracker;
import org.spectrolens.acoustics.PitchTrack;
import org.spectrolens.acoustics.PitchTracker;
import org.spectrolens.acoustics.SpectralResampler;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.dataset.CachedDataset;
import org.spectrolens.dataset.DatasetItem;
import org.spectrolens.spectrogram.TimeAxis;

/**
 * Per-item acoustic truth of a dataset: F0 and F1-F3 with bandwidths over each item's segment,
 * and the {@link TruthMasks} they give on the dataset's model-input grid.
 *
 * <p>{@link #synth()} reads the synthesiser's {@code <corpus>/truth/<id>.csv} beside
 * {@code <corpus>/wavs/<id>.wav} (parsed once per recording, a bounded cache), {@link
 * #tracker(double)} runs the project's trackers (Burg formants, 5 formants, 25 ms window, 10 ms
 * step, pre-emphasis from 50 Hz; autocorrelation pitch 75-600 Hz, 10 ms step) on the segment plus
 * {@value #TRACKER_CONTEXT} s of context either side. Item sources are paths as written in
 * {@code manifest.csv} (absolute, or relative to the working directory). Thread-safe.
 */
public final class TruthReader {
  /** Audio analysed either side of a segment by the tracker, in seconds (enough for both windows). */
  public static final double TRACKER_CONTEXT = 0.06;
  /** Praat's default formant ceiling (women); 5000 Hz suits men, about 6500 Hz children. */
  public static final double DEFAULT_CEILING_HZ = 5500;
  private static final double TRACKER_STEP = 0.01;
  private static final int CACHE = 256;

  private final TruthSource origin;
  private final double ceilingHz;
  private final Map<Path, SegmentTruth> files = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, SegmentTruth> eldest) {
      return size() > CACHE;
    }
  };

  private TruthReader(TruthSource origin, double ceilingHz) {
    this.origin = origin;
    this.ceilingHz = ceilingHz;
  }

  /** The synthesiser's truth files. */
  public static TruthReader synth() {
    return new TruthReader(TruthSource.SYNTH, Double.NaN);
  }

  /** The project's trackers with a formant ceiling in Hz (e.g. {@link #DEFAULT_CEILING_HZ}). */
  public static TruthReader tracker(double ceilingHz) {
    if (!(ceilingHz > 100)) throw new SpectrolensException("formant ceiling", "must exceed 100 Hz, got " + ceilingHz);
    return new TruthReader(TruthSource.TRACKER, ceilingHz);
  }

  /** {@link #synth()} or {@link #tracker(double)} at {@link #DEFAULT_CEILING_HZ}. */
  public static TruthReader of(TruthSource origin) {
    return origin == TruthSource.SYNTH ? synth() : tracker(DEFAULT_CEILING_HZ);
  }

  public TruthSource origin() {
    return origin;
  }

  /**
   * Refuses, before any work, a dataset this reader cannot serve: with {@link TruthSource#SYNTH},
   * one whose recordings have no {@code truth/<id>.csv} beside them (checked for every recording).
   *
   * @throws SpectrolensException one line naming the dataset and the first missing file
   */
  public void check(CachedDataset dataset) {
    if (origin != TruthSource.SYNTH) return;
    for (String source : dataset.items().stream().map(DatasetItem::source).distinct().toList()) {
      Path truth = SynthTruthFile.of(Path.of(source));
      if (!Files.isRegularFile(truth)) {
        throw new SpectrolensException(dataset.dir().toString(), "`truth` synth needs the synthesiser's truth/<id>.csv "
            + "beside each recording, and there is no " + truth + " (a corpus not made by 'spectrolens synth'? use `truth` tracker)");
      }
    }
  }

  /** The truth over an item's segment [start, end] of its source. */
  public SegmentTruth forItem(DatasetItem item) {
    return forSegment(Path.of(item.source()), item.start(), item.end());
  }

  /**
   * The truth over [start, end] (seconds) of a recording: the frames whose times lie within one
   * frame step of the segment.
   */
  public SegmentTruth forSegment(Path recording, double start, double end) {
    if (!(end >= start) || !(start >= 0)) {
      throw new SpectrolensException(recording.toString(), "bad segment " + start + " s to " + end + " s");
    }
    return origin == TruthSource.SYNTH ? fromSynth(recording, start, end) : fromTracker(recording, start, end);
  }

  /** The item's truth masks on the dataset's model-input grid (rows in Hz, columns in source seconds). */
  public TruthMasks masks(CachedDataset dataset, DatasetItem item) {
    return TruthMasks.of(forItem(item), dataset.info().frequencyAxis(),
        TimeAxis.of(item.timeStart(), item.timeStep(), dataset.info().width()));
  }

  private SegmentTruth fromSynth(Path recording, double start, double end) {
    Path csv = SynthTruthFile.of(recording);
    SegmentTruth whole;
    synchronized (files) {
      whole = files.get(csv);
    }
    if (whole == null) {
      if (!Files.isRegularFile(csv)) {
        throw new SpectrolensException(recording.toString(), "`truth` synth: no synthesiser truth file " + csv
            + " (use `truth` tracker for corpora not made by 'spectrolens synth')");
      }
      whole = SynthTruthFile.read(csv, recording.toString());
      synchronized (files) {
        files.put(csv, whole);
      }
    }
    return slice(whole, start, end);
  }

  private static SegmentTruth slice(SegmentTruth whole, double start, double end) {
    double[] t = whole.times();
    double step = t.length > 1 ? t[1] - t[0] : 0.01;
    int a = 0;
    while (a < t.length && t[a] < start - step - 1e-9) a++;
    int b = a;
    while (b < t.length && t[b] <= end + step + 1e-9) b++;
    return new SegmentTruth(whole.source(), whole.origin(), start, end, Arrays.copyOfRange(t, a, b),
        Arrays.copyOfRange(whole.f0(), a, b), Arrays.copyOfRange(whole.formants(), a, b),
        Arrays.copyOfRange(whole.bandwidths(), a, b));
  }

  private SegmentTruth fromTracker(Path recording, double start, double end) {
    Clip clip = AudioFile.read(recording, Math.max(0, start - TRACKER_CONTEXT), end + TRACKER_CONTEXT);
    FormantTrack formants = new FormantTracker(TRACKER_STEP, 5, ceilingHz, 0.025, 50, SpectralResampler::resample)
        .track(clip);
    PitchTrack pitch = PitchTracker.praat(75, 600).track(clip);
    double shift = clip.offsetSeconds();
    // Frames on the pitch grid; each takes the nearest formant frame (both grids step 10 ms).
    int n = pitch.frameCount();
    double[] times = new double[n];
    double[] f0 = new double[n];
    double[][] f = new double[n][SegmentTruth.FORMANTS];
    double[][] b = new double[n][SegmentTruth.FORMANTS];
    double first = formants.frameCount() > 0 ? formants.time(0) : 0;
    for (int i = 0; i < n; i++) {
      times[i] = pitch.time(i) + shift;
      f0[i] = pitch.f0(i);
      int j = (int) Math.round((pitch.time(i) - first) / TRACKER_STEP);
      boolean inside = j >= 0 && j < formants.frameCount();
      for (int k = 0; k < SegmentTruth.FORMANTS; k++) {
        f[i][k] = inside && k < formants.maxFormants() ? formants.frequency(j, k + 1) : Double.NaN;
        b[i][k] = inside && k < formants.maxFormants() ? formants.bandwidth(j, k + 1) : Double.NaN;
      }
    }
    return slice(new SegmentTruth(recording.toString(), TruthSource.TRACKER, 0, Double.MAX_VALUE, times, f0, f, b),
        start, end);
  }
}
