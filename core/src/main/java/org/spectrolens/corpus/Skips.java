package org.spectrolens.corpus;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of things left out of a dataset, by reason ("missing wav", "interval outside file",
 * "label outside task", ...). Thread-safe; reported in summary.json and fatal with --strict.
 */
public final class Skips {
  public static final String MISSING_WAV = "missing wav";
  public static final String MISSING_ALIGNMENT = "missing alignment";
  public static final String OUTSIDE_FILE = "interval outside file";
  public static final String OUTSIDE_TASK = "label outside task";
  public static final String TOO_SHORT = "shorter than minimum duration";
  public static final String OVER_CAP = "over per-class cap";
  public static final String BALANCE = "balancing voiced/unvoiced";
  public static final String DECODE_ERROR = "decode error";

  private final Map<String, Integer> counts = new TreeMap<>();
  /** The first example of each reason, so that a --strict failure can say which file. */
  private final Map<String, String> examples = new TreeMap<>();

  public synchronized void add(String reason, String example) {
    add(reason, 1, example);
  }

  public synchronized void add(String reason, int n, String example) {
    if (n <= 0) return;
    counts.merge(reason, n, Integer::sum);
    if (example != null) examples.putIfAbsent(reason, example);
  }

  public synchronized void addAll(Skips other) {
    Map<String, Integer> c;
    Map<String, String> e;
    synchronized (other) {
      c = new TreeMap<>(other.counts);
      e = new TreeMap<>(other.examples);
    }
    c.forEach((k, v) -> add(k, v, e.get(k)));
  }

  public synchronized Map<String, Integer> counts() {
    return new TreeMap<>(counts);
  }

  public synchronized String example(String reason) {
    return examples.get(reason);
  }

  public synchronized int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized boolean isEmpty() {
    return counts.isEmpty();
  }

  /** One line: "3 missing wav (e.g. wavs/LJ001-0002.wav), 1 interval outside file (...)". */
  public synchronized String describe() {
    StringBuilder s = new StringBuilder();
    counts.forEach((k, v) -> {
      if (s.length() > 0) s.append(", ");
      s.append(v).append(' ').append(k);
      if (examples.containsKey(k)) s.append(" (e.g. ").append(examples.get(k)).append(')');
    });
    return s.toString();
  }
}
