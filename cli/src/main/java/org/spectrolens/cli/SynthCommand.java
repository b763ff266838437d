package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.synth.SynthCorpus;
import org.spectrolens.synth.Talkers;
import org.spectrolens.synth.VoiceQuality;
import org.spectrolens.synth.VowelSystem;
import org.spectrolens.synth.channel.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens synth}: writes the built-in synthetic speech corpus. */
@Command(name = "synth",
    description = {
      "Write a synthetic speech corpus: Klatt-style formant synthesis of English sentences by men, women and",
      "children whose formants and F0 are drawn from Hillenbrand et al. (1995). Layout: LJSpeech (metadata.csv,",
      "wavs/) plus MFA-style TextGrid/<id>.TextGrid, speakers.csv and the ground-truth tracks truth/<id>.csv",
      "(time,f0,f1,f2,f3,f4,b1,b2,b3,b4 every 10 ms; f0 empty where unvoiced), and synth.json (seed, utterances,",
      "rate). Same seed, same corpus. Written into DIR.partial and moved into place when complete.",
      "With --channels varied, each utterance's room, microphone, telephone line and noise join speakers.csv."})
public final class SynthCommand implements Callable<Integer>, Checked {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the corpus into; an earlier corpus written by synth is replaced"
          + " when the new one is complete, any other non-empty folder is refused.")
  Path out;

  @Option(names = "--force", description = "Replace a folder another spectrolens command wrote.")
  boolean force;

  @Sets(SynthCorpus.class)
  @Option(names = "--utterances", defaultValue = "" + SynthCorpus.DEFAULT_UTTERANCES, paramLabel = "N",
      description = "Number of utterances (default: ${DEFAULT-VALUE}).")
  int utterances;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Sets(SynthCorpus.class)
  @Option(names = "--sr", defaultValue = "" + SynthCorpus.DEFAULT_SAMPLE_RATE, paramLabel = "HZ",
      description = "Sample rate in Hz (default: ${DEFAULT-VALUE}, as LJSpeech).")
  int sampleRate;

  @Option(names = "--vowels", defaultValue = "citation", paramLabel = "SYSTEM",
      description = {"Where each talker's vowel targets come from: citation (Hillenbrand et al. 1995 /hVd/ means for every",
        "talker) or connected (per talker, a system between Hillenbrand and Peterson & Barney 1952, with /u/ fronted",
        "toward connected speech's 1600 Hz). Default: ${DEFAULT-VALUE}."})
  String vowels;

  @Option(names = "--voices", defaultValue = "uniform", paramLabel = "VARIETY",
      description = {"Voice sources: uniform (one per group: men, women, children) or varied (per talker: open quotient,",
        "breathiness, spectral tilt 0-15 dB at 3 kHz, jitter and shimmer drawn around the group's). Default: ${DEFAULT-VALUE}."})
  String voices;

  @Option(names = "--per-talker", defaultValue = "20", paramLabel = "N",
      description = "Utterances per talker: fewer gives more talkers, more speaker variety (default: ${DEFAULT-VALUE}).")
  int perTalker;

  @Option(names = "--channels", defaultValue = "clean", paramLabel = "VARIETY",
      description = {"What lies between talker and recording: clean (nothing, the dry synthesiser) or varied (per utterance:",
        "a room with RT60 0.15-0.8 s, a microphone EQ, a 300-3400 Hz telephone line through 8 kHz for 1 in 5, white, pink",
        "or babble noise at 5-35 dB SNR; listed in speakers.csv). Truth tracks and alignments stay the dry source's.",
        "Default: ${DEFAULT-VALUE}."})
  String channels;

  @Override
  public void checkOptions() {
    corpus(); // checks --utterances, --sr, --vowels, --voices, --per-talker and --channels
  }

  private SynthCorpus corpus() {
    VowelSystem system;
    VoiceQuality.Variety variety;
    try {
      system = VowelSystem.parse(vowels);
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException("--vowels", e.getMessage());
    }
    try {
      variety = VoiceQuality.Variety.parse(voices);
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException("--voices", e.getMessage());
    }
    Channel.Variety channelVariety;
    try {
      channelVariety = Channel.Variety.parse(channels);
    } catch (IllegalArgumentException e) {
      throw new SpectrolensException("--channels", e.getMessage());
    }
    Talkers talkers;
    try {
      talkers = new Talkers(system, variety, perTalker);
    } catch (SpectrolensException e) {
      throw new SpectrolensException("--per-talker", e.problem());
    }
    return new SynthCorpus(seed, utterances, sampleRate, talkers, channelVariety);
  }

  @Override
  public Integer call() {
    SynthCorpus corpus = corpus();
    SynthCorpus.Summary s;
    try (OutputFolder folder = OutputFolder.create(out, SynthCorpus.COMMAND, force); // refused before any progress is drawn
        ProgressBar bar = new ProgressBarBuilder().setTaskName("synth").setInitialMax(utterances)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
        .continuousUpdate().build()) {
      s = corpus.write(folder, done -> bar.stepTo(Math.max(bar.getCurrent(), done)));
    }
    System.out.printf(Locale.ROOT, "synth: %d utterances by %d speakers (%.1f min of audio at %d Hz) in %.1f s -> %s%n",
        s.utterances(), s.speakers(), s.audioSeconds() / 60, sampleRate, s.wallSeconds(), out);
    return 0;
  }
}
