package org.spectrolens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.spectrolens.SpectrolensException;
import org.spectrolens.corpus.Split;
import org.spectrolens.corpus.Stress;
import org.spectrolens.corpus.Task;
import org.spectrolens.dataset.DatasetBuilder;
import org.spectrolens.dataset.DatasetInfo;
import org.spectrolens.dataset.DatasetRecipe;
import org.spectrolens.dataset.InputFormat;
import org.spectrolens.dataset.channels.InputChannels;
import org.spectrolens.filter.Filters;
import org.spectrolens.io.Json;
import org.spectrolens.nn.model.ModelConfig;
import org.spectrolens.params.Param;
import org.spectrolens.scene.ThesisRecipe;
import org.spectrolens.spectrogram.SpectrogramSpec;
import org.spectrolens.params.Params;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code spectrolens dataset}: segments a corpus, splits it and caches the model inputs.
 *
 * <p>Over 300 lines because of its options (corpus layouts, tasks, front end, splits, channels,
 * recipes), each declared once with its help; the work is the library's {@code DatasetBuilder}.
 */
@Command(
    name = "dataset",
    defaultValueProvider = DatasetCommand.SpeechDefaults.class,
    resourceBundle = "org.spectrolens.cli.DatasetCommand",
    description = {
        "Cut a corpus into labelled segments, split them and cache their spectrograms (DS/manifest.csv, "
            + "DS/items/*.npy, DS/dataset.json, DS/summary.json) for training, evaluation and explanation.",
        "Corpus layouts: LJSpeech (metadata.csv, wavs/, TextGrids from MFA or WebMAUS), a folder per class "
            + "(<corpus>/<label>/*.wav), or a CSV manifest (path,label[,start,end][,speaker]).",
        "The front-end defaults suit 50-200 ms vowels: 22050 Hz, n_fft 1024, 25 ms window (551), 5 ms hop (110), "
            + "zero padding, power in dB with top_db 80, 64x64 inputs (CPU-practical: smallcnn trains to >99%% on the built-in vowels in minutes on 2 cores).",
        ""})
public final class DatasetCommand implements Callable<Integer>, Checked {
  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus directory, or a CSV manifest.")
  Path corpus;

  @Option(names = "--alignments", paramLabel = "DIR", description = "TextGrids <id>.TextGrid (default: <corpus>/TextGrid).")
  Path alignments;

  @Option(names = "--tier", paramLabel = "NAME", description = "Alignment tier (default: phones (MFA), else MAU (WebMAUS)).")
  String tier;

  @Option(names = "--task", required = true, paramLabel = "TASK", description = "vowels, voicing or chunks.")
  String task;

  @Option(names = "--out", required = true, paramLabel = "DS", description = "Dataset directory to write (replaced atomically).")
  Path out;

  @Option(names = "--labels", paramLabel = "FILE", description = "Label map override: CSV lines label,class.")
  Path labels;

  @Option(names = "--stress", defaultValue = "primary", paramLabel = "WHICH",
      description = "--task vowels: vowel tokens kept by their ARPAbet stress digit: primary (IY1; the seed paper's stressed "
          + "vowels) or any (IY0 unstressed and IY2 secondary too); labels without a digit are always kept. "
          + "Default: ${DEFAULT-VALUE}; the counts of each are printed and written to summary.json.")
  String stress;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "HxW",
      description = "Model input size, rows x columns (default: ${DEFAULT-VALUE}; 224x224 for the paper's ResNets).")
  String size;

  @Option(names = "--group-by", paramLabel = "speaker|recording",
      description = "speaker: no speaker on both sides of the split; recording: no recording (source file) on both sides, "
          + "for single-speaker corpora (LJSpeech: one utterance per file).")
  String groupBy;

  @Option(names = "--speakers", paramLabel = "FILE", description = "CSV with id,speaker columns (default: <corpus>/speakers.csv).")
  Path speakers;

  @Sets(Split.class)
  @Option(names = "--test-fraction", defaultValue = "0.3", paramLabel = "F", description = "Share of each class in test, below 1 (default: ${DEFAULT-VALUE}); to evaluate "
      + "a model on all items of a corpus, build it with any split and run evaluate --split all.")
  double testFraction;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the split, caps and balancing (default: ${DEFAULT-VALUE}).")
  long seed;

  @Param(min = 2, max = 1000, orZero = true)
  @Option(names = "--folds", defaultValue = "0", paramLabel = "K", description = "k-fold: K folds (default: a single split).")
  int folds;

  @Param(min = 0, max = 999)
  @Option(names = "--fold", defaultValue = "0", paramLabel = "I", description = "k-fold: the test fold, 0..K-1 (default: ${DEFAULT-VALUE}).")
  int fold;

  @Param(min = 0, max = 60)
  @Option(names = "--padding", defaultValue = "0", paramLabel = "S", description = "Context added on each side of a segment, seconds (default: ${DEFAULT-VALUE}).")
  double padding;

  @Param(min = 0, max = 3600)
  @Option(names = "--min-duration", defaultValue = "0.03", paramLabel = "S", description = "Drop shorter segments (default: ${DEFAULT-VALUE} s).")
  double minDuration;

  @Param(min = 1, max = Integer.MAX_VALUE)
  @Option(names = "--max-per-class", paramLabel = "N", description = "At most N segments per class, drawn at random (default: no cap).")
  Integer maxPerClass;

  @Sets(DatasetRecipe.class)
  @Option(names = "--chunk", defaultValue = "1.0", paramLabel = "S", description = "chunks: window length (default: ${DEFAULT-VALUE} s).")
  double chunk;

  @Sets(DatasetRecipe.class)
  @Option(names = "--chunk-hop", paramLabel = "S", description = "chunks: hop between windows (default: the window).")
  Double chunkHop;

  @Option(names = "--chunk-last", defaultValue = "pad", paramLabel = "pad|drop",
      description = "chunks: zero-pad a last partial window, or drop it (default: ${DEFAULT-VALUE}).")
  String chunkLast;

  @Option(names = "--strict", description = "Fail on any skipped segment (missing WAV, interval outside the file, label outside the task).")
  boolean strict;

  @Param(min = 1, max = 1024, orZero = true)
  @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads;

  @Option(names = "--frontend-from", paramLabel = "MODEL",
      description = "Use exactly the front end (spec, fmax, input size) MODEL was trained with (MODEL/config.json).")
  Path frontendFrom;

  @Option(names = "--events", paramLabel = "FILE",
      description = "chunks: an annotation file,onset,offset,label of the recordings in --corpus; each chunk takes the label of the events"
          + " covering at least 0.25 s of it (or half a shorter event), 'negative' when none touches it; chunks only grazed are left out (docs/scene.md).")
  Path events;

  @Option(names = "--recipe", paramLabel = "thesis",
      description = "thesis: the monitoring thesis's log-mel front end for 1 s clips (16 kHz, n_fft 1024, hop 256, 64 Slaney mel bands, dB, 64x64; docs/scene.md).")
  String recipe;

  @Option(names = "--channels", paramLabel = "LIST",
      description = "Input channels of every item, in order, stacked as [C,H,W] on the one grid (default: spectrogram, the front end alone): "
          + "spectrogram, freq-position, cqt, delta, delta2, harmonic, percussive, stft-real, stft-imag (docs/channels.md).")
  String channels;
  @Option(names = "--filter", paramLabel = "NAME[:k=v,...]",
      description = "Filter every item's spectrogram before cropping and resizing (repeat to chain; recorded in dataset.json, so models"
          + " trained on it filter raw audio alike; 'filter --list' shows them).")
  List<String> filters = new ArrayList<>();

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--force", description = "Replace a folder another spectrolens command wrote, or write where an input lies.")
  boolean force;

  @Mixin
  FrontEndOptions frontEnd;

  @CommandLine.Spec
  CommandSpec spec;

  /**
   * The dataset command's front-end defaults, which differ from the spectrogram command's
   * (torchaudio's). dB is on by default too, but not through here: picocli inverts a negatable
   * flag whose default is true ({@code --no-db} would set it), so {@link #format} resolves it.
   */
  public static final class SpeechDefaults implements CommandLine.IDefaultValueProvider {
    static final Map<String, String> DEFAULTS = Map.of(
        "--sr", "22050", "--n-fft", "1024", "--win-length", "551", "--hop", "110",
        "--pad-mode", "constant", "--top-db", "80");

    @Override
    public String defaultValue(ArgSpec arg) {
      return arg instanceof OptionSpec o ? DEFAULTS.get(o.longestName()) : null;
    }
  }

  /** Worker threads: --threads, or all cores. */
  private int workers() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  @Override
  public void checkOptions() {
    Task.fromId(task);
    // the recipe's ranges, whatever the task; the number of chunks is checked once the recordings' lengths are known
    Params.check(DatasetRecipe.class, "chunk", chunk);
    Params.check(DatasetRecipe.class, "chunkHop", chunkHop != null ? chunkHop : chunk);
    if (!chunkLast.equals("pad") && !chunkLast.equals("drop")) throw new SpectrolensException("--chunk-last", "expected pad or drop, found '" + chunkLast + "'");
    if (groupBy != null && !groupBy.equals("speaker") && !groupBy.equals("recording")) {
      throw new SpectrolensException("--group-by", "expected speaker or recording, found '" + groupBy + "'");
    }
    split(); // --test-fraction and --fold are checked by the split they make
    if (folds == 0 && spec.commandLine().getParseResult().hasMatchedOption("--fold")) {
      throw new SpectrolensException("--fold", "needs --folds K (k-fold splits)");
    }
    Filters.parseAll(filters, "--filter");
    if (!filters.isEmpty() && frontendFrom != null) throw new SpectrolensException("--frontend-from", "fixes the front end; drop --filter");
    if (events != null && !Task.fromId(task).equals(Task.CHUNKS)) throw new SpectrolensException("--events", "labels chunks; use it with --task chunks");
    if (channels != null) {
      InputChannels.parse(channels);
      if (frontendFrom != null) throw new SpectrolensException("--channels", "--frontend-from fixes the channels too (the model's); drop --channels");
    }
    if (recipe != null) {
      if (!recipe.equals(ThesisRecipe.ID)) throw new SpectrolensException("--recipe", "unknown recipe '" + recipe + "' (expected thesis)");
      if (frontendFrom != null) throw new SpectrolensException("--recipe", "give --recipe or --frontend-from, not both");
      checkNoFrontEndOptions("--recipe");
      return;
    }
    if (frontendFrom != null) {
      checkNoFrontEndOptions("--frontend-from");
      return;
    }
    if (frontEnd.sampleRate <= 0) throw new SpectrolensException("--sr", "a dataset needs one sample rate (Hz), found " + frontEnd.sampleRate);
    int[] hw = parseSize(size);
    // a grid per item in flight on each worker (two), and the spectrogram it is resized from
    OptionChecks.fitsInMemory("--size", 4L * hw[0] * hw[1] * (2L * workers() + 1), String.format(Locale.ROOT,
        "%dx%d input grids for %d workers", hw[0], hw[1], workers()));
  }

  private Split split() {
    return new Split("speaker".equals(groupBy), testFraction, seed, folds, fold, "recording".equals(groupBy));
  }

  @Mixin
  EngineOptions engine = new EngineOptions();

  /** The recipe of this command line: the corpus, task, split and front end. */
  private DatasetRecipe recipe() {
    Task t = Task.fromId(task);
    InputFormat format = frontendFrom != null ? formatOfModel(frontendFrom) : recipe != null ? formatOfRecipe(recipe) : format();
    if (channels != null) {
      format = format.withChannels(InputChannels.parse(channels));
      InputChannels.check(format.channels(), format.spec());
    }
    if (!filters.isEmpty()) format = format.withFilters(Filters.texts(Filters.parseAll(filters, "--filter")));
    double hop = chunkHop != null ? chunkHop : chunk;
    Split split = split();
    return new DatasetRecipe(corpus, alignments, tier, t, labels, speakers, padding, minDuration,
        maxPerClass == null ? 0 : maxPerClass, chunk, hop, chunkLast.equals("pad"), split, format, events, Stress.fromId(stress));
  }

  /**
   * The command's work on a worker of a {@link ScaleOut} engine: featurising a part of the items
   * of the recipe the same command line gives, into the cache folder the driver is writing.
   */
  public static final class Worker implements AutoCloseable {
    private final DatasetBuilder builder;
    private final List<org.spectrolens.corpus.Split.Assigned> items;

    private Worker(DatasetCommand c) {
      DatasetRecipe r = c.recipe();
      builder = r.builder().strict(c.strict);
      items = r.items();
    }

    /** The worker of a {@code dataset} command line (the whole line, as given). */
    public static Worker open(List<String> args) {
      return new Worker(Main.parse(args, DatasetCommand.class));
    }

    /** Featurises items {@code [from, to)} into {@code partial}, the cache folder being written. */
    public DatasetBuilder.BuildPart part(java.nio.file.Path partial, int from, int to) {
      return builder.part(partial, items, from, to);
    }

    @Override
    public void close() {
      // nothing held beyond memory
    }
  }

  @Override
  public Integer call() {
    DatasetRecipe recipe = recipe();
    DatasetBuilder builder = recipe.builder().strict(strict).force(force).threads(workers());
    ScaleOut scaleOut = engine.scaleOut();
    if (scaleOut != null) {
      List<String> args = spec.commandLine().getParseResult().originalArgs();
      builder.inParts((n, partial) -> scaleOut.dataset(engine.job("dataset", args, partial), n));
      builder.alsoWrite(partial -> engine.tables("dataset", partial, "manifest")); // manifest.parquet beside manifest.csv
    }
    ProgressBar[] bar = new ProgressBar[1];
    if (!noProgress && scaleOut == null) {
      builder.progress((done, total) -> {
        synchronized (bar) {
          if (bar[0] == null) {
            bar[0] = new ProgressBarBuilder().setTaskName("dataset").setInitialMax(total).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 100)).build();
          }
          if (done > bar[0].getCurrent()) bar[0].stepTo(done);
        }
      });
    }
    DatasetBuilder.Result r;
    try {
      r = recipe.build(out, builder);
    } finally {
      synchronized (bar) {
        if (bar[0] != null) bar[0].close();
      }
    }
    spec.commandLine().getOut().print(r.summary().describe());
    spec.commandLine().getOut().println(Json.toString(r.summary()));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The front end from the options: spec at --sr, crop to [fmin, fmax] (STFT fmin only), --size. */
  InputFormat format() {
    if (frontEnd.sampleRate <= 0) throw new SpectrolensException("--sr", "a dataset needs one sample rate (Hz), found " + frontEnd.sampleRate);
    // dB unless --no-db: --db/--no-db parse against the annotation default (false)
    if (!spec.commandLine().getParseResult().hasMatchedOption("--db")) frontEnd.db = true;
    SpectrogramSpec s = frontEnd.toSpec(frontEnd.sampleRate);
    if (frontEnd.fmax != null && !(frontEnd.fmax > 0 && frontEnd.fmax <= s.sampleRate() / 2.0)) {
      throw new SpectrolensException("--fmax", "must lie in (0, " + s.sampleRate() / 2.0 + "] Hz, found " + frontEnd.fmax);
    }
    int[] hw = parseSize(size);
    double cropMin = s.kind() == SpectrogramSpec.Kind.STFT ? s.fmin() : 0;
    double cropMax = frontEnd.fmax == null ? Double.NaN : frontEnd.fmax;
    return new InputFormat(s, cropMin, cropMax, hw[0], hw[1]);
  }

  /** "HxW" with 1 <= H, W <= 4096 (the largest a model input may be). */
  static int[] parseSize(String s) {
    String[] p = s.toLowerCase(Locale.ROOT).split("x", -1);
    try {
      if (p.length == 2) {
        int h = Integer.parseInt(p[0].trim());
        int w = Integer.parseInt(p[1].trim());
        if (h > 0 && w > 0 && h <= 4096 && w <= 4096) return new int[] {h, w};
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SpectrolensException("--size", "expected HxW with whole numbers in [1, 4096] (e.g. 224x224), found '" + s + "'");
  }

  /** A named front end ({@code thesis}: {@link ThesisRecipe}; checked in {@link #checkOptions}). */
  InputFormat formatOfRecipe(String name) {
    return ThesisRecipe.format();
  }

  /** A front end fixed by {@code option} (--frontend-from, --recipe) allows no front-end option beside it. */
  private void checkNoFrontEndOptions(String option) {
    List<String> clash = new ArrayList<>();
    var parse = spec.commandLine().getParseResult();
    for (OptionSpec o : spec.mixins().get("frontEnd").options()) if (parse.hasMatchedOption(o.longestName())) clash.add(o.longestName());
    if (parse.hasMatchedOption("--size")) clash.add("--size");
    if (!clash.isEmpty()) {
      throw new SpectrolensException(option, "fixes the front end; drop " + String.join(", ", clash));
    }
  }

  /** MODEL/config.json's "dataset" object (the front end the model was trained with), checked as dataset.json is. */
  InputFormat formatOfModel(Path model) {
    Path config = model.resolve(ModelConfig.FILE);
    if (!Files.isRegularFile(config)) throw new SpectrolensException(model.toString(), "not a model directory (no config.json)");
    JsonNode node = Json.read(config, JsonNode.class).get("dataset");
    if (node == null || !node.isObject()) {
      throw new SpectrolensException(config.toString(), "no 'dataset' object (the front end the model was trained with)");
    }
    DatasetInfo info;
    try {
      info = Json.MAPPER.treeToValue(node, DatasetInfo.class);
    } catch (java.io.IOException e) {
      throw new SpectrolensException(config.toString(), "malformed 'dataset' object: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return InputFormat.of(info.check(config + " (dataset)"));
  }

}
