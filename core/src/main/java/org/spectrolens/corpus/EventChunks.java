package org.spectrolens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.Csv;

/**
 * Long recordings with an annotation of their events ({@code file,onset,offset,label}, one event a
 * line, seconds; a header line naming those columns is optional), cut into fixed chunks labelled
 * from their overlap with the events, as the monitoring thesis cut its recordings into 1 s clips.
 *
 * <p>The rule: an event <em>counts</em> for a chunk when it covers at least
 * {@code min(minOverlap, half the event)} of it (default 0.25 s: a wheeze of at least 250 ms wholly
 * inside, or a cough of 0.3 s at least half inside). A chunk takes the label of its counting events
 * (several labels: the one covering most of the chunk, ties alphabetical); a chunk that no event
 * touches takes the background label ({@code negative}); a chunk that events touch but none counts
 * is left out as ambiguous (reported in the summary), rather than called negative while it holds
 * part of an event.
 *
 * <p>A file with no events is named on a line with empty onset, offset and label
 * ({@code quiet.wav,,,}): all its chunks are background. Paths are relative to the recordings
 * directory. Every line is checked before anything is computed: a missing file, an onset at or after
 * its offset, or an event past the end of its file (by more than
 * {@link CorpusReader#END_TOLERANCE}) is a one-line error.
 */
public final class EventChunks {
  /** Seconds an event must cover of a chunk to count (or half the event when shorter). */
  public static final double DEFAULT_MIN_OVERLAP = 0.25;
  /** The label of chunks no event touches. */
  public static final String BACKGROUND = "negative";
  public static final String AMBIGUOUS = "ambiguous overlap with an event";

  /** One annotated event of a file (seconds). */
  public record Event(Path file, double onset, double offset, String label) {}

  private EventChunks() {}

  /**
   * Reads the annotation and checks it against the recordings' durations.
   *
   * @param csv the annotation
   * @param recordings directory the paths are relative to
   * @param probe durations of audio files
   * @return the events of each file, files in annotation order (a file with no events maps to an empty list)
   */
  public static Map<Path, List<Event>> read(Path csv, Path recordings, DurationProbe probe, Map<Path, Double> durations) {
    List<String> lines;
    try {
      lines = Csv.readLines(csv);
    } catch (IOException e) {
      throw new SpectrolensException(csv.toString(), "cannot read the event annotation: " + e.getMessage());
    }
    Map<Path, List<Event>> out = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = n == 0 ? lines.get(0).replace("\uFEFF", "") : lines.get(n);
      if (line.isBlank()) continue;
      List<String> f = Csv.split(line).stream().map(String::trim).toList();
      String where = "line " + (n + 1) + ": ";
      if (n == 0 && f.size() >= 4 && f.get(0).equalsIgnoreCase("file") && f.get(1).equalsIgnoreCase("onset")) continue;
      if (f.size() != 4) throw new SpectrolensException(csv.toString(), where + "expected file,onset,offset,label, found " + f.size() + " fields");
      Path file = recordings.resolve(f.get(0)).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) throw new SpectrolensException(csv.toString(), where + "no such recording '" + f.get(0) + "'");
      Double duration = durations.get(file);
      if (duration == null) {
        duration = probe.seconds(file);
        durations.put(file, duration);
      }
      List<Event> events = out.computeIfAbsent(file, k -> new ArrayList<>());
      if (f.get(1).isEmpty() && f.get(2).isEmpty() && f.get(3).isEmpty()) continue; // a file without events
      double onset;
      double offset;
      try {
        onset = Double.parseDouble(f.get(1));
        offset = Double.parseDouble(f.get(2));
        if (!Double.isFinite(onset) || !Double.isFinite(offset)) throw new NumberFormatException(); // "NaN" and "Infinity" parse
      } catch (NumberFormatException e) {
        throw new SpectrolensException(csv.toString(), where + "onset and offset must be finite numbers (seconds), found '" + f.get(1) + "', '" + f.get(2) + "'");
      }
      if (f.get(3).isEmpty()) throw new SpectrolensException(csv.toString(), where + "the event has no label");
      if (!(onset >= 0)) throw new SpectrolensException(csv.toString(), where + "onset " + onset + " s is negative");
      if (!(offset > onset)) throw new SpectrolensException(csv.toString(), where + "onset " + onset + " s is not before offset " + offset + " s");
      if (offset > duration + CorpusReader.END_TOLERANCE) {
        throw new SpectrolensException(csv.toString(), String.format(Locale.ROOT, "%sevent %.3f-%.3f s ends after the end of %s (%.3f s)",
            where, onset, offset, f.get(0), duration));
      }
      events.add(new Event(file, onset, Math.min(offset, duration), f.get(3)));
    }
    if (out.isEmpty()) throw new SpectrolensException(csv.toString(), "the event annotation names no recording");
    return out;
  }

  /**
   * The labelled chunks of every annotated file: windows of {@code window} s every {@code hop} s
   * (a last partial window kept when {@code padLast}, as {@link Segments#chunks}), labelled by the
   * rule above. Ids are {@code <file stem>_c<k>}.
   */
  public static Corpus chunks(Path csv, Path recordings, double window, double hop, boolean padLast, double minOverlap,
      DurationProbe probe) {
    Map<Path, Double> durations = new LinkedHashMap<>();
    Map<Path, List<Event>> events = read(csv, recordings, probe, durations);
    List<Segment> whole = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Path file : events.keySet()) {
      String name = file.getFileName().toString();
      String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
      String id = Segment.safeId(stem);
      for (int k = 2; !ids.add(id); k++) id = Segment.safeId(stem) + "-" + k;
      whole.add(new Segment(id, file, 0, durations.get(file), BACKGROUND, ""));
    }
    Corpus c = Segments.chunks(new Corpus(whole, durations, new Skips(), new Skips()), window, hop, padLast);
    List<Segment> out = new ArrayList<>();
    for (Segment s : c.segments()) {
      String label = label(events.get(s.source()), s.start(), s.start() + window, minOverlap);
      if (label == null) c.dropped().add(AMBIGUOUS, s.id());
      else out.add(s.withLabel(label));
    }
    return c.withSegments(out);
  }

  /**
   * The label of the chunk [from, to) under the rule above: the background label when no event
   * overlaps it, null when events overlap it but none counts.
   */
  public static String label(List<Event> events, double from, double to, double minOverlap) {
    Map<String, List<double[]>> counting = new TreeMap<>();
    boolean touched = false;
    for (Event e : events) {
      double overlap = Math.min(to, e.offset()) - Math.max(from, e.onset());
      if (overlap <= 0) continue;
      touched = true;
      if (overlap + 1e-9 >= Math.min(minOverlap, 0.5 * (e.offset() - e.onset()))) {
        counting.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(new double[] {Math.max(from, e.onset()), Math.min(to, e.offset())});
      }
    }
    if (!touched) return BACKGROUND;
    String best = null;
    double most = -1;
    for (Map.Entry<String, List<double[]>> l : counting.entrySet()) {
      double covered = union(l.getValue());
      if (covered > most + 1e-12) {
        most = covered;
        best = l.getKey();
      }
    }
    return best;
  }

  /** Total length of a union of intervals. */
  private static double union(List<double[]> spans) {
    List<double[]> s = new ArrayList<>(spans);
    s.sort((a, b) -> Double.compare(a[0], b[0]));
    double total = 0;
    double start = Double.NEGATIVE_INFINITY;
    double end = Double.NEGATIVE_INFINITY;
    for (double[] x : s) {
      if (x[0] > end) {
        if (end > start) total += end - start;
        start = x[0];
        end = x[1];
      } else {
        end = Math.max(end, x[1]);
      }
    }
    if (end > start) total += end - start;
    return total;
  }
}
