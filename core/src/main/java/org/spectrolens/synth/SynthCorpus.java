package org.spectrolens.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.spectrolens.SpectrolensException;
import org.spectrolens.audio.WavWriter;
import org.spectrolens.corpus.textgrid.TextGridWriter;
import org.spectrolens.io.AtomicFiles;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.io.Json;
import org.spectrolens.params.Param;
import org.spectrolens.params.Params;
import org.spectrolens.synth.channel.Channel;

/**
 * The built-in synthetic speech corpus. Utterance {@code i} is spoken by speaker
 * {@code i mod speakers} (groups men, women, children in turn) and depends only on the seed and
 * {@code i}, so the corpus is the same however many threads make it.
 *
 * <p>Written in the LJSpeech layout ({@code metadata.csv}, {@code wavs/}) plus MFA-style
 * {@code TextGrid/<id>.TextGrid}, {@code speakers.csv}, the ground truth {@code truth/<id>.csv} and
 * the provenance {@code synth.json} (seed, utterances, rate, and who the talkers are: {@link Talkers}).
 * With {@link Channel.Variety#VARIED} channels each utterance passes its own room, microphone,
 * telephone line and noise ({@link Channel}), listed in {@code speakers.csv}; the truth tracks and
 * alignments stay the dry source's.
 */
public final class SynthCorpus {
  public static final int DEFAULT_UTTERANCES = 2000;
  public static final int DEFAULT_SAMPLE_RATE = 22050;
  private static final SpeakerGroup[] GROUPS = SpeakerGroup.values();

  private final long seed;
  @Param(value = "utterances to synthesise", min = 1, max = 1_000_000)
  private final int utterances;
  @Param(value = "sample rate (Hz); fricatives need energy above 5 kHz", min = 16000, max = 96000)
  private final int sampleRate;
  private final int speakerCount;
  private final Talkers talkers;
  private final Channel.Variety channels;
  private final Speaker[] speakers;
  private final SentenceMaker sentences = new SentenceMaker(Lexicon.builtIn());

  /** A corpus of citation-vowel talkers ({@link VowelSystem#CITATION}). */
  public SynthCorpus(long seed, int utterances, int sampleRate) {
    this(seed, utterances, sampleRate, Talkers.DEFAULT);
  }

  /**
   * @param talkers who speaks: vowel system, voices, utterances per talker
   */
  public SynthCorpus(long seed, int utterances, int sampleRate, Talkers talkers) {
    this(seed, utterances, sampleRate, talkers, Channel.Variety.CLEAN);
  }

  /**
   * @param talkers who speaks: vowel system, voices, utterances per talker
   * @param channels what lies between the talkers and the recordings (clean: nothing)
   */
  public SynthCorpus(long seed, int utterances, int sampleRate, Talkers talkers, Channel.Variety channels) {
    Params.check(SynthCorpus.class, "utterances", utterances);
    Params.check(SynthCorpus.class, "sampleRate", sampleRate);
    this.seed = seed;
    this.utterances = utterances;
    this.sampleRate = sampleRate;
    this.talkers = talkers;
    this.channels = channels;
    this.speakerCount = talkers.count(utterances);
    this.speakers = new Speaker[speakerCount];
    for (int s = 0; s < speakerCount; s++) {
      speakers[s] = Speaker.draw(String.format(Locale.ROOT, "SL%03d", s + 1), GROUPS[s % GROUPS.length], talkers.vowels(),
          talkers.voices(), random(1, s));
    }
  }

  public int utterances() {
    return utterances;
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int speakerCount() {
    return speakerCount;
  }

  public Speaker speakerOf(int index) {
    return speakers[index % speakerCount];
  }

  /** The utterance id, e.g. {@code SL007-0003}: speaker, then the speaker's utterance number. */
  public String id(int index) {
    return String.format(Locale.ROOT, "%s-%04d", speakerOf(index).id(), index / speakerCount + 1);
  }

  /** The plan of utterance {@code index} (cheap: no audio). */
  public UtterancePlan plan(int index) {
    SplittableRandom rng = random(2, index);
    var words = sentences.sentence(index, rng);
    return Planner.plan(speakerOf(index), words, rng);
  }

  public Utterance synthesize(int index) {
    UtterancePlan plan = plan(index);
    Tracks tracks = Tracks.of(plan);
    float[] samples = FormantSynthesizer.render(plan, tracks, sampleRate, random(3, index));
    Channel channel = channel(index);
    if (!channel.isClean()) samples = channel.apply(samples, sampleRate, phones(plan, samples.length), this::dry, random(5, index));
    return new Utterance(id(index), SentenceMaker.text(plan.words()), plan, tracks, samples, sampleRate);
  }

  /**
   * The channel utterance {@code index} passes, from its own random stream (so a clean corpus
   * draws nothing new and is the corpus it always was).
   */
  public Channel channel(int index) {
    return channels.draw(index, utterances, random(4, index));
  }

  /** The dry audio of utterance {@code index} (babble for the others' channels). */
  private float[] dry(int index) {
    UtterancePlan plan = plan(index);
    return FormantSynthesizer.render(plan, Tracks.of(plan), sampleRate, random(3, index));
  }

  /** Which of {@code n} samples lie in a phone (not a pause): where the channel's levels and SNR are taken. */
  private boolean[] phones(UtterancePlan plan, int n) {
    boolean[] in = new boolean[n];
    for (UtterancePlan.Segment s : plan.segments()) {
      if (s.label().isEmpty()) continue;
      int a = Math.max(0, (int) Math.round(s.start() * sampleRate));
      int b = Math.min(n, (int) Math.round(s.end() * sampleRate));
      for (int i = a; i < b; i++) in[i] = true;
    }
    return in;
  }

  /** What {@link #write} made. */
  public record Summary(int utterances, int speakers, double audioSeconds, double wallSeconds) {}

  /**
   * The provenance file {@code synth.json}, written last: it marks a directory as a complete
   * synthetic corpus (one {@link #write} may replace) and says how to make it again.
   */
  public record Provenance(int format, long seed, int utterances, int sampleRate, int speakers, String vowels, String voices,
      int utterancesPerTalker, String channels) {
    public static final String FILE = "synth.json";
    public static final int FORMAT = 1;
  }

  /** The command recorded in the output marker. */
  public static final String COMMAND = "synth";

  /** {@link #write(Path, boolean, IntConsumer)} without --force. */
  public Summary write(Path dir, IntConsumer progress) {
    return write(dir, false, progress);
  }

  /**
   * Writes the corpus into {@code dir} in parallel; {@code progress} gets the number of utterances
   * done after each one. The corpus is an {@link OutputFolder}: locked, made in
   * {@code <dir>.partial} and moved into place at the end (an earlier synthetic corpus in
   * {@code dir} is replaced only then, so no stale files of a larger run survive; anything
   * spectrolens did not write is refused); an interrupted write leaves no {@code dir} that looks
   * complete.
   *
   * @param force replace a folder another spectrolens command wrote
   */
  public Summary write(Path dir, boolean force, IntConsumer progress) {
    try (OutputFolder out = OutputFolder.create(dir, COMMAND, force)) {
      return write(out, progress);
    }
  }

  /** Writes the corpus into an output folder opened (locked and checked) by the caller, and commits it. */
  public Summary write(OutputFolder out, IntConsumer progress) {
    long t0 = System.nanoTime();
    {
      Path partial = out.dir();
      try {
        Files.createDirectories(partial.resolve("wavs"));
        Files.createDirectories(partial.resolve("TextGrid"));
        Files.createDirectories(partial.resolve("truth"));
      } catch (IOException e) {
        throw new SpectrolensException(partial.toString(), "cannot create the corpus directories: " + e.getMessage(), e);
      }
      double audio = writeInto(partial, progress);
      out.commit();
      return new Summary(utterances, speakerCount, audio, (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Writes every file into {@code dir}; metadata.csv, speakers.csv and synth.json last. Returns the audio seconds. */
  private double writeInto(Path dir, IntConsumer progress) {
    String[] meta = new String[utterances];
    String[] spk = new String[utterances];
    double[] seconds = new double[utterances];
    AtomicInteger done = new AtomicInteger();
    SeededParallel.forEachIndex(utterances, i -> {
      Utterance u = synthesize(i);
      WavWriter.writePcm16(dir.resolve("wavs").resolve(u.id() + ".wav"), u.clip());
      TextGridWriter.write(dir.resolve("TextGrid").resolve(u.id() + ".TextGrid"), u.textGrid());
      AtomicFiles.writeString(dir.resolve("truth").resolve(u.id() + ".csv"), u.truthCsv());
      meta[i] = u.id() + "|" + u.text() + "|" + u.text();
      Speaker s = speakerOf(i);
      spk[i] = String.format(Locale.ROOT, "%s,%s,%s,%.1f", u.id(), s.id(), s.group().sex, s.f0Mean())
          + (channels == Channel.Variety.CLEAN ? "" : "," + channel(i).csv());
      seconds[i] = u.duration();
      progress.accept(done.incrementAndGet());
    });
    List<String> metaSorted = Arrays.stream(meta).sorted().toList();
    List<String> spkSorted = Arrays.stream(spk).sorted().toList();
    String header = "id,speaker,sex,f0_mean" + (channels == Channel.Variety.CLEAN ? "" : "," + Channel.CSV_HEADER);
    AtomicFiles.writeString(dir.resolve("speakers.csv"), header + "\n" + String.join("\n", spkSorted) + "\n");
    AtomicFiles.writeString(dir.resolve("metadata.csv"), String.join("\n", metaSorted) + "\n");
    Json.write(dir.resolve(Provenance.FILE), new Provenance(Provenance.FORMAT, seed, utterances, sampleRate, speakerCount,
        talkers.vowels().label(), talkers.voices().label(), talkers.utterancesEach(), channels.label()));
    return Arrays.stream(seconds).sum();
  }

  /** A random stream for (purpose, index) under this corpus's seed. */
  private SplittableRandom random(int purpose, int index) {
    return SeededParallel.stream(seed, purpose, index);
  }
}
