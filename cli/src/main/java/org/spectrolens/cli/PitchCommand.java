package org.spectrolens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectrolens.acoustics.PitchTrack;
import org.spectrolens.acoustics.PitchTracker;
import org.spectrolens.acoustics.TrackFigure;
import org.spectrolens.acoustics.TrackTables;
import org.spectrolens.audio.Clip;
import org.spectrolens.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrolens pitch IN... --out OUT}: F0 by autocorrelation as Praat's To Pitch (ac). */
@Command(name = "pitch", mixinStandardHelpOptions = true,
    description = "Track F0 (autocorrelation, as Praat's To Pitch (ac)): time,f0 per frame, empty where unvoiced.")
final class PitchCommand implements Callable<Integer>, Checked {
  @Parameters(arity = "1..*", paramLabel = "IN", description = "Audio files (WAV, FLAC) or folders of them.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "OUT",
      description = "A .csv file (one input) or a folder (<name>.pitch.csv per input).")
  Path out;

  @Option(names = "--floor", defaultValue = "75", paramLabel = "HZ",
      description = "Lowest F0 sought; the window is 3 periods of it (default: ${DEFAULT-VALUE}).")
  double floor;

  @Option(names = "--ceiling", defaultValue = "600", paramLabel = "HZ", description = "Highest F0 sought (default: ${DEFAULT-VALUE}).")
  double ceiling;

  @Sets(PitchTracker.class)
  @Option(names = "--step", defaultValue = "0.01", paramLabel = "S", description = "Time step in s (default: ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--png", description = "Also draw F0 over a narrowband spectrogram (OUT with .png, or <name>.pitch.png).")
  boolean png;

  @Option(names = "--force", description = "Overwrite an input or a file of another kind, or replace a folder another command wrote.")
  boolean force;

  @Override
  public void checkOptions() {
    PerFileOutputs.checkOut(inputs, out);
  }

  @Override
  public Integer call() {
    PitchTracker tracker = PitchTracker.praat(step, floor, ceiling);
    return PerFileOutputs.run("pitch", inputs, out, ".pitch.csv", png, force, (Clip clip, Path csv) -> {
      PitchTrack track = tracker.track(clip);
      AtomicFiles.writeString(csv, TrackTables.pitch(track));
      if (png) TrackFigure.pitch(clip, track, ceiling, Path.of(clip.source()).getFileName() + ": F0", PerFileOutputs.pngOf(csv));
    });
  }
}
