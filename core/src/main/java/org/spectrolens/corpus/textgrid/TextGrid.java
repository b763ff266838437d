package org.spectrolens.corpus.textgrid;

import java.util.List;
import java.util.Optional;

/** A Praat TextGrid: a time domain and named tiers of labelled intervals. */
public record TextGrid(double xmin, double xmax, List<Tier> tiers) {
  public TextGrid {
    tiers = List.copyOf(tiers);
  }

  /** An interval tier (point tiers are read with their points as zero-length intervals). */
  public record Tier(String name, double xmin, double xmax, List<Interval> intervals) {
    public Tier {
      intervals = List.copyOf(intervals);
    }
  }

  /** One labelled interval; an empty label is silence in MFA's output. */
  public record Interval(double xmin, double xmax, String text) {}

  public Optional<Tier> tier(String name) {
    return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
