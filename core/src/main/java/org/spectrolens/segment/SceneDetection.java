package org.spectrolens.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.AudioFile;
import org.spectrolens.audio.Clip;
import org.spectrolens.scene.IdealBinaryMask;
import org.spectrolens.scene.SceneClip;
import org.spectrolens.scene.SceneCorpus;
import org.spectrolens.scene.SceneEvent;
import org.spectrolens.scene.SceneIndex;
import org.spectrolens.scene.ThesisRecipe;
import org.spectrolens.spectrogram.FrontEnd;
import org.spectrolens.spectrogram.Spectrogram;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.io.Csv;

/**
 * Event detection by segmentation on the built-in monitoring scene ({@code synth-scene}): every
 * clip's spectrogram is segmented and its foreground (the cells of any region) is scored against
 * the clip's truth, the ideal binary mask of its event stem against its rest stem
 * ({@link IdealBinaryMask}, margin 0 dB, floor 60 dB) on the same grid.
 *
 * <p>The grid is the thesis's log-mel front end at its native size ({@link ThesisRecipe#spec()}:
 * 16 kHz, n_fft 1024, hop 256, 64 Slaney mel bands, dB with top_db 80: 64 x 63 cells per 1 s clip);
 * the masks use the same front end in power.
 *
 * <p>Scores are cell-level and pooled over clips: precision TP/(TP+FP), recall TP/(TP+FN), IoU
 * TP/(TP+FP+FN); {@code meanIou} is the mean of the clips' own IoUs (a clip with neither truth nor
 * detection counts 1). {@code truthShare} and {@code detectedShare} are the shares of all cells in
 * the truth and in the detection (the truth share is the precision of detecting everything).
 *
 * <p>Event-level (in time only, lenient): the truth events are the event stem's sounds from
 * {@code events.csv} (a positive clip's patient event; every sound of a negative clip; one row per
 * beep), the detected events the regions of at least {@link #MIN_EVENT_CELLS} cells. A truth event
 * is found when a detected region's time span overlaps its [onset, offset]; a detected region is
 * right when it overlaps some truth event. Event recall = found / truth events, event precision =
 * right / detected regions.
 */
public final class SceneDetection {
  private SceneDetection() {}

  /** Pooled cell counts and the derived scores. */
  /** Regions smaller than this (cells) are not counted as detected events. */
  public static final int MIN_EVENT_CELLS = 5;

  /**
   * @param events truth events; @param found those overlapped by a detected region
   * @param regions detected regions of at least {@link #MIN_EVENT_CELLS} cells; @param right those overlapping a truth event
   */
  public record Score(int clips, long truePositives, long falsePositives, long falseNegatives, long cells, double meanIou,
      long events, long found, long regions, long right, double seconds) {
    public double eventRecall() {
      return events == 0 ? Double.NaN : found / (double) events;
    }

    public double eventPrecision() {
      return regions == 0 ? Double.NaN : right / (double) regions;
    }

    public double precision() {
      return truePositives + falsePositives == 0 ? Double.NaN : truePositives / (double) (truePositives + falsePositives);
    }

    public double recall() {
      return truePositives + falseNegatives == 0 ? Double.NaN : truePositives / (double) (truePositives + falseNegatives);
    }

    public double iou() {
      long u = truePositives + falsePositives + falseNegatives;
      return u == 0 ? Double.NaN : truePositives / (double) u;
    }

    public double truthShare() {
      return (truePositives + falseNegatives) / (double) cells;
    }

    public double detectedShare() {
      return (truePositives + falsePositives) / (double) cells;
    }

    /** The header of {@link #csv}. */
    public static final String CSV_HEADER = "precision,recall,iou,mean_iou,truth_share,detected_share,event_precision,event_recall,clips";

    /** {@link #CSV_HEADER}'s fields, to 4 decimals. */
    public String csv() {
      return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d", precision(), recall(), iou(), meanIou, truthShare(),
          detectedShare(), eventPrecision(), eventRecall(), clips);
    }
  }

  /** The clip files of a scene, in manifest order (at most {@code limit}; 0: all). */
  public static List<Path> clips(Path scene, int limit) {
    Path manifest = scene.resolve(SceneCorpus.MANIFEST);
    if (!Files.isRegularFile(scene.resolve(SceneCorpus.Provenance.FILE)) || !Files.isRegularFile(manifest)) {
      throw new SpectrolensException(scene.toString(), "not a synth-scene folder (no " + SceneCorpus.Provenance.FILE + " and " + SceneCorpus.MANIFEST + ")");
    }
    List<String> lines;
    try {
      lines = Csv.readLines(manifest);
    } catch (IOException e) {
      throw new SpectrolensException(manifest.toString(), "cannot read: " + e.getMessage());
    }
    List<Path> out = new ArrayList<>();
    for (int i = 1; i < lines.size() && (limit <= 0 || out.size() < limit); i++) {
      if (lines.get(i).isBlank()) continue;
      out.add(scene.resolve(lines.get(i).split(",", -1)[0]));
    }
    return out;
  }

  /** Cell counts of one detection against one truth mask (same shape): {tp, fp, fn}. */
  public static long[] counts(boolean[][] detected, boolean[][] truth) {
    long[] k = new long[3];
    for (int r = 0; r < truth.length; r++) {
      for (int c = 0; c < truth[r].length; c++) {
        if (detected[r][c] && truth[r][c]) k[0]++;
        else if (detected[r][c]) k[1]++;
        else if (truth[r][c]) k[2]++;
      }
    }
    return k;
  }

  /** The truth mask of a scene clip file on the spectrogram grid of {@code spec} (power). */
  public static boolean[][] truth(Path clipFile, SpectrogramSpec spec) {
    SpectrogramSpec power = spec.withDb(false, Double.NaN).withPower(2);
    float[][] event = FrontEnd.compute(AudioFile.read(SceneCorpus.eventStem(clipFile)), power).values();
    float[][] rest = FrontEnd.compute(AudioFile.read(SceneCorpus.restStem(clipFile)), power).values();
    return IdealBinaryMask.of(event, rest, IdealBinaryMask.DEFAULT_MARGIN_DB, IdealBinaryMask.DEFAULT_FLOOR_DB);
  }

  /** Scores {@code seg} on the first {@code limit} clips (0: all) of the scene in {@code scene}, thesis front end. */
  public static Score evaluate(Segmentation seg, Path scene, int limit) {
    long t0 = System.nanoTime();
    SpectrogramSpec spec = ThesisRecipe.spec();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long cells = 0;
    double iouSum = 0;
    long events = 0;
    long found = 0;
    long regions = 0;
    long right = 0;
    List<Path> files = clips(scene, limit);
    SceneIndex index = SceneIndex.read(scene);
    for (Path f : files) {
      Clip clip = AudioFile.read(f);
      Spectrogram s = FrontEnd.compute(clip, spec);
      boolean[][] truth = truth(f, spec);
      LabelGrid labels = seg.segment(s);
      SceneIndex.Entry entry = index.of(f.getFileName().toString());
      List<SceneEvent> truthEvents = new ArrayList<>();
      for (SceneEvent e : entry.events()) if (!entry.label().equals(SceneClip.POSITIVE) || e.kind().positive()) truthEvents.add(e);
      List<Region> detected = new ArrayList<>();
      for (Region r : labels.regions(s)) if (r.area() >= MIN_EVENT_CELLS) detected.add(r);
      events += truthEvents.size();
      regions += detected.size();
      for (SceneEvent e : truthEvents) if (detected.stream().anyMatch(r -> overlaps(r, e))) found++;
      for (Region r : detected) if (truthEvents.stream().anyMatch(e -> overlaps(r, e))) right++;
      long[] k = counts(labels.foreground(), truth);
      tp += k[0];
      fp += k[1];
      fn += k[2];
      cells += (long) s.rows() * s.columns();
      long u = k[0] + k[1] + k[2];
      iouSum += u == 0 ? 1 : k[0] / (double) u;
    }
    return new Score(files.size(), tp, fp, fn, cells, iouSum / Math.max(1, files.size()), events, found, regions, right,
        (System.nanoTime() - t0) / 1e9);
  }

  private static boolean overlaps(Region r, SceneEvent e) {
    return r.t0() < e.offset() && e.onset() < r.t1();
  }
}
