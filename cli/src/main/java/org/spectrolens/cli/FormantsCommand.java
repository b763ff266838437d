package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.SpectrolensException;
import org.spectrolens.acoustics.FormantTrack;
import org.spectrolens.acoustics.FormantTracker;
import org.spectrolens.acoustics.SpeakerType;
import org.spectrolens.acoustics.SpectralResampler;
import org.spectrolens.acoustics.TrackFigure;
import org.spectrolens.acoustics.TrackTables;
import org.spectrolens.audio.Clip;
import org.spectrolens.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrolens formants IN... --out OUT}: Burg formant tracks as Praat's To Formant (burg). */
@Command(name = "formants", mixinStandardHelpOptions = true,
    description = "Track formants (Burg, as Praat's To Formant (burg)): time,f1,...,f5 per frame, empty where undefined.")
final class FormantsCommand implements Callable<Integer>, Checked {
  @Parameters(arity = "1..*", paramLabel = "IN", description = "Audio files (WAV, FLAC) or folders of them.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "OUT",
      description = "A .csv file (one input) or a folder (<name>.formants.csv per input).")
  Path out;

  @Option(names = "--ceiling", paramLabel = "HZ",
      description = "Formant ceiling (default: 5500, or the --speaker's); at most half the sample rate.")
  Double ceiling;

  @Option(names = "--speaker", paramLabel = "KIND",
      description = "man, woman or child: Praat's recommended ceiling (5000, 5500, 8000 Hz).")
  SpeakerType speaker;

  @Option(names = "--max-formants", defaultValue = "5", paramLabel = "N",
      description = "Formants sought (LPC order 2N; default: ${DEFAULT-VALUE}).")
  double maxFormants;

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
    if (ceiling != null && speaker != null) throw new SpectrolensException("--speaker", "give --ceiling or --speaker, not both");
  }

  @Override
  public Integer call() {
    double hz = ceiling != null ? ceiling : speaker != null ? speaker.formantCeilingHz() : SpeakerType.WOMAN.formantCeilingHz();
    FormantTracker tracker = new FormantTracker(step, maxFormants, hz, window, preEmphasis, SpectralResampler::resample);
    return PerFileOutputs.run("formants", inputs, out, ".formants.csv", png, force, (Clip clip, Path csv) -> {
      tracker.requireCeilingWithinBand(clip);
      FormantTrack track = tracker.track(clip);
      AtomicFiles.writeString(csv, TrackTables.formants(track));
      if (png) {
        TrackFigure.formants(clip, track, hz, Path.of(clip.source()).getFileName() + ": formants (ceiling " + (int) hz + " Hz)",
            PerFileOutputs.pngOf(csv));
      }
    });
  }
}
