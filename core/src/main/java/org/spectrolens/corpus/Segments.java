package org.spectrolens.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Params;

/**
 * Turns a corpus's labelled spans into dataset segments: minimum duration, fixed-length chunks,
 * class balancing and per-class caps (both seeded), and context padding. Each step returns a
 * new corpus and counts what it leaves out in {@link Corpus#dropped()}.
 */
public final class Segments {
  private Segments() {}

  /** Drops segments shorter than {@code minSeconds} (measured on the labelled span). */
  public static Corpus minDuration(Corpus c, double minSeconds) {
    List<Segment> out = new ArrayList<>();
    for (Segment s : c.segments()) {
      if (s.duration() + 1e-9 < minSeconds) c.dropped().add(Skips.TOO_SHORT, null);
      else out.add(s);
    }
    return c.withSegments(out);
  }

  /**
   * Cuts every segment into windows of {@code window} s every {@code hop} s. A last partial window
   * (or a segment shorter than one window) is kept when {@code padLast} (its span ends at the
   * segment's end; the featuriser pads it with zeros to the window) and dropped otherwise.
   * Chunk ids are {@code <segment id>_c<k>}.
   */
  public static Corpus chunks(Corpus c, double window, double hop, boolean padLast) {
    if (!(window > 0) || !(hop > 0)) throw new IllegalArgumentException("window and hop must be positive");
    checkChunkCount(c, window, hop);
    List<Segment> out = new ArrayList<>();
    int partial = 0;
    for (Segment s : c.segments()) {
      double covered = s.start();
      for (int k = 0; ; k++) {
        double t = s.start() + k * hop;
        if (t >= s.end() - 1e-9) break;
        double e = t + window;
        if (e <= s.end() + 1e-9) {
          out.add(chunk(s, k, t, Math.min(e, s.end())));
          covered = e;
          continue;
        }
        if (covered < s.end() - 1e-9) { // a partial window that holds audio no full one covered
          if (padLast) out.add(chunk(s, k, t, s.end()));
          else partial++;
        }
        break;
      }
    }
    c.dropped().add("partial last chunk", partial, null);
    return c.withSegments(out);
  }

  /** The most chunks one dataset may hold: a cost bound checked before any chunk is made. */
  public static final long MAX_CHUNKS = 1_000_000;

  /** Refuses a hop that would cut {@code c} into more than {@link #MAX_CHUNKS} chunks, saying the work and the hop that fits. */
  private static void checkChunkCount(Corpus c, double window, double hop) {
    double seconds = 0;
    long n = 0;
    for (Segment s : c.segments()) {
      double d = s.end() - s.start();
      seconds += Math.max(0, d);
      n += d > 1e-9 ? (long) Math.ceil((d - 1e-9) / hop) : 0;
      if (n < 0) n = Long.MAX_VALUE; // overflow: far beyond the bound anyway
    }
    if (n > MAX_CHUNKS) {
      throw SpectrolensException.ofParameter("chunk_hop", String.format(Locale.ROOT,
          "%s s would cut the %.1f s of recordings into %d chunks of %s s; at most %d, so a hop of at least %s s",
          Params.number(hop), seconds, n, Params.number(window), MAX_CHUNKS,
          new java.math.BigDecimal(seconds / MAX_CHUNKS).round(new java.math.MathContext(2, java.math.RoundingMode.UP)).toPlainString()));
    }
  }

  private static Segment chunk(Segment s, int k, double a, double b) {
    return new Segment(String.format(Locale.ROOT, "%s_c%03d", s.id(), k), s.source(), a, b, s.label(), s.speaker());
  }

  /** Keeps at most {@code cap} segments of each class, chosen at random (seeded); order is kept. */
  public static Corpus capPerClass(Corpus c, int cap, long seed) {
    Map<String, Integer> limits = new LinkedHashMap<>();
    c.labels().forEach(l -> limits.put(l, cap));
    return limit(c, limits, seed, Skips.OVER_CAP);
  }

  /** Caps every class to the size of the smallest (seeded), as the paper balanced unvoiced to voiced. */
  public static Corpus balance(Corpus c, long seed) {
    Map<String, Integer> counts = counts(c.segments());
    if (counts.isEmpty()) return c;
    int min = Collections.min(counts.values());
    Map<String, Integer> limits = new LinkedHashMap<>();
    counts.keySet().forEach(l -> limits.put(l, min));
    return limit(c, limits, seed, Skips.BALANCE);
  }

  /**
   * Widens every segment by {@code seconds} of context on each side, clamped to its file
   * (the manifest then records the span actually featurised).
   */
  public static Corpus pad(Corpus c, double seconds) {
    if (seconds == 0) return c;
    List<Segment> out = new ArrayList<>();
    for (Segment s : c.segments()) {
      Double d = c.durations().get(s.source());
      double end = s.end() + seconds;
      out.add(s.withSpan(Math.max(0, s.start() - seconds), d == null ? end : Math.min(d, end)));
    }
    return c.withSegments(out);
  }

  public static Map<String, Integer> counts(List<Segment> segments) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (Segment s : segments) m.merge(s.label(), 1, Integer::sum);
    return m;
  }

  private static Corpus limit(Corpus c, Map<String, Integer> limits, long seed, String reason) {
    Set<String> keep = new HashSet<>();
    Random random = new Random(seed);
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(limits).entrySet()) {
      List<Segment> of = new ArrayList<>(c.segments().stream().filter(s -> s.label().equals(e.getKey())).toList());
      of.sort(Comparator.comparing(Segment::id)); // independent of corpus order
      Collections.shuffle(of, random);
      of.stream().limit(e.getValue()).forEach(s -> keep.add(s.id()));
      c.dropped().add(reason, Math.max(0, of.size() - e.getValue()), null);
    }
    return c.withSegments(c.segments().stream().filter(s -> keep.contains(s.id())).toList());
  }
}
