package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.spectrolens.SpectrolensException;
import org.spectrolens.io.OutputFolder;
import org.spectrolens.scene.SceneCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrolens synth-scene}: writes the built-in intensive-care sound scene. */
@Command(name = "synth-scene", mixinStandardHelpOptions = true,
    description = {
      "Write the monitoring thesis's scenario: 1 s clips of an intensive-care room with the truth. Positive clips hold a",
      "patient event (wheeze, rhonchus, cough, stridor), sometimes with a room sound; negative clips one or two room",
      "sounds (staff speech, ventilator, monitor beeps near 1 kHz, mains hum, a transient); all over a room background",
      "at an SNR drawn from --snr-range. Layout: positive/, negative/ (16-bit WAV), clips.csv (id,label,kinds,snr_db),",
      "events.csv (id,kind,onset,offset,f0_min,f0_max), stems/<id>.event.wav + stems/<id>.rest.wav (summing to the clip),",
      "scene.json. Same seed, same scene. Written into DIR.partial and moved into place when complete (docs/scene.md)."})
public final class SynthSceneCommand implements Callable<Integer>, Checked {
  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Directory to write; an earlier scene there is replaced when the new one is complete, any other non-empty directory is refused.")
  Path out;

  @Option(names = "--force", description = "Replace a folder another spectrolens command wrote.")
  boolean force;

  @Sets(SceneCorpus.class)
  @Option(names = "--clips", defaultValue = "" + SceneCorpus.DEFAULT_CLIPS, paramLabel = "N", description = "Number of clips, half positive (default: ${DEFAULT-VALUE}).")
  int clips;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Sets(SceneCorpus.class)
  @Option(names = "--sr", defaultValue = "" + SceneCorpus.DEFAULT_SAMPLE_RATE, paramLabel = "HZ", description = "Sample rate in Hz (default: ${DEFAULT-VALUE}).")
  int sampleRate;

  @Option(names = "--snr-range", defaultValue = "-5,20", paramLabel = "MIN,MAX",
      description = "SNR of each sound over the room background, dB, drawn uniformly (default: ${DEFAULT-VALUE}).")
  String snrRange;

  @Override
  public void checkOptions() {
    double[] snr = parseRange(snrRange);
    new SceneCorpus(seed, clips, sampleRate, snr[0], snr[1]);
  }

  @Override
  public Integer call() {
    double[] snr = parseRange(snrRange);
    SceneCorpus scene = new SceneCorpus(seed, clips, sampleRate, snr[0], snr[1]);
    SceneCorpus.Summary s;
    try (OutputFolder folder = OutputFolder.create(out, SceneCorpus.COMMAND, force); // refused before any progress is drawn
        ProgressBar bar = new ProgressBarBuilder().setTaskName("synth-scene").setInitialMax(clips)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build()) {
      s = scene.write(folder, done -> bar.stepTo(Math.max(bar.getCurrent(), done)));
    }
    System.out.printf(Locale.ROOT, "synth-scene: %d clips (%d positive, %d negative) at %d Hz in %.1f s -> %s%n",
        s.clips(), s.positive(), s.negative(), sampleRate, s.wallSeconds(), out);
    return 0;
  }

  static double[] parseRange(String s) {
    String[] p = s.split(",");
    try {
      if (p.length == 2) {
        double[] r = {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())};
        if (Double.isFinite(r[0]) && Double.isFinite(r[1]) && r[0] <= r[1] && r[0] >= -60 && r[1] <= 60) return r;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SpectrolensException("--snr-range", "expected MIN,MAX in dB with -60 <= MIN <= MAX <= 60 (e.g. -5,20), found '" + s + "'");
  }
}
