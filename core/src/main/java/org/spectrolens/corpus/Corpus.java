package org.spectrolens.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The labelled segments found in a corpus, with what was left out.
 *
 * @param segments segments whose label belongs to the task, in corpus order
 * @param durations the duration (s) of every source file a segment comes from
 * @param skipped problems: missing WAVs, intervals outside the file, labels outside the task,
 *     unreadable files (reported; fatal with --strict)
 * @param dropped left out by design: silence and other phones in alignments, segments below the
 *     minimum duration, over the per-class cap, or removed to balance classes (reported only)
 * @param stress vowel tokens of the task's classes read from the alignments by stress digit:
 *     "kept primary (1)", "skipped unstressed (0)", ... (empty where no stress filter applies)
 */
public record Corpus(List<Segment> segments, Map<Path, Double> durations, Skips skipped, Skips dropped, Skips stress) {
  public Corpus {
    segments = List.copyOf(segments);
    durations = Map.copyOf(durations);
  }

  /** A corpus without stress counts. */
  public Corpus(List<Segment> segments, Map<Path, Double> durations, Skips skipped, Skips dropped) {
    this(segments, durations, skipped, dropped, new Skips());
  }

  public Corpus withSegments(List<Segment> newSegments) {
    return new Corpus(newSegments, durations, skipped, dropped, stress);
  }

  /** Distinct speaker ids ("" counts as one unknown speaker). */
  public TreeSet<String> speakers() {
    TreeSet<String> s = new TreeSet<>();
    segments.forEach(x -> s.add(x.speaker()));
    return s;
  }

  /** Distinct labels, sorted. */
  public TreeSet<String> labels() {
    TreeSet<String> s = new TreeSet<>();
    segments.forEach(x -> s.add(x.label()));
    return s;
  }
}
