package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.spectrolens.acoustics.FormantSettings;
import org.spectrolens.acoustics.FormantTrack;
import org.spectrolens.acoustics.FormantTracker;
import org.spectrolens.acoustics.SpeakerType;
import org.spectrolens.acoustics.SpectralResampler;
import org.spectrolens.acoustics.TrackFigure;
import org.spectrolens.acoustics.TrackTables;
import org.spectrolens.audio.Clip;
import org.spectrolens.params.Params;
import org.spectrolens.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrolens formants IN... --out OUT}: Burg formant tracks as Praat's To Formant (burg). */
@Command(name = "formants", mixinStandardHelpOptions = true,
    description = "Track formants (Burg, as Praat's To Formant (burg)): time,f1,...,f5 per frame, empty where undefined.")
final class FormantsCommand implements Callable<Integer>, Checked {
  /** A rate whose band holds every speaker's ceiling: the settings as given, with nothing lowered. */
  private static final int WIDEBAND_RATE = 96000;

  @Parameters(arity = "1..*", paramLabel = "IN", description = "Audio files (WAV, FLAC) or folders of them.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "OUT",
      description = "A .csv file (one input) or a folder (<name>.formants.csv per input).")
  Path out;

  @Option(names = "--ceiling", paramLabel = "HZ",
      description = "Formant ceiling (default: the --speaker's, 5500 Hz without one, lowered to each file's Nyquist frequency); "
          + "a ceiling above a file's Nyquist frequency is refused.")
  Double ceiling;

  @Option(names = "--speaker", paramLabel = "KIND",
      description = "man, woman or child: Praat's ceiling for five formants (5000, 5500, 8000 Hz) and its formant spacing.")
  SpeakerType speaker;

  @Option(names = "--max-formants", paramLabel = "N",
      description = "Formants sought, a multiple of 0.5 (LPC order 2N; default: one per 1000 Hz of ceiling, or per the "
          + "--speaker's formant spacing, at most 5: 4 at 4000 Hz for 8 kHz audio, 5 for wideband).")
  Double maxFormants;

  @Option(names = "--window", defaultValue = "0.025", paramLabel = "S",
      description = "Effective window length in s (the Gaussian is twice as long; default: ${DEFAULT-VALUE}).")
  double window;

  @Sets(FormantTracker.class)
  @Option(names = "--step", defaultValue = "0.01", paramLabel = "S", description = "Time step in s (default: ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--pre-emphasis", defaultValue = "50", paramLabel = "HZ",
      description = "+6 dB/octave above this frequency (default: ${DEFAULT-VALUE}).")
  double preEmphasis;

  @Option(names = "--png", description = "Also draw the tracks over a wideband spectrogram (OUT with .png, or <name>.formants.png).")
  boolean png;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind, or replace a folder another command wrote.")
  boolean force;

  @Override
  public void checkOptions() {
    PerFileOutputs.checkOut(inputs, out);
    settings();
    // The tracker itself is made per file (its ceiling follows the file's rate); its other ranges are checked here, before any work.
    new FormantTracker(step, FormantSettings.FULL_BAND_FORMANTS, SpeakerType.WOMAN.formantCeilingHz(), window, preEmphasis,
        SpectralResampler::resample);
  }

  /** The settings given (NaN where not given), resolved per file as analyze and localisation resolve them. */
  private FormantSettings settings() {
    return new FormantSettings(speaker, ceiling == null ? Double.NaN : ceiling, maxFormants == null ? Double.NaN : maxFormants);
  }

  @Override
  public Integer call() {
    FormantSettings settings = settings();
    // One line per sample rate whose band changed the settings (below 11,025 Hz: issue 25), so
    // that a telephone recording's 4000 Hz and 4 formants are never a surprise.
    FormantSettings.Resolved wideband = settings.resolve("", WIDEBAND_RATE);
    Set<Integer> rates = ConcurrentHashMap.newKeySet();
    return PerFileOutputs.run("formants", inputs, out, ".formants.csv", png, force, (Clip clip, Path csv) -> {
      FormantSettings.Resolved used = settings.resolve(clip.source(), clip.sampleRate());
      if (!used.equals(wideband) && rates.add(clip.sampleRate())) {
        System.err.printf(Locale.ROOT, "formants: %d Hz audio: ceiling %.0f Hz, %s formants%n", clip.sampleRate(), used.ceiling(),
            Params.number(used.maxFormants()));
      }
      FormantTracker tracker = new FormantTracker(step, used.maxFormants(), used.ceiling(), window, preEmphasis,
          SpectralResampler::resample);
      FormantTrack track = tracker.track(clip);
      AtomicFiles.writeString(csv, TrackTables.formants(track));
      if (png) {
        TrackFigure.formants(clip, track, used.ceiling(), Path.of(clip.source()).getFileName() + ": formants (ceiling "
            + (int) used.ceiling() + " Hz)", PerFileOutputs.pngOf(csv));
      }
    });
  }
}
