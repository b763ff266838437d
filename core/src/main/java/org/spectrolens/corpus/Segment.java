package org.spectrolens.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A labelled span of a recording: what one dataset item is cut from.
 *
 * @param id unique, file-name-safe id (also the cache file's name)
 * @param source the audio file
 * @param start start in the source (s)
 * @param end end in the source (s)
 * @param label class name (after the task's label map)
 * @param speaker speaker id ("" when unknown)
 */
public record Segment(String id, Path source, double start, double end, String label, String speaker) {
  public Segment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(label, "label");
    speaker = speaker == null ? "" : speaker;
    if (!(end >= start) || start < 0) throw new IllegalArgumentException("bad segment span " + start + " to " + end + " in " + source);
  }

  public double duration() {
    return end - start;
  }

  public Segment withSpan(double newStart, double newEnd) {
    return new Segment(id, source, newStart, newEnd, label, speaker);
  }

  public Segment withId(String newId) {
    return new Segment(newId, source, start, end, label, speaker);
  }

  public Segment withLabel(String newLabel) {
    return new Segment(id, source, start, end, newLabel, speaker);
  }

  /** Replaces characters that are awkward in file names ({@code {}, {@code :}, space, ...) by '_'. */
  public static String safeId(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return t.isEmpty() ? "_" : t;
  }
}
