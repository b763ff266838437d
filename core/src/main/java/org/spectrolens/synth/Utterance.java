package org.spectrolens.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectrolens.audio.Clip;
import org.spectrolens.corpus.textgrid.TextGrid;
import org.spectrolens.synth.UtterancePlan.Segment;

/** One synthesised utterance: its id, plan, control tracks and samples. */
public record Utterance(String id, String text, UtterancePlan plan, Tracks tracks, float[] samples, int sampleRate) {
  /** Step of the ground-truth tracks (s). */
  public static final double TRUTH_STEP = 0.01;
  public static final String TRUTH_HEADER = "time,f0,f1,f2,f3,f4,b1,b2,b3,b4";

  public Clip clip() {
    return new Clip(samples, sampleRate, id, 0);
  }

  public double duration() {
    return samples.length / (double) sampleRate;
  }

  /** MFA-style alignment: tiers {@code words} and {@code phones}, silence as "", tiling [0, duration]. */
  public TextGrid textGrid() {
    double end = duration();
    List<Segment> segs = plan.segments();
    List<TextGrid.Interval> phones = new ArrayList<>();
    List<TextGrid.Interval> words = new ArrayList<>();
    for (int i = 0; i < segs.size(); i++) {
      Segment s = segs.get(i);
      double b = i == segs.size() - 1 ? end : s.end();
      phones.add(new TextGrid.Interval(s.start(), b, s.label()));
      if (!words.isEmpty() && sameWord(segs, i)) {
        TextGrid.Interval last = words.remove(words.size() - 1);
        words.add(new TextGrid.Interval(last.xmin(), b, last.text()));
      } else {
        words.add(new TextGrid.Interval(s.start(), b, s.word() < 0 ? "" : plan.words().get(s.word()).text()));
      }
    }
    return new TextGrid(0, end, List.of(
        new TextGrid.Tier("words", 0, end, words), new TextGrid.Tier("phones", 0, end, phones)));
  }

  private static boolean sameWord(List<Segment> segs, int i) {
    return i > 0 && segs.get(i).word() >= 0 && segs.get(i).word() == segs.get(i - 1).word();
  }

  /**
   * The tracks that drove the synthesiser every 10 ms: F0 (empty where unvoiced), F1-F4 and
   * B1-B4 in Hz, as CSV with a header.
   */
  public String truthCsv() {
    StringBuilder s = new StringBuilder(TRUTH_HEADER).append('\n');
    int frames = (int) Math.floor(duration() / TRUTH_STEP + 1e-9) + 1;
    for (int k = 0; k < frames; k++) {
      double t = k * TRUTH_STEP;
      double f0 = tracks.f0At(t);
      s.append(String.format(Locale.ROOT, "%.2f,", t));
      if (!Double.isNaN(f0)) s.append(String.format(Locale.ROOT, "%.1f", f0));
      for (int f = 1; f <= 4; f++) s.append(String.format(Locale.ROOT, ",%.1f", tracks.formantAt(f, t)));
      for (int f = 1; f <= 4; f++) s.append(String.format(Locale.ROOT, ",%.1f", tracks.bandwidthAt(f, t)));
      s.append('\n');
    }
    return s.toString();
  }
}
