package org.spectrolens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.IoErrors;
import org.spectrolens.corpus.textgrid.TextGrid;
import org.spectrolens.corpus.textgrid.TextGridReader;
import org.spectrolens.io.Csv;

/**
 * Finds the labelled segments of a corpus in one of three layouts:
 * <ul>
 *   <li>LJSpeech: {@code metadata.csv} ({@code id|transcription|normalized}, no header),
 *       {@code wavs/<id>.wav}, and alignments {@code <id>.TextGrid} (default {@code <root>/TextGrid});
 *       one segment per interval of the phone tier whose label belongs to the task;</li>
 *   <li>a CSV manifest ({@code path,label[,start,end][,speaker]}, paths relative to the manifest);</li>
 *   <li>a folder per class ({@code <root>/<label>/*.wav}), one segment per file.</li>
 * </ul>
 * Every interval is checked against its file's duration here, before anything is computed.
 *
 * <p>Over 300 lines on purpose: the three layouts share one check of every interval, speaker and
 * label, so a corpus is refused the same way whatever its layout.
 */
public final class CorpusReader {
  /** Alignment ends this close past the end of the audio are clamped (MFA snaps within 2 frames). */
  public static final double END_TOLERANCE = 0.02;
  /** Phone tiers tried in order when no --tier is given: MFA, then WebMAUS. */
  public static final List<String> PHONE_TIERS = List.of("phones", "MAU");

  /**
   * @param labels the task's label map
   * @param alignments directory of {@code <id>.TextGrid} (null: {@code <root>/TextGrid})
   * @param tier the tier to read (null: phones, MAU, or every MFA {@code "<speaker> - phones"} tier)
   * @param speakers speaker ids (may be {@link Speakers#none()})
   * @param probe durations of audio files
   */
  public record Options(LabelMap labels, Path alignments, String tier, Speakers speakers, DurationProbe probe) {}

  private final Options options;
  private final Skips skipped = new Skips();
  private final Skips dropped = new Skips();
  private final Skips stress = new Skips();
  private final Map<Path, Double> durations = new HashMap<>();
  private final Set<String> ids = new HashSet<>();

  private CorpusReader(Options options) {
    this.options = options;
  }

  /** Reads {@code root}: a manifest when it is a .csv file, LJSpeech when it has metadata.csv, else folder per class. */
  public static Corpus read(Path root, Options options) {
    root = root.toAbsolutePath().normalize(); // manifests record absolute sources, usable from any directory
    CorpusReader r = new CorpusReader(options);
    List<Segment> segments;
    if (Files.isRegularFile(root) && root.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      segments = r.manifest(root);
    } else if (!Files.isDirectory(root)) {
      throw new SpectrolensException(root.toString(), "no such corpus directory or manifest");
    } else if (Files.isRegularFile(root.resolve("metadata.csv"))) {
      segments = r.ljSpeech(root);
    } else if (Files.isRegularFile(root.resolve("manifest.csv"))) {
      segments = r.manifest(root.resolve("manifest.csv"));
    } else {
      segments = r.folders(root);
    }
    return new Corpus(segments, r.durations, r.skipped, r.dropped, r.stress);
  }

  // ---- LJSpeech + TextGrids

  private List<Segment> ljSpeech(Path root) {
    Path metadata = root.resolve("metadata.csv");
    Path alignDir = options.alignments() != null ? options.alignments() : root.resolve("TextGrid");
    if (!Files.isDirectory(alignDir)) {
      throw new SpectrolensException(alignDir.toString(), "no alignment directory (give one with `alignments` DIR)");
    }
    List<String> lines = readLines(metadata);
    List<Segment> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = n == 0 ? lines.get(0).replace("\uFEFF", "") : lines.get(n);
      if (line.isBlank()) continue;
      String id = line.split("\\|", -1)[0].trim();
      if (id.isEmpty()) throw new SpectrolensException(metadata.toString(), "line " + (n + 1) + ": expected 'id|transcription|normalized transcription', found no id");
      Path wav = resolve(root.resolve("wavs"), id + ".wav", metadata, n);
      Path grid = resolve(alignDir, id + ".TextGrid", metadata, n);
      if (!Files.isRegularFile(wav)) {
        skipped.add(Skips.MISSING_WAV, root.relativize(wav).toString());
        continue;
      }
      if (!Files.isRegularFile(grid)) {
        skipped.add(Skips.MISSING_ALIGNMENT, grid.getFileName().toString());
        continue;
      }
      Double duration = duration(wav);
      if (duration == null) continue;
      TextGrid tg;
      try {
        tg = TextGridReader.read(grid);
      } catch (SpectrolensException e) {
        skipped.add("malformed alignment", e.getMessage());
        continue;
      }
      String speaker = options.speakers().of(id, "wavs/" + id + ".wav", "wavs/" + id).orElse("");
      for (Map.Entry<TextGrid.Tier, String> t : tiers(tg, grid).entrySet()) {
        String tierSpeaker = t.getValue() != null ? t.getValue() : speaker;
        List<TextGrid.Interval> intervals = t.getKey().intervals();
        for (int k = 0; k < intervals.size(); k++) {
          TextGrid.Interval iv = intervals.get(k);
          if (iv.xmax() <= iv.xmin()) continue; // a point of a TextTier
          Optional<String> cls = stressed(iv.text(), options.labels().classOf(iv.text()));
          if (cls == null) continue; // left out for its stress, counted
          if (cls.isEmpty()) {
            dropped.add(LabelMap.isSilence(iv.text()) ? "silence or noise" : "other label", null);
            continue;
          }
          String prefix = t.getValue() != null ? id + "_" + t.getValue() : id;
          String segId = uniqueId(Segment.safeId(String.format(Locale.ROOT, "%s_%04d_%s", prefix, k + 1, cls.get())));
          inside(new Segment(segId, wav, iv.xmin(), iv.xmax(), cls.get(), tierSpeaker), duration).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /**
   * The class of a token ({@code cls}) where the label map's stress filter keeps it, counting the
   * task's tokens by stress digit; null for a token left out for its stress (dropped by design,
   * counted here, so the caller counts it nowhere else).
   */
  private Optional<String> stressed(String label, Optional<String> cls) {
    Stress filter = options.labels().stress();
    if (cls.isEmpty() || filter == null) return cls;
    int digit = Stress.digit(label);
    if (filter.keeps(digit)) {
      stress.add("kept " + Stress.describe(digit), null);
      return cls;
    }
    stress.add("skipped " + Stress.describe(digit), null);
    dropped.add(Stress.describe(digit) + " vowel, not kept with stress " + filter.id(), null);
    return null;
  }

  /** The tiers to read, each with the speaker its name gives (MFA multi-speaker) or null. */
  private Map<TextGrid.Tier, String> tiers(TextGrid tg, Path file) {
    Map<TextGrid.Tier, String> out = new LinkedHashMap<>();
    List<String> names = tg.tiers().stream().map(TextGrid.Tier::name).toList();
    if (options.tier() != null) {
      tg.tier(options.tier()).ifPresentOrElse(t -> out.put(t, null), () -> {
        throw new SpectrolensException(file.toString(), "no tier '" + options.tier() + "' (tiers: " + String.join(", ", names) + ")");
      });
      return out;
    }
    for (String name : PHONE_TIERS) {
      Optional<TextGrid.Tier> t = tg.tier(name);
      if (t.isPresent()) {
        out.put(t.get(), null);
        return out;
      }
    }
    for (TextGrid.Tier t : tg.tiers()) {
      if (t.name().endsWith(" - phones")) out.put(t, t.name().substring(0, t.name().length() - " - phones".length()).trim());
    }
    if (out.isEmpty()) {
      throw new SpectrolensException(file.toString(), "no phone tier (phones, MAU or '<speaker> - phones'; tiers: "
          + String.join(", ", names) + "); choose one with `tier` NAME");
    }
    return out;
  }

  // ---- CSV manifest

  private List<Segment> manifest(Path csv) {
    Path base = csv.toAbsolutePath().getParent();
    List<String> lines = readLines(csv);
    List<Segment> out = new ArrayList<>();
    int path = 0;
    int label = 1;
    int start = -1;
    int end = -1;
    int speaker = -1;
    int first = 0;
    if (!lines.isEmpty()) {
      List<String> h = Csv.split(lines.get(0).replace("\uFEFF", "")).stream().map(String::trim).toList();
      if (h.contains("path")) {
        path = h.indexOf("path");
        label = h.indexOf("label");
        start = h.indexOf("start");
        end = h.indexOf("end");
        speaker = h.indexOf("speaker");
        if (label < 0 || (start < 0) != (end < 0)) {
          throw new SpectrolensException(csv.toString(), "line 1: expected a header path,label[,start,end][,speaker], found '" + lines.get(0) + "'");
        }
        first = 1;
      }
    }
    for (int n = first; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) continue;
      List<String> f = Csv.split(lines.get(n)).stream().map(String::trim).toList();
      int s = start;
      int e = end;
      int sp = speaker;
      if (first == 0) { // no header: the layout follows from the number of fields
        switch (f.size()) {
          case 2 -> { s = -1; e = -1; sp = -1; }
          case 3 -> { s = -1; e = -1; sp = 2; }
          case 4 -> { s = 2; e = 3; sp = -1; }
          case 5 -> { s = 2; e = 3; sp = 4; }
          default -> throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": expected path,label[,start,end][,speaker], found " + f.size() + " fields");
        }
      }
      int need = Math.max(Math.max(path, label), Math.max(Math.max(s, e), sp));
      if (f.size() <= need) throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": expected at least " + (need + 1) + " fields, found " + f.size());
      String rel = f.get(path);
      Path wav = resolve(base, rel, csv, n);
      String where = csv.getFileName() + " line " + (n + 1);
      if (!Files.isRegularFile(wav)) {
        skipped.add(Skips.MISSING_WAV, rel);
        continue;
      }
      Optional<String> cls = stressed(f.get(label), options.labels().classOf(f.get(label)));
      if (cls == null) continue; // left out for its stress, counted
      if (cls.isEmpty()) {
        skipped.add(Skips.OUTSIDE_TASK, where + ": '" + f.get(label) + "'");
        continue;
      }
      Double duration = duration(wav);
      if (duration == null) continue;
      double a = 0;
      double b = duration;
      if (s >= 0 && !(f.get(s).isEmpty() && f.get(e).isEmpty())) {
        try {
          a = Double.parseDouble(f.get(s));
          b = Double.parseDouble(f.get(e));
        } catch (NumberFormatException x) {
          throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": start and end must be numbers (seconds), found '" + f.get(s) + "', '" + f.get(e) + "'");
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
          throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": start and end must be finite numbers (seconds), found '"
              + f.get(s) + "', '" + f.get(e) + "'");
        }
        if (a < 0) throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": start " + a + " is negative");
        if (!(b > a)) throw new SpectrolensException(csv.toString(), "line " + (n + 1) + ": end " + b + " is not after start " + a);
      }
      String stem = stem(wav);
      String spk = sp >= 0 && !f.get(sp).isEmpty() ? f.get(sp) : options.speakers().of(stem, rel, stripExtension(rel)).orElse("");
      String id = uniqueId(Segment.safeId(cls.get() + "_" + stem + (s >= 0 ? String.format(Locale.ROOT, "_%d", Math.round(a * 1000)) : "")));
      inside(new Segment(id, wav, a, b, cls.get(), spk), duration).ifPresent(out::add);
    }
    return out;
  }

  /** {@code dir/name}, refusing a name no file can have (a NUL character) with the list's line. */
  private static Path resolve(Path dir, String name, Path list, int n) {
    try {
      return dir.resolve(name).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new SpectrolensException(list.toString(), "line " + (n + 1) + ": '" + name.replace("\0", "\\0")
          + "' is not a file name (" + e.getReason() + ")");
    }
  }

  // ---- folder per class

  private List<Segment> folders(Path root) {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(root)) {
      dirs = s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new SpectrolensException(root.toString(), "cannot list: " + IoErrors.reason(e));
    }
    List<Segment> out = new ArrayList<>();
    for (Path dir : dirs) {
      List<Path> wavs;
      try (Stream<Path> s = Files.list(dir)) {
        wavs = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav") && Files.isRegularFile(p)).sorted().toList();
      } catch (IOException e) {
        throw new SpectrolensException(dir.toString(), "cannot list: " + IoErrors.reason(e));
      }
      String folder = dir.getFileName().toString();
      Optional<String> cls = options.labels().classOf(folder);
      if (cls.isEmpty()) {
        skipped.add(Skips.OUTSIDE_TASK, wavs.size(), folder + "/");
        continue;
      }
      for (Path wav : wavs) {
        Double duration = duration(wav);
        if (duration == null) continue;
        String rel = folder + "/" + wav.getFileName();
        String spk = options.speakers().of(stem(wav), rel, stripExtension(rel)).orElse("");
        out.add(new Segment(uniqueId(Segment.safeId(cls.get() + "_" + stem(wav))), wav, 0, duration, cls.get(), spk));
      }
    }
    if (dirs.isEmpty()) {
      throw new SpectrolensException(root.toString(), "not a corpus: no metadata.csv (LJSpeech), no manifest.csv and no class folders");
    }
    return out;
  }

  // ---- shared

  /** The segment clamped to its file when it overruns by less than the tolerance; empty (and counted) when outside. */
  private Optional<Segment> inside(Segment s, double duration) {
    if (s.start() >= duration || s.end() > duration + END_TOLERANCE) {
      skipped.add(Skips.OUTSIDE_FILE, String.format(Locale.ROOT, "%s %.3f-%.3f s of %.3f s", s.source().getFileName(), s.start(), s.end(), duration));
      return Optional.empty();
    }
    return Optional.of(s.end() > duration ? s.withSpan(s.start(), duration) : s);
  }

  private Double duration(Path wav) {
    Double d = durations.get(wav);
    if (d != null) return d;
    try {
      d = options.probe().seconds(wav);
    } catch (SpectrolensException e) {
      skipped.add(Skips.DECODE_ERROR, e.getMessage());
      return null;
    }
    durations.put(wav, d);
    return d;
  }

  private String uniqueId(String id) {
    String u = id;
    for (int k = 2; !ids.add(u); k++) u = id + "-" + k;
    return u;
  }

  private static String stem(Path p) {
    return stripExtension(p.getFileName().toString());
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot > name.lastIndexOf('/') ? name.substring(0, dot) : name;
  }

  private static List<String> readLines(Path file) {
    try {
      return Csv.readLines(file);
    } catch (IOException e) {
      throw new SpectrolensException(file.toString(), "cannot read: " + IoErrors.reason(e));
    }
  }
}
