package org.spectrolens.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.spectrolens.SpectrolensException;
import org.spectrolens.corpus.Corpus;
import org.spectrolens.corpus.Segment;
import org.spectrolens.corpus.Skips;
import org.spectrolens.corpus.Split;
import org.spectrolens.dataset.channels.ChannelStack;
import org.spectrolens.io.Json;
import org.spectrolens.spectrogram.FrequencyAxis;
import org.spectrolens.spectrogram.Spectrogram;

/**
 * Builds a dataset cache from split segments: featurises every segment on all cores (at most
 * two segments per thread in flight, so memory stays bounded whatever the corpus size), writes
 * each grid as soon as it is computed, and moves the cache into place only when it is complete
 * ({@link DatasetWriter}); a failure or an interruption removes the partial cache.
 */
public final class DatasetBuilder {
  /** Progress: {@code done} of {@code total} segments processed. Called from worker threads. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private final Featuriser featuriser;
  private final InputFormat format;
  private int threads = Runtime.getRuntime().availableProcessors();
  private boolean strict;
  private final java.util.Map<Path, Integer> sourceRates = new java.util.concurrent.ConcurrentHashMap<>();
  /** The vowel tokens' stress filter recorded in summary.json (null: not a vowel task). */
  private String stressSetting;
  private boolean force;
  private Progress progress = (d, t) -> { };
  /** Featurises the items elsewhere, in parts (null: on this process's threads). */
  private Parts parts;
  private java.util.function.Consumer<Path> alsoWrite;
  /** The frequency axis of the first grid of a build; every other grid must have the same. */
  private final AtomicReference<FrequencyAxis> firstAxis = new AtomicReference<>();

  /**
   * @param format recorded in dataset.json; give the featuriser the same one (its
   *     {@code minClipSeconds} included) so that predict featurises new audio as the cache was
   */
  public DatasetBuilder(Featuriser featuriser, InputFormat format) {
    this.featuriser = featuriser;
    this.format = format;
  }

  /** Records the stress filter ({@code primary} or {@code any}) of a vowel task in summary.json; set by {@link DatasetRecipe}. */
  DatasetBuilder stressSetting(String id) {
    this.stressSetting = id;
    return this;
  }

  public DatasetBuilder threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  /** Fail the build on any skipped segment (missing WAV, interval outside file, ...). */
  public DatasetBuilder strict(boolean s) {
    this.strict = s;
    return this;
  }

  /** Replace another command's output folder at {@code out}, or write where an input lies (--force). */
  public DatasetBuilder force(boolean f) {
    this.force = f;
    return this;
  }

  public boolean force() {
    return force;
  }

  public DatasetBuilder progress(Progress p) {
    this.progress = p;
    return this;
  }

  /** The cache and its summary. */
  public record Result(CachedDataset dataset, BuildSummary summary) {}

  /**
   * An engine that featurises a build's items in parts on other processes (the {@code spark}
   * module): each part is {@link #part} on a builder of the same recipe, run on items
   * {@code [from, to)} of the same item list; the parts come back in any order.
   */
  @FunctionalInterface
  public interface Parts {
    List<BuildPart> run(int items, Path partial);
  }

  /**
   * What featurising items {@code [from, to)} gave: their manifest rows (their grids are already
   * in the cache folder being written), the segments skipped ({@code reasons[k]}, {@code details[k]}),
   * and the frequency axis of the grids as dataset.json records it (null when every item was skipped).
   */
  public record BuildPart(List<DatasetItem> items, List<String> reasons, List<String> details, Axis axis) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A frequency axis as dataset.json records it: its scale and its warped start and step. */
  public record Axis(String scale, double start, double step) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    static Axis of(FrequencyAxis a) {
      return new Axis(a.scale().id(), a.warpedStart(), a.warpedStep());
    }
  }

  /**
   * Also writes files into the cache being written, after its manifest and before it moves into
   * place (the {@code spark} engine's {@code manifest.parquet}); {@code t} receives that folder.
   */
  public DatasetBuilder alsoWrite(java.util.function.Consumer<Path> t) {
    this.alsoWrite = t;
    return this;
  }

  /** Featurises the items in parts with {@code p} instead of on this process's threads. */
  public DatasetBuilder inParts(Parts p) {
    this.parts = p;
    return this;
  }

  /**
   * On a worker: featurises items {@code [from, to)} of {@code items} (the build's whole list, as
   * the recipe gives it) into the cache folder being written at {@code partial}.
   */
  public BuildPart part(Path partial, List<Split.Assigned> items, int from, int to) {
    List<DatasetItem> out = new ArrayList<>();
    List<String> why = new ArrayList<>();
    List<String> detail = new ArrayList<>();
    for (Split.Assigned a : items.subList(from, to)) {
      DatasetItem d = featurise((item, channels) -> DatasetWriter.write(partial, item, channels), a, (reason, text) -> {
        why.add(reason);
        detail.add(text);
      });
      if (d != null) out.add(d);
    }
    FrequencyAxis axis = firstAxis.get();
    return new BuildPart(out, why, detail, axis == null ? null : Axis.of(axis));
  }

  /**
   * @param out the dataset directory (replaced only when the new cache is complete)
   * @param task the task id recorded in dataset.json
   * @param classes class names in index order; empty: the sorted labels of the items
   * @param split how {@code items} were split
   * @param items the split segments
   * @param corpus what reading and segmenting skipped and dropped (counts continue here)
   */
  public Result build(Path out, String task, List<String> classes, Split split, List<Split.Assigned> items, Corpus corpus) {
    return build(new DatasetWriter(out, force), task, classes, split, items, corpus);
  }

  /** {@link #build(Path, String, List, Split, List, Corpus)} into a writer opened (and locked) earlier; closes it. */
  public Result build(DatasetWriter writer, String task, List<String> classes, Split split, List<Split.Assigned> items, Corpus corpus) {
    try {
      return buildInto(writer, task, classes, split, items, corpus);
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
  }

  private Result buildInto(DatasetWriter writer, String task, List<String> classes, Split split, List<Split.Assigned> items, Corpus corpus) {
    Path out = writer.target();
    Skips skipped = corpus.skipped();
    if (strict && !skipped.isEmpty()) throw SpectrolensException.ofParameter("strict", "skipped " + skipped.describe());
    if (items.isEmpty()) {
      throw new SpectrolensException(out.toString(), "no segments for task " + task
          + (skipped.isEmpty() ? "" : "; skipped " + skipped.describe()) + (corpus.dropped().isEmpty() ? "" : "; dropped " + corpus.dropped().counts()));
    }
    List<String> classList = classes.isEmpty() ? new ArrayList<>(new TreeSet<>(items.stream().map(a -> a.segment().label()).toList())) : classes;
    firstAxis.set(null);
    {
      Axis[] axis = {null};
      List<DatasetItem> written;
      if (parts == null) {
        written = featuriseAll(writer, items, skipped);
        if (firstAxis.get() != null) axis[0] = Axis.of(firstAxis.get());
      } else {
        written = new ArrayList<>();
        for (BuildPart p : parts.run(items.size(), writer.partial())) {
          for (DatasetItem d : p.items()) writer.adopt(d);
          written.addAll(p.items());
          for (int k = 0; k < p.reasons().size(); k++) skipped.add(p.reasons().get(k), p.details().get(k));
          if (p.axis() != null && axis[0] != null && !p.axis().equals(axis[0])) {
            throw new IllegalStateException("a part of the build has frequency axis " + p.axis() + ", another " + axis[0]);
          }
          if (axis[0] == null) axis[0] = p.axis();
        }
      }
      if (strict && !skipped.isEmpty()) throw SpectrolensException.ofParameter("strict", "skipped " + skipped.describe());
      if (written.isEmpty()) throw new SpectrolensException(out.toString(), "every segment was skipped: " + skipped.describe());
      written.sort(Comparator.comparing(DatasetItem::id));
      String id = contentId(format, task, classList, split, written);
      DatasetInfo info = new DatasetInfo(DatasetInfo.FORMAT, id, task, classList, format.spec(), format.cropMinHz(),
          format.cropMaxHz(), format.height(), format.width(), axis[0].scale(), axis[0].start(), axis[0].step(),
          split.id(), split.seed(), split.effectiveTestFraction(), format.minClipSeconds(), format.filters(), format.channels(),
          format.fit());
      BuildSummary summary = summary(info, written, skipped, corpus.dropped(), corpus.stress(), stressSetting);
      CachedDataset ds = writer.finish(info, Map.of("summary.json", summary), alsoWrite);
      return new Result(ds, summary);
    }
  }

  private List<DatasetItem> featuriseAll(DatasetWriter writer, List<Split.Assigned> items, Skips skipped) {
    List<DatasetItem> written = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dataset-worker");
      t.setDaemon(true);
      return t;
    });
    Semaphore inFlight = new Semaphore(2 * threads);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger done = new AtomicInteger();
    int total = items.size();
    progress.update(0, total);
    try {
      for (Split.Assigned a : items) {
        inFlight.acquire();
        if (failure.get() != null) {
          inFlight.release();
          break;
        }
        pool.execute(() -> {
          try {
            DatasetItem item = featurise(writer::add, a, skipped::add);
            if (item != null) written.add(item);
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            inFlight.release();
            progress.update(done.incrementAndGet(), total);
          }
        });
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // waiting for the last segments
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new SpectrolensException("dataset", "interrupted; no dataset was written");
    } finally {
      pool.shutdownNow();
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException r) throw r;
    if (f instanceof Error e) throw e;
    if (f != null) throw new IllegalStateException(f);
    return new ArrayList<>(written);
  }

  /** Where a featurised item goes: its grid written, its manifest row returned. */
  private interface Store {
    DatasetItem add(DatasetItem item, float[][][] channels);
  }

  /** Where a skipped segment is counted. */
  private interface Skipped {
    void add(String reason, String detail);
  }

  private DatasetItem featurise(Store writer, Split.Assigned a, Skipped skipped) {
    Segment s = a.segment();
    ChannelStack stack;
    try {
      stack = featuriser.featuriseChannels(s);
    } catch (Featuriser.SkipException e) {
      return skip(skipped, e.reason(), e.getMessage());
    } catch (SpectrolensException e) {
      return skip(skipped, Skips.DECODE_ERROR, e.getMessage());
    }
    Spectrogram g = stack.grid();
    if (stack.count() != format.channelCount()) {
      throw new IllegalStateException("featuriser gave " + stack.count() + " channels for " + s.id() + ", expected " + format.channelCount());
    }
    if (g.rows() != format.height() || g.columns() != format.width()) {
      throw new IllegalStateException("featuriser gave " + g.rows() + "x" + g.columns() + " for " + s.id()
          + ", expected " + format.height() + "x" + format.width());
    }
    FrequencyAxis first = firstAxis.updateAndGet(x -> x == null ? g.frequencies() : x);
    if (!first.equals(g.frequencies())) {
      throw new IllegalStateException("segment " + s.id() + " has frequency axis " + g.frequencies() + ", others " + first);
    }
    DatasetItem item = new DatasetItem(s.id(), s.source().toString(), s.start(), s.end(), s.label(), s.speaker(),
        a.split(), a.fold(), "", g.times().start(), g.times().step(), sourceRate(s.source()));
    return writer.add(item, stack.channels());
  }

  /** A recording's own sample rate from its header (read once per recording), 0 where it cannot be read. */
  private int sourceRate(Path source) {
    return sourceRates.computeIfAbsent(source, p -> {
      try {
        return org.spectrolens.audio.AudioFile.probe(p).sampleRate();
      } catch (RuntimeException e) {
        return 0; // a featuriser that reads no audio file (tests, synthetic segments)
      }
    });
  }

  /** Counts a skipped segment; with --strict, stops the build at the first one. */
  private DatasetItem skip(Skipped skipped, String reason, String detail) {
    if (strict) throw SpectrolensException.ofParameter("strict", "skipped a segment (" + reason + "): " + detail);
    skipped.add(reason, detail);
    return null;
  }

  /** SHA-256 (first 16 hex digits) of the front end, classes, split and every manifest row. */
  static String contentId(InputFormat format, String task, List<String> classes, Split split, List<DatasetItem> sortedItems) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(Json.toString(format).getBytes(StandardCharsets.UTF_8));
      md.update(Json.toString(List.of(task, classes, split.id(), split.seed(), split.effectiveTestFraction())).getBytes(StandardCharsets.UTF_8));
      for (DatasetItem i : sortedItems) {
        md.update(String.join("\u001f", i.id(), i.source(), DatasetWriter.num(i.start()), DatasetWriter.num(i.end()), i.label(),
            i.speaker(), i.split(), Integer.toString(i.fold())).getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BuildSummary summary(DatasetInfo info, List<DatasetItem> items, Skips skipped, Skips dropped, Skips stress,
      String stressSetting) {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (String c : info.classes()) counts.put(c, new LinkedHashMap<>(Map.of(Split.TRAIN, 0, Split.TEST, 0)));
    int train = 0;
    TreeSet<String> speakers = new TreeSet<>();
    for (DatasetItem i : items) {
      counts.computeIfAbsent(i.label(), k -> new LinkedHashMap<>(Map.of(Split.TRAIN, 0, Split.TEST, 0))).merge(i.split(), 1, Integer::sum);
      if (i.split().equals(Split.TRAIN)) train++;
      speakers.add(i.speaker());
    }
    for (Map<String, Integer> m : counts.values()) { // train before test in the JSON
      int tr = m.get(Split.TRAIN);
      int te = m.get(Split.TEST);
      m.clear();
      m.put(Split.TRAIN, tr);
      m.put(Split.TEST, te);
    }
    Map<String, Integer> totals = new LinkedHashMap<>();
    totals.put("items", items.size());
    totals.put("train", train);
    totals.put("test", items.size() - train);
    totals.put("skipped", skipped.total());
    totals.put("dropped", dropped.total());
    totals.put("speakers", speakers.size());
    Map<String, Integer> rates = new TreeMap<>();
    for (DatasetItem i : items) if (i.sourceRate() > 0) rates.merge(Integer.toString(i.sourceRate()), 1, Integer::sum);
    Map<String, Object> byStress = new LinkedHashMap<>();
    if (stressSetting != null) {
      byStress.put("setting", stressSetting);
      byStress.put("tokens", stress.counts());
    }
    return new BuildSummary(info.id(), info.task(), info.split(), info.classes(), counts, skipped.counts(), dropped.counts(), totals,
        byStress, rates, info.spec().sampleRate());
  }
}
