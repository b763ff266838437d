package org.spectrolens.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectrolens.SpectrolensException;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.corpus.Corpus;
import org.spectrolens.corpus.CorpusReader;
import org.spectrolens.corpus.DurationProbe;
import org.spectrolens.corpus.EventChunks;
import org.spectrolens.corpus.LabelMap;
import org.spectrolens.corpus.Segments;
import org.spectrolens.corpus.Speakers;
import org.spectrolens.corpus.Split;
import org.spectrolens.corpus.Stress;
import org.spectrolens.corpus.Task;

/**
 * Everything that defines a dataset built from a corpus, in the order it is applied: read the
 * corpus (label map, tier, speakers), drop segments below the minimum duration, cut chunks
 * (chunks task), balance voiced/unvoiced (voicing task), cap each class, add context padding,
 * split, featurise. {@link #build} is what {@code spectrolens dataset} runs.
 *
 * @param corpus corpus directory (LJSpeech, folder per class) or CSV manifest
 * @param alignments TextGrid directory (null: {@code <corpus>/TextGrid})
 * @param tier alignment tier (null: phones, then MAU)
 * @param task vowels, voicing or chunks
 * @param labels label map override CSV (null: the task's built-in map)
 * @param speakers speakers.csv (null: {@code <corpus>/speakers.csv} if present)
 * @param padding context added on each side of a segment (s), clamped to the file
 * @param minDuration segments shorter than this (s) are dropped
 * @param maxPerClass at most this many segments per class (0: no cap), chosen at random
 * @param chunk chunk window (s, chunks task)
 * @param chunkHop chunk hop (s, chunks task)
 * @param padLastChunk keep a last partial chunk, zero-padded (else drop it)
 * @param split train/test split
 * @param format the front end
 * @param events chunks task only: an event annotation ({@code file,onset,offset,label}) of the
 *     recordings in {@code corpus}, whose chunks are labelled from their overlap with the events
 *     ({@link EventChunks}); null for a corpus labelled by layout
 * @param stress vowels task: the vowel tokens kept by ARPAbet stress digit (null: {@link
 *     Stress#DEFAULT}, the seed paper's stressed vowels); other tasks keep every token
 */
public record DatasetRecipe(
    Path corpus, Path alignments, String tier, Task task, Path labels, Path speakers,
    double padding, double minDuration, int maxPerClass,
    @Param(value = "chunk window (s)", min = 0, max = 3600, minOpen = true) double chunk,
    @Param(value = "hop between chunks (s; the number of chunks is bounded too, Segments.MAX_CHUNKS)", min = 0, max = 3600, minOpen = true)
    double chunkHop, boolean padLastChunk,
    Split split, InputFormat format, Path events, Stress stress) {

  public DatasetRecipe {
    if (stress == null) stress = Stress.DEFAULT;
    if (task == Task.CHUNKS) {
      Params.check(DatasetRecipe.class, "chunk", chunk);
      Params.check(DatasetRecipe.class, "chunkHop", chunkHop);
    }
  }

  /** A recipe keeping the default stress ({@link Stress#DEFAULT}). */
  public DatasetRecipe(
      Path corpus, Path alignments, String tier, Task task, Path labels, Path speakers,
      double padding, double minDuration, int maxPerClass,
      double chunk, double chunkHop, boolean padLastChunk,
      Split split, InputFormat format, Path events) {
    this(corpus, alignments, tier, task, labels, speakers, padding, minDuration, maxPerClass, chunk, chunkHop, padLastChunk,
        split, format, events, null);
  }

  /** This recipe keeping the vowel tokens {@code s} keeps. */
  public DatasetRecipe withStress(Stress s) {
    return new DatasetRecipe(corpus, alignments, tier, task, labels, speakers, padding, minDuration, maxPerClass, chunk, chunkHop,
        padLastChunk, split, format, events, s);
  }

  /** A recipe for a corpus labelled by its layout (no event annotation). */
  public DatasetRecipe(
      Path corpus, Path alignments, String tier, Task task, Path labels, Path speakers,
      double padding, double minDuration, int maxPerClass,
      double chunk, double chunkHop, boolean padLastChunk,
      Split split, InputFormat format) {
    this(corpus, alignments, tier, task, labels, speakers, padding, minDuration, maxPerClass, chunk, chunkHop, padLastChunk,
        split, format, null);
  }

  /** Defaults documented for the CLI: no padding, 30 ms minimum, no cap, 1 s chunks with hop 1 s, padded. */
  public static DatasetRecipe of(Path corpus, Task task, InputFormat format) {
    return new DatasetRecipe(corpus, null, null, task, null, null, 0, 0.03, 0, 1.0, 1.0, true, Split.stratified(0), format);
  }

  /** Reads, segments, balances and caps the corpus (no audio is decoded except headers). */
  public Corpus segments(DurationProbe probe) {
    if (events != null) {
      if (task != Task.CHUNKS) throw SpectrolensException.ofParameter("events", "labels chunks; use it with `task` chunks");
      Path recordings = Files.isDirectory(corpus) ? corpus : corpus.toAbsolutePath().getParent();
      Corpus c = EventChunks.chunks(events, recordings, chunk, chunkHop, padLastChunk, EventChunks.DEFAULT_MIN_OVERLAP, probe);
      if (maxPerClass > 0) c = Segments.capPerClass(c, maxPerClass, split.seed());
      return c;
    }
    LabelMap map = labels != null ? LabelMap.read(labels) : LabelMap.of(task);
    if (task == Task.VOWELS) map = map.withStress(stress);
    Speakers spk = Speakers.find(corpus.toFile().isDirectory() ? corpus : corpus.toAbsolutePath().getParent(), speakers);
    Corpus c = CorpusReader.read(corpus, new CorpusReader.Options(map, alignments, tier, spk, probe));
    c = Segments.minDuration(c, minDuration);
    if (task == Task.CHUNKS) c = Segments.chunks(c, chunk, chunkHop, padLastChunk);
    if (task == Task.VOICING) c = Segments.balance(c, split.seed());
    if (maxPerClass > 0) c = Segments.capPerClass(c, maxPerClass, split.seed());
    return Segments.pad(c, padding);
  }

  /** Class names in index order: the label map's, or (chunks, no override) the sorted labels found. */
  public List<String> classes() {
    return labels != null ? LabelMap.read(labels).classes() : LabelMap.of(task).classes();
  }

  /**
   * Featurised clips shorter than this are zero-padded to it (s): the chunk window for padded
   * chunks, so every chunk covers the same time; 0 otherwise.
   */
  public double minClipSeconds() {
    return task == Task.CHUNKS && padLastChunk ? chunk : 0;
  }

  /** Builds the dataset into {@code out}, durations read from the audio headers. */
  public DatasetBuilder.Result build(Path out, DatasetBuilder builder) {
    return build(out, builder, DurationProbe.headers());
  }

  /**
   * The builder for this recipe's front end ({@link SpectrogramFeaturiser}), padding as
   * {@link #minClipSeconds} says (recorded in dataset.json); set threads, strict, progress on it.
   */
  public DatasetBuilder builder() {
    // a front end taken from a model keeps the model's padding (a raw-waveform model's length)
    InputFormat padded = format.withMinClipSeconds(Math.max(format.minClipSeconds(), minClipSeconds()));
    return new DatasetBuilder(new SpectrogramFeaturiser(padded), padded);
  }

  /**
   * The split segments a build of this recipe featurises, in the order {@link #build} hands them
   * to the builder: a worker of a build in parts ({@link DatasetBuilder#part}) reads the same list.
   */
  public List<Split.Assigned> items() {
    return split.assign(segments(DurationProbe.headers()).segments());
  }

  /** Builds the dataset into {@code out} with the given builder (featuriser) and duration probe. */
  public DatasetBuilder.Result build(Path out, DatasetBuilder builder, DurationProbe probe) {
    // lock and check the output before reading the corpus: a second run fails at once
    DatasetWriter writer = new DatasetWriter(out, builder.force(), corpus, alignments, labels, speakers);
    Corpus c;
    List<String> classes;
    List<Split.Assigned> assigned;
    try {
      c = segments(probe);
      classes = classes();
      assigned = split.assign(c.segments());
    } catch (RuntimeException | Error e) {
      writer.abort();
      throw e;
    }
    builder.stressSetting(task == Task.VOWELS && events == null ? stress.id() : null);
    return builder.build(writer, task.id(), classes, split, assigned, c);
  }
}
