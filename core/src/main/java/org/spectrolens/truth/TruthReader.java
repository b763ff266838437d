package org.spectrolens.truth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.spectrolens.SpectrolensException;
import org.spectrolens.acoustics.FormantSettings;
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
 * #tracker(FormantSettings)} runs the project's trackers (Burg formants with the ceiling and
 * formant count {@link FormantSettings} derives from each recording's own rate, 25 ms window,
 * 10 ms step, pre-emphasis from 50 Hz; autocorrelation pitch 75-600 Hz, 10 ms step) on the segment plus
 * {@value #TRACKER_CONTEXT} s of context either side. Item sources are paths as written in
 * {@code manifest.csv} (absolute, or relative to the working directory). Thread-safe.
 */
public final class TruthReader {
  /** Audio analysed either side of a segment by the tracker, in seconds (enough for both windows). */
  public static final double TRACKER_CONTEXT = 0.06;
  private static final double TRACKER_STEP = 0.01;
  private static final int CACHE = 256;

  private final TruthSource origin;
  private final FormantSettings formants;
  /** The ceiling and formant count used, per sample rate met (for the record). */
  private final Map<Integer, FormantSettings.Resolved> used = new java.util.concurrent.ConcurrentSkipListMap<>();
  private final Map<Path, SegmentTruth> files = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Path, SegmentTruth> eldest) {
      return size() > CACHE;
    }
  };

  private TruthReader(TruthSource origin, FormantSettings formants) {
    this.origin = origin;
    this.formants = formants;
  }

  /** The synthesiser's truth files. */
  public static TruthReader synth() {
    return new TruthReader(TruthSource.SYNTH, null);
  }

  /** The project's trackers at a fixed formant ceiling in Hz, the formant count from {@link FormantSettings}'s rule. */
  public static TruthReader tracker(double ceilingHz) {
    return tracker(FormantSettings.ceiling(ceilingHz));
  }

  /** The project's trackers with the formant ceiling and count of {@code formants}, resolved per recording. */
  public static TruthReader tracker(FormantSettings formants) {
    return new TruthReader(TruthSource.TRACKER, java.util.Objects.requireNonNull(formants, "formants"));
  }

  /** {@link #synth()} or the trackers with everything derived from each recording's rate. */
  public static TruthReader of(TruthSource origin) {
    return of(origin, FormantSettings.fromRate());
  }

  /** {@link #synth()} or {@link #tracker(FormantSettings)} ({@code formants} unused by the synthesiser's truth). */
  public static TruthReader of(TruthSource origin, FormantSettings formants) {
    return origin == TruthSource.SYNTH ? synth() : tracker(formants);
  }

  /** The tracker's formant settings, or null for the synthesiser's truth. */
  public FormantSettings formants() {
    return formants;
  }

  /**
   * As recorded in result files: the source, and for the tracker its settings and the ceiling and
   * formant count used at each sample rate met so far ({@code "8000 Hz": {ceiling_hz, max_formants}}).
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", origin.id());
    if (formants == null) return m;
    m.putAll(formants.describe());
    Map<String, Object> rates = new LinkedHashMap<>();
    used.forEach((rate, r) -> rates.put(rate + " Hz", Map.of("ceiling_hz", r.ceiling(), "max_formants", r.maxFormants())));
    m.put("used", rates);
    return m;
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
    if (origin == TruthSource.TRACKER) {
      // A ceiling above a recording's Nyquist frequency is refused before any work.
      for (String source : dataset.items().stream().map(DatasetItem::source).distinct().toList()) {
        formants.resolve(source, AudioFile.probe(Path.of(source)).sampleRate());
      }
      return;
    }
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
    FormantTracker tracker = formants.tracker(recording.toString(), clip.sampleRate(), TRACKER_STEP, 0.025, 50,
        SpectralResampler::resample);
    used.putIfAbsent(clip.sampleRate(), formants.resolve(recording.toString(), clip.sampleRate()));
    FormantTrack track = tracker.track(clip);
    PitchTrack pitch = PitchTracker.praat(75, 600).track(clip);
    double shift = clip.offsetSeconds();
    // Frames on the pitch grid; each takes the nearest formant frame (both grids step 10 ms).
    int n = pitch.frameCount();
    double[] times = new double[n];
    double[] f0 = new double[n];
    double[][] f = new double[n][SegmentTruth.FORMANTS];
    double[][] b = new double[n][SegmentTruth.FORMANTS];
    double first = track.frameCount() > 0 ? track.time(0) : 0;
    for (int i = 0; i < n; i++) {
      times[i] = pitch.time(i) + shift;
      f0[i] = pitch.f0(i);
      int j = (int) Math.round((pitch.time(i) - first) / TRACKER_STEP);
      boolean inside = j >= 0 && j < track.frameCount();
      for (int k = 0; k < SegmentTruth.FORMANTS; k++) {
        f[i][k] = inside && k < track.maxFormants() ? track.frequency(j, k + 1) : Double.NaN;
        b[i][k] = inside && k < track.maxFormants() ? track.bandwidth(j, k + 1) : Double.NaN;
      }
    }
    return slice(new SegmentTruth(recording.toString(), TruthSource.TRACKER, 0, Double.MAX_VALUE, times, f0, f, b),
        start, end);
  }
}
