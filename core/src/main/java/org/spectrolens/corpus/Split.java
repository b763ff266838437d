package org.spectrolens.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;

/**
 * How a dataset's segments are divided into train and test, saved with the dataset so every
 * later step uses the same division. Every mode is seeded and independent of corpus order.
 *
 * <ul>
 *   <li>stratified: in each class, a random {@code testFraction} (rounded) goes to test;</li>
 *   <li>by speaker: whole speakers go to test, chosen greedily in a seeded order so that each
 *       class has about {@code testFraction} of its segments in test; no speaker is on both sides;</li>
 *   <li>by recording: the same with whole recordings (source files) in place of speakers, for
 *       single-speaker corpora (LJSpeech: one utterance per file), so that no utterance's
 *       segments are on both sides (issue 25);</li>
 *   <li>k-fold ({@code folds > 1}): every segment gets a fold 0..k-1 (stratified per class, or by
 *       whole speakers), and test is fold {@code fold}.</li>
 * </ul>
 *
 * @param bySpeaker group by speaker
 * @param testFraction fraction of each class in test (ignored for k-fold: 1/k)
 * @param seed random seed
 * @param folds number of folds; 0 or 1 for a single train/test split
 * @param fold the test fold for k-fold
 * @param byRecording group by recording (source file); not with {@code bySpeaker}
 */
public record Split(
    boolean bySpeaker,
    @Param(value = "fraction of each class in test", min = 0, minOpen = true, max = 1, maxOpen = true) double testFraction,
    long seed,
    int folds,
    int fold,
    boolean byRecording) {
  public static final String TRAIN = "train";
  public static final String TEST = "test";

  public Split {
    if (bySpeaker && byRecording) throw SpectrolensException.ofParameter("by_recording", "group by speaker or by recording, not both");
    if (folds > 1 && (fold < 0 || fold >= folds)) {
      throw SpectrolensException.ofParameter("fold", "must lie in [0, " + (folds - 1) + "] with `folds` " + folds + ", found " + fold);
    }
    if (folds <= 1) {
      if (Double.isNaN(testFraction)) throw SpectrolensException.ofParameter("test_fraction", "must be a number, found NaN");
      Params.check(Split.class, "testFraction", testFraction);
    }
  }

  /** A split by speaker or none (no recording grouping). */
  public Split(boolean bySpeaker, double testFraction, long seed, int folds, int fold) {
    this(bySpeaker, testFraction, seed, folds, fold, false);
  }

  /** The paper's split: 70/30 per class, seed 0. */
  public static Split stratified(long seed) {
    return new Split(false, 0.3, seed, 0, 0);
  }

  public boolean isKFold() {
    return folds > 1;
  }

  /** Name recorded in dataset.json: stratified, speaker, recording, kfold, speaker-kfold or recording-kfold. */
  public String id() {
    String group = bySpeaker ? "speaker" : byRecording ? "recording" : null;
    return group == null ? (isKFold() ? "kfold" : "stratified") : isKFold() ? group + "-kfold" : group;
  }

  /** The test fraction recorded in dataset.json (1/k for k-fold). */
  public double effectiveTestFraction() {
    return isKFold() ? 1.0 / folds : testFraction;
  }

  /** A segment with its side of the split. */
  public record Assigned(Segment segment, String split, int fold) {}

  public List<Assigned> assign(List<Segment> segments) {
    List<Segment> sorted = new ArrayList<>(segments);
    sorted.sort(Comparator.comparing(Segment::id));
    Map<String, Integer> foldOf = bySpeaker ? groupFolds(sorted, Segment::speaker, "speaker")
        : byRecording ? groupFolds(sorted, s -> s.source().toString(), "recording") : stratifiedFolds(sorted);
    List<Assigned> out = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      int f = foldOf.get(s.id());
      if (isKFold()) out.add(new Assigned(s, f == fold ? TEST : TRAIN, f));
      else out.add(new Assigned(s, f == 1 ? TEST : TRAIN, -1));
    }
    return out;
  }

  /** Per class: shuffled, then k-fold round robin, or the first round(n * fraction) to test (fold 1). */
  private Map<String, Integer> stratifiedFolds(List<Segment> sorted) {
    Random random = new Random(seed);
    Map<String, List<Segment>> byClass = new TreeMap<>();
    sorted.forEach(s -> byClass.computeIfAbsent(s.label(), k -> new ArrayList<>()).add(s));
    Map<String, Integer> out = new HashMap<>();
    int offset = 0;
    for (List<Segment> of : byClass.values()) {
      Collections.shuffle(of, random);
      if (isKFold()) {
        for (int i = 0; i < of.size(); i++) out.put(of.get(i).id(), (offset + i) % folds);
        offset += of.size(); // so that small classes do not all start in fold 0
      } else {
        long test = Math.round(of.size() * testFraction);
        for (int i = 0; i < of.size(); i++) out.put(of.get(i).id(), i < test ? 1 : 0);
      }
    }
    return out;
  }

  /**
   * Whole speakers (or recordings: {@code key}) to folds. They are taken in a seeded random order;
   * each goes to the fold (for a single split: test or train) that brings every class's share
   * closest to its target.
   */
  private Map<String, Integer> groupFolds(List<Segment> sorted, java.util.function.Function<Segment, String> key, String what) {
    TreeSet<String> speakers = new TreeSet<>();
    sorted.forEach(s -> speakers.add(key.apply(s)));
    int groups = isKFold() ? folds : 2;
    if (what.equals("recording") && speakers.size() < groups) {
      throw SpectrolensException.ofParameter("by_recording", "the corpus has only " + speakers.size() + " recording(s); a split by "
          + "recording needs at least " + groups);
    }
    if (speakers.size() < groups) {
      String which = speakers.size() == 1 && speakers.first().isEmpty()
          ? "the corpus has no speaker information, so it is one speaker (a plain LJSpeech corpus is)"
          : "the corpus has only " + speakers.size() + " speaker(s) (" + String.join(", ", speakers) + ")";
      throw SpectrolensException.ofParameter("by_speaker", which + "; a speaker-independent split needs at least " + groups
          + " speakers: give a speakers.csv (columns id,speaker) with `speakers` FILE, or split by recording (`by_recording`) instead");
    }
    List<String> classes = new ArrayList<>(new TreeSet<>(sorted.stream().map(Segment::label).toList()));
    Map<String, int[]> perSpeaker = new LinkedHashMap<>();
    int[] total = new int[classes.size()];
    for (Segment s : sorted) {
      int c = classes.indexOf(s.label());
      perSpeaker.computeIfAbsent(key.apply(s), k -> new int[classes.size()])[c]++;
      total[c]++;
    }
    double[] share = new double[groups];
    if (isKFold()) java.util.Arrays.fill(share, 1.0 / folds);
    else {
      share[0] = 1 - testFraction;
      share[1] = testFraction;
    }
    List<String> order = new ArrayList<>(speakers);
    Collections.shuffle(order, new Random(seed));
    // larger speakers first (stable on the seeded order): greedy packing works best that way
    order.sort(Comparator.comparingInt((String sp) -> -sum(perSpeaker.get(sp))));
    int[][] load = new int[groups][classes.size()];
    int[] speakersIn = new int[groups];
    Map<String, Integer> groupOf = new HashMap<>();
    int remaining = order.size();
    for (String sp : order) {
      int[] n = perSpeaker.get(sp);
      int best = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      int empty = 0;
      for (int g = 0; g < groups; g++) if (speakersIn[g] == 0) empty++;
      for (int g = 0; g < groups; g++) {
        // every group must get a speaker: once the speakers left only just suffice, fill empty groups
        if (remaining <= empty && speakersIn[g] > 0) continue;
        double cost = 0;
        for (int h = 0; h < groups; h++) {
          for (int c = 0; c < classes.size(); c++) {
            double got = (load[h][c] + (h == g ? n[c] : 0)) / (double) total[c];
            double d = got - share[h] * assignedWith(load, n, c) / total[c];
            cost += d * d;
          }
        }
        if (cost < bestCost - 1e-12) {
          bestCost = cost;
          best = g;
        }
      }
      groupOf.put(sp, best);
      speakersIn[best]++;
      for (int c = 0; c < classes.size(); c++) load[best][c] += n[c];
      remaining--;
    }
    Map<String, Integer> out = new HashMap<>();
    sorted.forEach(s -> out.put(s.id(), groupOf.get(key.apply(s))));
    return out;
  }

  /** Segments of class c assigned so far, counting the candidate speaker's. */
  private static int assignedWith(int[][] load, int[] n, int c) {
    int t = n[c];
    for (int[] l : load) t += l[c];
    return t;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int v : a) s += v;
    return s;
  }
}
